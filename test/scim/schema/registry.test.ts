import { expect } from 'chai';
import { createSchemaRegistry, defaultSchemaRegistry } from '../../../scim/schema/registry.js';
import { URN } from '../../../scim/types.js';

describe('scim/schema/registry', () => {
  const registry = defaultSchemaRegistry();

  describe('#resourceType()', () => {
    it('should find a resource type by name or endpoint, case-insensitively', () => {
      expect(registry.resourceType('User')?.endpoint).to.equal('/Users');
      expect(registry.resourceType('user')?.name).to.equal('User');
      expect(registry.resourceType('/Groups')?.name).to.equal('Group');
      expect(registry.resourceType('groups')?.name).to.equal('Group');
      expect(registry.resourceType('Widgets')).to.equal(undefined);
    });
  });

  describe('#coreSchemaUrn() / #extensionUrns()', () => {
    it('should give the core URN and the extension URNs of a type (RFC 7643 §6)', () => {
      expect(registry.coreSchemaUrn('User')).to.equal(URN.User);
      expect(registry.extensionUrns('User')).to.deep.equal([URN.EnterpriseUser]);
      expect(registry.extensionUrns('Group')).to.deep.equal([]);
      expect(registry.schemaUrns('Users')).to.deep.equal([URN.User, URN.EnterpriseUser]);
    });

    it('should throw a TypeError for an unknown resource type', () => {
      expect(() => registry.coreSchemaUrn('Widget')).to.throw(TypeError);
    });
  });

  describe('#schema()', () => {
    it('should find schemas by URN case-insensitively', () => {
      expect(registry.schema(URN.EnterpriseUser.toUpperCase())?.name).to.equal('EnterpriseUser');
      expect(registry.schemas().map((s) => s.id)).to.deep.equal([URN.User, URN.Group, URN.EnterpriseUser]);
    });
  });

  describe('#resolver()', () => {
    const resolve = registry.resolver('User');

    it('should resolve core attribute names case-insensitively (RFC 7643 §2.1)', () => {
      const r = resolve({ attribute: 'USERNAME' });
      expect(r?.attribute.name).to.equal('userName');
      expect(r?.schema).to.equal(URN.User);
      expect(r?.extension).to.equal(false);
    });

    it('should resolve sub-attributes', () => {
      const r = resolve({ attribute: 'name', subAttribute: 'GIVENNAME' });
      expect(r?.attribute.name).to.equal('name');
      expect(r?.subAttribute?.name).to.equal('givenName');
      expect(resolve({ attribute: 'emails', subAttribute: 'value' })?.subAttribute?.type).to.equal('string');
    });

    it('should resolve extension attributes unqualified and URN-qualified, marked as extension', () => {
      for (const r of [resolve({ attribute: 'department' }), resolve({ schema: URN.EnterpriseUser.toLowerCase(), attribute: 'Department' })]) {
        expect(r?.schema).to.equal(URN.EnterpriseUser);
        expect(r?.extension).to.equal(true);
        expect(r?.attribute.name).to.equal('department');
      }
      expect(resolve({ schema: URN.EnterpriseUser, attribute: 'manager', subAttribute: 'value' })?.subAttribute?.name).to.equal('value');
    });

    it('should resolve the §3.1 common attributes, also qualified by the core URN', () => {
      expect(resolve({ attribute: 'id' })?.attribute).to.include({ returned: 'always', caseExact: true });
      expect(resolve({ attribute: 'meta', subAttribute: 'lastModified' })?.subAttribute?.type).to.equal('dateTime');
      expect(resolve({ schema: URN.User, attribute: 'externalId' })?.attribute.caseExact).to.equal(true);
      expect(registry.resolver('Group')({ attribute: 'id' })?.schema).to.equal(URN.Group);
    });

    it('should not resolve attributes of another schema or unknown names', () => {
      expect(resolve({ schema: URN.User, attribute: 'department' })).to.equal(undefined);
      expect(resolve({ schema: URN.EnterpriseUser, attribute: 'userName' })).to.equal(undefined);
      expect(resolve({ schema: 'urn:example:nope', attribute: 'userName' })).to.equal(undefined);
      expect(resolve({ attribute: 'nope' })).to.equal(undefined);
      expect(resolve({ attribute: 'userName', subAttribute: 'x' })).to.equal(undefined);
      expect(registry.resolver('Group')({ attribute: 'userName' })).to.equal(undefined);
      expect(resolve({ attribute: '__proto__' })).to.equal(undefined);
    });

    it('should keep the resolver per registry instance', () => {
      expect(registry.resolver('User')).to.equal(registry.resolver('user'));
      expect(defaultSchemaRegistry().resolver('User')).to.not.equal(registry.resolver('User'));
    });
  });

  describe('#createSchemaRegistry()', () => {
    it('should reject a resource type that names an unknown schema', () => {
      expect(() => createSchemaRegistry({ schemas: [], resourceTypes: [{ id: 'X', name: 'X', endpoint: '/X', schema: 'urn:x' }] })).to.throw(TypeError);
    });

    it('should accept custom schemas and fill omitted characteristics with §2.2 defaults', () => {
      const custom = createSchemaRegistry({
        schemas: [{ id: 'urn:example:Device', name: 'Device', attributes: [{ name: 'serial', required: true }] }],
        resourceTypes: [{ id: 'Device', name: 'Device', endpoint: '/Devices', schema: 'urn:example:Device' }],
      });
      expect(custom.resolver('Device')({ attribute: 'SERIAL' })?.attribute).to.deep.equal({
        name: 'serial', type: 'string', multiValued: false, required: true, caseExact: false,
        mutability: 'readWrite', returned: 'default', uniqueness: 'none',
      });
    });
  });
});
