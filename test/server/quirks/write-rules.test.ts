import { expect } from 'chai';
import { ScimError } from '../../../scim/errors.js';
import type { ScimResource } from '../../../scim/types.js';
import { createQuirkRuntime } from '../../../server/quirks/index.js';
import type { QuirkProfile } from '../../../server/quirks/index.js';
import { createMemoryStore } from '../../../server/store/index.js';
import type { StoredResource } from '../../../server/store/types.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const store = createMemoryStore({ baseUrl: 'http://scim.test/scim/v2' });

function write(profile: Omit<QuirkProfile, 'description'>, resource: ScimResource, existing?: ScimResource): ScimResource {
  const runtime = createQuirkRuntime({ description: 'test', ...profile });
  const operation = existing ? 'replace' : 'create';
  return runtime.beforeWrite({ resourceType: 'User', operation, resource, existing: existing as StoredResource | undefined, store });
}

function refusal(fn: () => unknown): { status: number; scimType: string | undefined; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(ScimError);
    const e = error as ScimError;
    return { status: e.status, scimType: e.scimType, message: e.message };
  }
  throw new Error('expected a ScimError');
}

describe('server/quirks write rules (runtime.beforeWrite)', () => {
  it('should return the very same object when no write quirk is on', () => {
    const resource = { schemas: [USER], userName: 'ada' };
    expect(write({ rateLimit: { requests: 1, windowMs: 1 } }, resource)).to.equal(resource);
  });

  describe('truncate', () => {
    const profile = { truncate: { User: { displayName: 5, 'name.givenName': 3, 'emails.value': 8, [`${ENTERPRISE}:department`]: 2 } } };

    it('should cut long values silently, in core, complex, multi-valued and extension attributes', () => {
      const input = Object.freeze({
        schemas: [USER, ENTERPRISE], userName: 'ada', displayName: 'Ada Lovelace', name: { givenName: 'Augusta', familyName: 'King' },
        emails: [{ value: 'ada@example.com', type: 'work' }, { value: 'a@b.io' }], [ENTERPRISE]: { department: 'Analytics' },
      });
      expect(write(profile, input)).to.deep.equal({
        schemas: [USER, ENTERPRISE], userName: 'ada', displayName: 'Ada L', name: { givenName: 'Aug', familyName: 'King' },
        emails: [{ value: 'ada@exam', type: 'work' }, { value: 'a@b.io' }], [ENTERPRISE]: { department: 'An' },
      });
    });

    it('should count code points, never splitting a surrogate pair', () => {
      expect(write({ truncate: { User: { displayName: 2 } } }, { schemas: [USER], userName: 'x', displayName: '😀😀😀' }).displayName).to.equal('😀😀');
    });

    it('should leave short values and the object itself untouched', () => {
      const input = { schemas: [USER], userName: 'ada', displayName: 'Ada' };
      expect(write(profile, input)).to.equal(input);
    });

    it("should refuse with 400 invalidValue in 'reject' mode (RFC 7644 §3.12)", () => {
      const r = refusal(() => write({ truncate: { mode: 'reject', User: { displayName: 5 } } }, { schemas: [USER], userName: 'a', displayName: 'Ada Lovelace' }));
      expect(r).to.deep.equal({ status: 400, scimType: 'invalidValue', message: "Attribute 'displayName' is longer than 5 characters" });
    });
  });

  describe('ignoreAttributes', () => {
    it('should drop the attributes silently, whole or one sub-attribute', () => {
      const out = write({ ignoreAttributes: { User: ['phoneNumbers', 'name.middleName', `${ENTERPRISE}:manager`] } }, {
        schemas: [USER, ENTERPRISE], userName: 'ada', phoneNumbers: [{ value: '1' }], name: { givenName: 'Ada', middleName: 'B' },
        [ENTERPRISE]: { manager: { value: 'm1' }, department: 'R&D' },
      });
      expect(out).to.deep.equal({ schemas: [USER, ENTERPRISE], userName: 'ada', name: { givenName: 'Ada' }, [ENTERPRISE]: { department: 'R&D' } });
    });
  });

  describe('requireFields', () => {
    it('should refuse a resource without a required attribute with 400 invalidValue', () => {
      const r = refusal(() => write({ requireFields: { User: ['emails.value', 'name.familyName'] } }, { schemas: [USER], userName: 'ada', emails: [{ value: 'a@b.c' }] }));
      expect(r).to.deep.equal({ status: 400, scimType: 'invalidValue', message: "Attribute 'name.familyName' is required" });
    });

    it('should treat an empty string as missing', () => {
      const r = refusal(() => write({ requireFields: { User: ['displayName'] } }, { schemas: [USER], userName: 'ada', displayName: '' }));
      expect(r.scimType).to.equal('invalidValue');
    });
  });

  describe('immutableAttributes', () => {
    const profile = { immutableAttributes: { User: ['externalId'] } };

    it('should refuse a change once set with 400 mutability (RFC 7643 §2.2 immutable)', () => {
      const r = refusal(() => write(profile, { schemas: [USER], userName: 'a', externalId: 'x2' }, { schemas: [USER], id: '1', userName: 'a', externalId: 'x1' }));
      expect(r).to.deep.equal({ status: 400, scimType: 'mutability', message: "Attribute 'externalId' cannot be changed once set" });
    });

    it('should allow setting a value that did not exist yet, and re-sending the same one', () => {
      expect(() => write(profile, { schemas: [USER], userName: 'a', externalId: 'x1' }, { schemas: [USER], id: '1', userName: 'a' })).to.not.throw();
      expect(() => write(profile, { schemas: [USER], userName: 'a', externalId: 'x1' }, { schemas: [USER], id: '1', userName: 'a', externalId: 'x1' })).to.not.throw();
    });
  });

  describe('userNameFormat', () => {
    it("should refuse a userName that is not an email with 'email'", () => {
      const r = refusal(() => write({ userNameFormat: 'email' }, { schemas: [USER], userName: 'ada' }));
      expect(r).to.deep.equal({ status: 400, scimType: 'invalidValue', message: "userName must be an email address (got 'ada')" });
      expect(() => write({ userNameFormat: 'email' }, { schemas: [USER], userName: 'ada@example.com' })).to.not.throw();
    });

    it('should apply a pattern with its own detail', () => {
      const r = refusal(() => write({ userNameFormat: { pattern: '^[^@]+$', detail: 'Invalid user name' } }, { schemas: [USER], userName: 'ada@example.com' }));
      expect(r.message).to.equal("Invalid user name (got 'ada@example.com')");
    });
  });
});

