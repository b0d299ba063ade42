import { expect } from 'chai';
import { ScimError } from '../../../scim/errors.js';
import { parseFilter } from '../../../scim/filter/parse.js';
import { normalizeRequest } from '../../../scim/patch/request.js';
import { URN } from '../../../scim/types.js';
import { createQuirkRuntime } from '../../../server/quirks/index.js';
import type { QuirkProfile } from '../../../server/quirks/index.js';

function filterWith(filterSupport: QuirkProfile['filterSupport'], text: string) {
  const runtime = createQuirkRuntime({ description: 't', filterSupport });
  const filter = parseFilter(text);
  return { filter, result: () => runtime.filter({ resourceType: 'User', filter, text }) };
}

/** The gate sees what scim/patch validated: the operations as the client sent them, read once. */
function patchWith(patchSupport: QuirkProfile['patchSupport'], operations: { op: string; path?: string; value?: unknown }[]) {
  const normalized = normalizeRequest({ schemas: [URN.PatchOp], Operations: operations });
  return () => createQuirkRuntime({ description: 't', patchSupport }).checkPatch({ resourceType: 'User', operations: normalized });
}

function thrown(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    const e = error as ScimError;
    return { name: e.name, status: e.status, scimType: e.scimType, message: e.message };
  }
  throw new Error('expected a throw');
}

describe('server/quirks/filter-support (RFC 7644 §3.4.2.2)', () => {
  const support = { attributes: ['userName', 'emails.value', 'emails.type'], operators: ['eq', 'and'] as const, unsupported: 'reject' as const };

  it('should pass a supported filter through unchanged', () => {
    const { filter, result } = filterWith({ ...support, operators: [...support.operators] }, 'userName eq "ada" and emails[type eq "work"].value eq "a@b.c"');
    expect(result()).to.equal(filter);
  });

  it('should refuse an unsupported attribute with 400 invalidFilter', () => {
    const { result } = filterWith({ ...support, operators: [...support.operators] }, 'externalId eq "1"');
    expect(thrown(result)).to.deep.equal({ name: 'ScimError', status: 400, scimType: 'invalidFilter', message: "Unsupported filter: filtering on 'externalId' is not supported" });
  });

  it('should refuse an unsupported operator, including logical ones', () => {
    expect(thrown(filterWith({ ...support, operators: [...support.operators] }, 'userName sw "a"').result).message).to.equal("Unsupported filter: operator 'sw' is not supported");
    expect(thrown(filterWith({ ...support, operators: [...support.operators] }, 'userName eq "a" or userName eq "b"').result).message).to.equal("Unsupported filter: operator 'or' is not supported");
    expect(thrown(filterWith({ operators: ['eq'], unsupported: 'reject' }, 'userName pr').result).message).to.equal("Unsupported filter: operator 'pr' is not supported");
  });

  it("should ignore the filter (undefined: return everything) in 'ignore' mode", () => {
    expect(filterWith({ attributes: ['userName'], unsupported: 'ignore' }, 'externalId eq "1"').result()).to.equal(undefined);
  });

  it('should match attribute names case-insensitively (RFC 7643 §2.1)', () => {
    const { filter, result } = filterWith({ attributes: ['USERNAME'], unsupported: 'reject' }, 'userName eq "a"');
    expect(result()).to.equal(filter);
  });
});

describe('server/quirks/patch-support (RFC 7644 §3.5.2)', () => {
  it('should refuse an operation without path with 400 invalidPath', () => {
    expect(thrown(patchWith({ pathless: false }, [{ op: 'replace', path: 'displayName', value: 'x' }, { op: 'Replace', value: { active: false } }]))).to.deep.equal({
      name: 'ScimError', status: 400, scimType: 'invalidPath', message: 'operation 2: a path is required',
    });
  });

  it('should answer with the configured status (and no scimType outside 400) and detail', () => {
    expect(thrown(patchWith({ pathless: false, status: 500, detail: 'Unsupported attribute: null' }, [{ op: 'replace', value: {} }]))).to.deep.equal({
      name: 'ScimError', status: 500, scimType: undefined, message: 'Unsupported attribute: null',
    });
  });

  it('should refuse operations the app lacks, case-insensitively', () => {
    expect(thrown(patchWith({ ops: ['add', 'replace'] }, [{ op: 'Remove', path: 'title' }]))).to.deep.equal({
      name: 'ScimError', status: 400, scimType: 'invalidSyntax', message: "operation 1: 'remove' is not supported",
    });
    expect(patchWith({ ops: ['add', 'replace'] }, [{ op: 'Add', path: 'title', value: 'x' }])).to.not.throw();
  });

  it('should count a path of spaces as no path, as the PATCH code does', () => {
    expect(thrown(patchWith({ pathless: false }, [{ op: 'replace', path: '  ', value: { active: false } }]))).to.include({ status: 400, scimType: 'invalidPath' });
  });

  it('should let everything through when nothing is refused', () => {
    expect(patchWith({}, [{ op: 'replace', value: { active: false } }])).to.not.throw();
  });
});

describe('server/quirks/patch-support value-filter paths', () => {
  it('should refuse a value-filter path with 400 invalidPath and pass plain paths', () => {
    expect(thrown(patchWith({ valueFilterPaths: false }, [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'x' }]))).to.deep.equal({
      name: 'ScimError', status: 400, scimType: 'invalidPath', message: 'operation 1: value filters in paths are not supported (\'emails[type eq "work"].value\')',
    });
    expect(patchWith({ valueFilterPaths: false }, [{ op: 'replace', path: 'name.givenName', value: 'x' }])).to.not.throw();
  });

  it('should leave a path that does not parse to the PATCH code', () => {
    expect(patchWith({ valueFilterPaths: false }, [{ op: 'replace', path: 'emails[type eq', value: 'x' }])).to.not.throw();
  });
});

describe('bundled filter profiles', () => {
  it('should let entra-lenient answer the filters Entra sends and refuse the rest', async () => {
    const { loadQuirkProfile } = await import('../../../server/quirks/index.js');
    const runtime = createQuirkRuntime(await loadQuirkProfile('entra-lenient'));
    const run = (text: string) => () => runtime.filter({ resourceType: 'User', filter: parseFilter(text), text });
    for (const text of ['userName eq "ada@example.com"', 'externalId eq "e1"', 'emails[type eq "work"].value eq "ada@example.com"']) {
      expect(run(text), text).to.not.throw();
    }
    expect(thrown(run('userName sw "ada"')).scimType).to.equal('invalidFilter');
  });

  it('should let legacy-filter return everything for an externalId filter', async () => {
    const { loadQuirkProfile } = await import('../../../server/quirks/index.js');
    const runtime = createQuirkRuntime(await loadQuirkProfile('legacy-filter'));
    expect(runtime.filter({ resourceType: 'User', filter: parseFilter('externalId eq "e1"'), text: '' })).to.equal(undefined);
  });
});
