import { expect } from 'chai';
import fc from 'fast-check';
import { ScimError } from '../../../scim/errors.js';
import { parseFilterGrammar } from '../../../scim/filter/parse.js';
import { parseSimpleComparison } from '../../../scim/filter/simple-comparison.js';

const URNS = ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'];

/** the node, or the error's status and scimType and detail */
function outcome(parse: () => unknown): unknown {
  try {
    return { node: parse() };
  } catch (error) {
    expect(error).to.be.instanceOf(ScimError);
    const e = error as ScimError;
    return { status: e.status, scimType: e.scimType, detail: e.message };
  }
}

/** When the shortcut answers (node or error), the full grammar answers the same. */
function agrees(text: string): void {
  const fast = outcome(() => parseSimpleComparison(text, { knownUrns: URNS }));
  // undefined: the shortcut declined, and the full grammar decides alone
  if ('node' in (fast as object) && (fast as { node?: unknown }).node === undefined) return;
  expect(fast, text).to.deep.equal(outcome(() => parseFilterGrammar(text, { knownUrns: URNS })));
}

const space = fc.constantFrom('', ' ', '  ', '\t', '\n');
const gap = fc.constantFrom(' ', '  ', '\t', '\n ');
const attrPath = fc.constantFrom(
  'userName', 'USERNAME', 'name.givenName', 'emails.value', 'not', 'NoT', 'and', 'or', 'pr', 'a.b.c', '__proto__', 'constructor',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', 'urn:ietf:params:scim:schemas:core:2.0:User',
  'meta.lastModified', 'x-y', 'a$b', 'a/b', 'a%20', 'emails[type', '1abc', '$ref',
);
const op = fc.constantFrom('eq', 'EQ', 'Ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr', 'xx', 'and', 'e');
const value = fc.oneof(
  fc.string().map((s) => JSON.stringify(s)),
  fc.string({ unit: fc.constantFrom('"', '\\', 'a', 'u', '0', 'n', '\u0001', ' ') }).map((s) => `"${s}"`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom('true', 'false', 'null', 'True', 'NULL', '01', '-0', '1.', '1e5', '-2.5E-3', '.5', 'truex', '"a" and b pr', '(x)', '"x")'),
);

describe('scim/filter/simple-comparison', () => {
  it('should build the node the full grammar builds for one comparison (RFC 7644 §3.4.2.2)', () => {
    expect(parseSimpleComparison('userName eq "bjensen"')).to.deep.equal(parseFilterGrammar('userName eq "bjensen"'));
    expect(parseSimpleComparison(' meta.lastModified GT "2011-05-13T04:42:34Z" ')).to.deep.equal({
      type: 'compare', op: 'gt', path: { attribute: 'meta', subAttribute: 'lastModified' }, value: '2011-05-13T04:42:34Z',
    });
  });

  it('should leave keywords, brackets, presence and non-JSON values to the full grammar', () => {
    for (const text of ['not eq "x"', 'userName pr', 'emails[type eq "work"]', 'a eq "x" and b eq "y"', 'a eq True', 'a eq 01', 'a eq "\\q"', '123 eq 1']) {
      expect(parseSimpleComparison(text), text).to.equal(undefined);
    }
  });

  it('should give the same node or the same invalidFilter error as the full grammar on generated comparisons', () => {
    const text = fc.tuple(space, attrPath, gap, op, gap, value, space).map((parts) => parts.join(''));
    fc.assert(fc.property(text, agrees), { numRuns: 3000 });
  });

  it('should give the same node or the same error as the full grammar on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), agrees), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('u', 's', 'e', 'q', ' ', '"', '1', '-', '.', 'n', 'o', 't', '[', ']', '(', ':', '\\') }), agrees), { numRuns: 3000 });
  });
});
