import { expect } from 'chai';
import fc from 'fast-check';
import { ScimError } from '../../../scim/errors.js';
import { applyPatch } from '../../../scim/patch/apply.js';
import { groupResolver, userResolver, userUrns, users } from '../support/users.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const path = fc.constantFrom(
  'userName', 'nickName', 'active', 'title', 'id', 'meta.created', 'name', 'name.givenName', 'emails', 'emails.type', 'emails[type eq "work"]',
  'emails[type eq "work"].value', 'emails[type eq "home"].primary', 'addresses[type eq "work"].locality', `${ENTERPRISE}:manager`,
  `${ENTERPRISE}:employeeNumber`, 'manager.value', 'bogus', 'emails[', '__proto__', 'name.constructor', '',
);
const value = fc.oneof(
  fc.string({ maxLength: 8 }), fc.boolean(), fc.integer(), fc.constant(null), fc.constantFrom('True', 'False', ''),
  fc.record({ value: fc.string({ maxLength: 5 }), type: fc.constantFrom('work', 'home'), primary: fc.boolean() }, { requiredKeys: [] }),
  fc.array(fc.record({ value: fc.string({ maxLength: 5 }), type: fc.constantFrom('work', 'home'), primary: fc.boolean() }, { requiredKeys: ['value'] }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('userName', 'name.givenName', 'nickName', 'active', ENTERPRISE, `${ENTERPRISE}:department`), fc.oneof(fc.string({ maxLength: 5 }), fc.boolean()), { maxKeys: 3 }),
);
const operation = fc.record({ op: fc.constantFrom('add', 'replace', 'remove', 'Add', 'Remove', 'copy'), path, value }, { requiredKeys: ['op'] });

describe('scim/patch (properties)', () => {
  it('should either apply random operation lists or throw a ScimError, never touching the input', () => {
    fc.assert(fc.property(fc.array(operation, { minLength: 1, maxLength: 5 }), fc.boolean(), (operations, entra) => {
      const source = users()[0];
      const before = structuredClone(source);
      const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations };
      try {
        const { resource } = applyPatch(source, body, { resolver: userResolver, knownUrns: userUrns, entra });
        expect(resource.id).to.equal('u1');
      } catch (e) {
        expect(e).to.be.instanceOf(ScimError);
        expect((e as ScimError).status).to.equal(400);
      }
      expect(source).to.deep.equal(before);
    }), { numRuns: 1500 });
  });

  it('should be idempotent for adding the same member twice', () => {
    fc.assert(fc.property(fc.uuid(), (id) => {
      const group = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g', displayName: 'G', members: [] as unknown[] };
      const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }] };
      const once = applyPatch(group, body, { resolver: groupResolver }).resource;
      const twice = applyPatch(once, body, { resolver: groupResolver });
      expect(twice.changed).to.equal(false);
      expect(twice.resource).to.deep.equal(once);
    }), { numRuns: 50 });
  });
});

