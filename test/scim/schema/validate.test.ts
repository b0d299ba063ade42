import { expect } from 'chai';
import { ScimError } from '../../../scim/errors.js';
import { createSchemaRegistry, defaultSchemaRegistry } from '../../../scim/schema/registry.js';
import { prepareResource } from '../../../scim/schema/validate.js';
import type { PrepareResourceOptions } from '../../../scim/schema/validate.js';
import { URN } from '../../../scim/types.js';

const registry = defaultSchemaRegistry();
const userOpts: PrepareResourceOptions = { registry, resourceType: 'User', mode: 'create' };
const groupOpts: PrepareResourceOptions = { registry, resourceType: 'Group', mode: 'create' };

function fails(input: unknown, options: PrepareResourceOptions): ScimError {
  try {
    prepareResource(input, options);
  } catch (error) {
    expect(error).to.be.instanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error('expected a ScimError');
}

describe('scim/schema/validate', () => {
  describe('#prepareResource() structure', () => {
    it('should reject a body that is not an object with 400 invalidSyntax', () => {
      for (const input of [null, 'x', 3, [], true]) {
        expect(fails(input, userOpts)).to.include({ status: 400, scimType: 'invalidSyntax' });
      }
    });

    it('should reject a body without schemas or without the core schema URN (RFC 7643 §3)', () => {
      expect(fails({ userName: 'a' }, userOpts)).to.include({ status: 400, scimType: 'invalidSyntax' });
      expect(fails({ schemas: 'x', userName: 'a' }, userOpts).scimType).to.equal('invalidSyntax');
      expect(fails({ schemas: [URN.Group], userName: 'a' }, userOpts)).to.include({ status: 400, scimType: 'invalidSyntax', message: `"schemas" must include ${URN.User}` });
    });

    it('should tolerate and drop an unknown schema URN that carries no data (Entra group create, ENTRA-SPEC §6.4)', () => {
      const out = prepareResource({
        schemas: [URN.Group, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: 'e1', displayName: 'Sales', meta: { resourceType: 'Group' },
      }, groupOpts);
      expect(out).to.deep.equal({ schemas: [URN.Group], externalId: 'e1', displayName: 'Sales' });
    });

    it('should reject __proto__, constructor and prototype keys at any depth', () => {
      for (const body of [
        `{"schemas":["${URN.User}"],"userName":"a","__proto__":{"x":1}}`,
        `{"schemas":["${URN.User}"],"userName":"a","name":{"constructor":"x"}}`,
        `{"schemas":["${URN.User}"],"userName":"a","emails":[{"prototype":"x"}]}`,
      ]) {
        expect(fails(JSON.parse(body), userOpts)).to.include({ status: 400, scimType: 'invalidSyntax' });
      }
    });
  });

  describe('#prepareResource() canonical names (RFC 7643 §2.1)', () => {
    it('should match attribute names case-insensitively and return the schema spelling', () => {
      const out = prepareResource({
        SCHEMAS: [URN.User.toUpperCase()], USERNAME: 'bjensen', Name: { GivenName: 'Barbara' },
        EMAILS: [{ VALUE: 'b@example.com', Type: 'work', PRIMARY: true }],
      }, userOpts);
      expect(out).to.deep.equal({
        schemas: [URN.User], userName: 'bjensen', name: { givenName: 'Barbara' },
        emails: [{ value: 'b@example.com', type: 'work', primary: true }],
      });
    });

    it('should fold URN-qualified keys into the extension object and add its URN to schemas (RFC 7644 §3.10)', () => {
      const out = prepareResource({
        schemas: [URN.User], userName: 'a',
        [`${URN.EnterpriseUser}:department`]: 'Tech',
        [`${URN.EnterpriseUser}:manager.value`]: 'm1',
        [URN.EnterpriseUser]: { costCenter: 'cc' },
      }, userOpts);
      expect(out).to.deep.equal({
        schemas: [URN.User, URN.EnterpriseUser], userName: 'a',
        [URN.EnterpriseUser]: { department: 'Tech', manager: { value: 'm1' }, costCenter: 'cc' },
      });
    });

    it('should name every unknown attribute in one invalidSyntax error', () => {
      const error = fails({
        schemas: [URN.User], userName: 'a', nope: 1, name: { middle: 'x' }, emails: [{ value: 'a', kind: 'x' }],
        [URN.EnterpriseUser]: { badge: 1 }, 'urn:example:other:1.0:User:thing': 2, 'name.givenName': 'x',
      }, userOpts);
      expect(error).to.include({ status: 400, scimType: 'invalidSyntax' });
      expect(error.message).to.equal(`Unknown attributes: nope, name.middle, emails[0].kind, ${URN.EnterpriseUser}:badge, urn:example:other:1.0:User:thing, name.givenName`);
    });

    it('should reject the same attribute spelled twice', () => {
      expect(fails({ schemas: [URN.User], userName: 'a', USERNAME: 'b' }, userOpts)).to.include({ scimType: 'invalidSyntax', message: 'Attributes given more than once: userName' });
    });

    it('should treat null as unassigned (RFC 7643 §2.5)', () => {
      expect(prepareResource({ schemas: [URN.User], userName: 'a', title: null, name: { givenName: null } }, userOpts))
        .to.deep.equal({ schemas: [URN.User], userName: 'a', name: {} });
    });
  });

  describe('#prepareResource() types (RFC 7643 §2.3)', () => {
    it('should list every type violation as path: problem in one invalidValue error', () => {
      const error = fails({
        schemas: [URN.User], userName: 7, active: 'yes', emails: { value: 'x' },
        phoneNumbers: [{ value: 'x', primary: 'no' }], x509Certificates: [{ value: 'not base64!' }],
        [URN.EnterpriseUser]: { manager: { value: 5 } },
      }, userOpts);
      expect(error).to.include({ status: 400, scimType: 'invalidValue' });
      expect(error.message).to.equal('Invalid attribute values: userName: must be string; active: must be boolean; emails: must be array; '
        + `phoneNumbers[0].primary: must be boolean; x509Certificates[0].value: must be base64 encoded binary; ${URN.EnterpriseUser}:manager.value: must be string`);
    });

    it('should reject an extension that is not an object', () => {
      expect(fails({ schemas: [URN.User], userName: 'a', [URN.EnterpriseUser]: 'x' }, userOpts).message)
        .to.equal(`Invalid attribute values: ${URN.EnterpriseUser}: must be an object`);
    });

    it('should accept booleans only as JSON booleans unless lenientBooleans is on (ENTRA-SPEC §6.5)', () => {
      const input = { schemas: [URN.User], userName: 'a', active: 'False', emails: [{ value: 'x', primary: 'TRUE' }] };
      expect(fails(input, userOpts).scimType).to.equal('invalidValue');
      expect(prepareResource(input, { ...userOpts, lenientBooleans: true })).to.deep.include({ active: false, emails: [{ value: 'x', primary: true }] });
      expect(fails({ ...input, active: 'maybe' }, { ...userOpts, lenientBooleans: true }).message).to.equal('Invalid attribute values: active: must be boolean');
    });
  });

  describe('#prepareResource() required (RFC 7643 §7)', () => {
    it('should name missing required attributes with 400 invalidValue, empty userName included', () => {
      expect(fails({ schemas: [URN.User] }, userOpts)).to.include({ status: 400, scimType: 'invalidValue', message: 'Required attributes are missing: userName' });
      expect(fails({ schemas: [URN.User], userName: '' }, userOpts).message).to.equal('Required attributes are missing: userName');
    });

    it('should not require the readOnly id', () => {
      expect(prepareResource({ schemas: [URN.Group], displayName: 'g' }, groupOpts)).to.not.have.property('id');
    });
  });

  describe('#prepareResource() mutability (RFC 7644 §3.5.1)', () => {
    it('should silently drop readOnly input: id, meta, groups, manager.displayName', () => {
      const out = prepareResource({
        schemas: [URN.User], id: 'client-id', meta: { resourceType: 'User', created: 'bad' }, userName: 'a',
        groups: [{ value: 'g1' }], [URN.EnterpriseUser]: { manager: { value: 'm', displayName: 'Boss' } },
      }, userOpts);
      expect(out).to.deep.equal({ schemas: [URN.User, URN.EnterpriseUser], userName: 'a', [URN.EnterpriseUser]: { manager: { value: 'm' } } });
    });

    it('should keep writeOnly values for storage', () => {
      expect(prepareResource({ schemas: [URN.User], userName: 'a', password: 's3cret' }, userOpts)).to.include({ password: 's3cret' });
    });

    it('should refuse to change an immutable value on replace with 400 mutability', () => {
      const device = createSchemaRegistry({
        schemas: [{ id: 'urn:example:Device', name: 'Device', attributes: [
          { name: 'serial', mutability: 'immutable' },
          { name: 'label' },
          { name: 'chip', type: 'complex', subAttributes: [{ name: 'model', mutability: 'immutable' }, { name: 'rev' }] },
        ] }],
        resourceTypes: [{ id: 'Device', name: 'Device', endpoint: '/Devices', schema: 'urn:example:Device' }],
      });
      const base = { registry: device, resourceType: 'Device', mode: 'replace' as const };
      const existing = { schemas: ['urn:example:Device'], serial: 'S1', label: 'old', chip: { model: 'M1', rev: '1' } };
      const schemas = ['urn:example:Device'];
      expect(fails({ schemas, serial: 'S2', chip: { model: 'M2' } }, { ...base, existing })).to.include({
        status: 400, scimType: 'mutability', message: 'Immutable attributes cannot be changed: serial, chip.model',
      });
      // the same value (case-insensitive, caseExact false) is allowed; an omitted one keeps its stored value
      expect(prepareResource({ schemas, serial: 's1', label: 'new', chip: { rev: '2' } }, { ...base, existing }))
        .to.deep.equal({ schemas, serial: 's1', label: 'new', chip: { rev: '2', model: 'M1' } });
      // setting it when it had no value is allowed
      expect(prepareResource({ schemas, serial: 'S9' }, { ...base, existing: { schemas } })).to.deep.equal({ schemas, serial: 'S9' });
      // a create never compares
      expect(prepareResource({ schemas, serial: 'S2' }, { ...base, mode: 'create', existing })).to.deep.equal({ schemas, serial: 'S2' });
    });

    it('should let members be replaced as a whole although members.value is immutable', () => {
      const existing = { schemas: [URN.Group], displayName: 'g', members: [{ value: 'u1' }] };
      expect(prepareResource({ schemas: [URN.Group], displayName: 'g', members: [{ value: 'u2' }] }, { ...groupOpts, mode: 'replace', existing }))
        .to.deep.equal({ schemas: [URN.Group], displayName: 'g', members: [{ value: 'u2' }] });
    });
  });
});