describe('server/quirks write rules with value-filter paths', () => {
  it('should cut only the selected elements of a multi-valued attribute', () => {
    const out = write({ truncate: { User: { 'emails[type eq "work"].value': 3 } } }, {
      schemas: [USER], userName: 'a', emails: [{ type: 'work', value: 'work@x.io' }, { type: 'home', value: 'home@x.io' }],
    });
    expect(out.emails).to.deep.equal([{ type: 'work', value: 'wor' }, { type: 'home', value: 'home@x.io' }]);
  });

  it('should drop the selected elements and the attribute when none is left', () => {
    const profile = { ignoreAttributes: { User: ['phoneNumbers[type eq "fax"]'] } };
    expect(write(profile, { schemas: [USER], userName: 'a', phoneNumbers: [{ type: 'fax', value: '1' }, { type: 'work', value: '2' }] }).phoneNumbers)
      .to.deep.equal([{ type: 'work', value: '2' }]);
    expect(write(profile, { schemas: [USER], userName: 'a', phoneNumbers: [{ type: 'fax', value: '1' }] })).to.not.have.property('phoneNumbers');
  });

  it('should require a work email when the profile says so', () => {
    const profile = { requireFields: { User: ['emails[type eq "work"].value'] } };
    expect(() => write(profile, { schemas: [USER], userName: 'a', emails: [{ type: 'home', value: 'h@x.io' }] })).to.throw(ScimError, 'is required');
    expect(() => write(profile, { schemas: [USER], userName: 'a', emails: [{ type: 'work', value: 'w@x.io' }] })).to.not.throw();
  });
});
