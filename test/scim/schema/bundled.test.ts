import { expect } from 'chai';
import {
  RFC_SCHEMA_DATA,
  bundledResourceSchemas,
  bundledResourceTypes,
  bundledServiceProviderSchemas,
  commonAttributeDefinitions,
} from '../../../scim/schemas/bundled.js';
import { URN } from '../../../scim/types.js';
import type { AttributeDefinition, SchemaDefinition } from '../../../scim/types.js';

function schemaOf(list: readonly SchemaDefinition[], id: string): SchemaDefinition {
  const found = list.find((s) => s.id === id);
  if (!found) throw new Error(`no schema ${id}`);
  return found;
}

function attr(schema: SchemaDefinition, path: string): AttributeDefinition {
  const [name, sub] = path.split('.');
  const a = schema.attributes.find((x) => x.name === name);
  if (!a) throw new Error(`no attribute ${name}`);
  if (!sub) return a;
  const s = a.subAttributes?.find((x) => x.name === sub);
  if (!s) throw new Error(`no sub-attribute ${path}`);
  return s;
}

describe('scim/schemas/bundled', () => {
  const schemas = bundledResourceSchemas();
  const user = schemaOf(schemas, URN.User);
  const group = schemaOf(schemas, URN.Group);
  const enterprise = schemaOf(schemas, URN.EnterpriseUser);

  it('should hold the three RFC 7643 §8.7.1 resource schemas with their names', () => {
    expect(schemas.map((s) => [s.id, s.name, s.description])).to.deep.equal([
      [URN.User, 'User', 'User Account'],
      [URN.Group, 'Group', 'Group'],
      [URN.EnterpriseUser, 'EnterpriseUser', 'Enterprise User'],
    ]);
  });

  it('should list the User attributes in the §8.7.1 order', () => {
    expect(user.attributes.map((a) => a.name)).to.deep.equal([
      'userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType',
      'preferredLanguage', 'locale', 'timezone', 'active', 'password', 'emails', 'phoneNumbers',
      'ims', 'photos', 'addresses', 'groups', 'entitlements', 'roles', 'x509Certificates',
    ]);
    expect(enterprise.attributes.map((a) => a.name)).to.deep.equal([
      'employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager',
    ]);
  });

  it('should give userName required, caseExact false and uniqueness server (§4.1.1, §8.7.1)', () => {
    expect(attr(user, 'userName')).to.include({ type: 'string', required: true, caseExact: false, uniqueness: 'server', mutability: 'readWrite', returned: 'default' });
  });

  it('should make password writeOnly and returned never (§4.1.1)', () => {
    expect(attr(user, 'password')).to.include({ mutability: 'writeOnly', returned: 'never' });
  });

  it('should make groups and all its sub-attributes readOnly (§4.1.2)', () => {
    const groups = attr(user, 'groups');
    expect(groups).to.include({ mutability: 'readOnly', multiValued: true, type: 'complex' });
    expect(groups.subAttributes?.map((s) => s.mutability)).to.deep.equal(['readOnly', 'readOnly', 'readOnly', 'readOnly']);
    expect(attr(user, 'groups.type').canonicalValues).to.deep.equal(['direct', 'indirect']);
    expect(attr(user, 'groups.$ref').referenceTypes).to.deep.equal(['User', 'Group']);
  });

  it('should carry the canonical type values of the multi-valued attributes', () => {
    expect(attr(user, 'emails.type').canonicalValues).to.deep.equal(['work', 'home', 'other']);
    expect(attr(user, 'phoneNumbers.type').canonicalValues).to.deep.equal(['work', 'home', 'mobile', 'fax', 'pager', 'other']);
    expect(attr(user, 'ims.type').canonicalValues).to.deep.equal(['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo']);
    expect(attr(user, 'photos.type').canonicalValues).to.deep.equal(['photo', 'thumbnail']);
    expect(attr(user, 'addresses.type').canonicalValues).to.deep.equal(['work', 'home', 'other']);
    expect(attr(user, 'roles.type').canonicalValues).to.deep.equal([]);
  });

  it('should type the special values as the RFC does', () => {
    expect(attr(user, 'active').type).to.equal('boolean');
    expect(attr(user, 'emails.primary').type).to.equal('boolean');
    expect(attr(user, 'x509Certificates.value').type).to.equal('binary');
    expect(attr(user, 'profileUrl')).to.deep.include({ type: 'reference', referenceTypes: ['external'] });
    expect(attr(user, 'photos.value')).to.deep.include({ type: 'reference', referenceTypes: ['external'] });
  });

  it('should make Group members immutable sub-attributes of a readWrite attribute (§4.2, §8.7.1)', () => {
    expect(attr(group, 'members')).to.include({ mutability: 'readWrite', multiValued: true });
    expect(attr(group, 'members.value')).to.include({ mutability: 'immutable', type: 'string' });
    expect(attr(group, 'members.$ref')).to.deep.include({ mutability: 'immutable', referenceTypes: ['User', 'Group'] });
    expect(attr(group, 'members.type').canonicalValues).to.deep.equal(['User', 'Group']);
    // the §8.7.1 text says "REQUIRED." in the description but "required": false
    expect(attr(group, 'displayName')).to.include({ required: false, caseExact: false });
  });

  it('should give the enterprise manager a value, a User $ref and a readOnly displayName (§4.3)', () => {
    expect(attr(enterprise, 'manager')).to.include({ type: 'complex', multiValued: false });
    expect(attr(enterprise, 'manager.$ref').referenceTypes).to.deep.equal(['User']);
    expect(attr(enterprise, 'manager.displayName').mutability).to.equal('readOnly');
    expect(attr(enterprise, 'employeeNumber')).to.include({ type: 'string', caseExact: false });
  });

  it('should fill characteristics the RFC text omits with the §2.2 defaults', () => {
    const raw = (RFC_SCHEMA_DATA[0] as { attributes: Record<string, unknown>[] }).attributes.find((a) => a.name === 'active');
    expect(raw).to.not.have.property('caseExact');
    expect(attr(user, 'active')).to.include({ caseExact: false, uniqueness: 'none' });
    expect(attr(user, 'groups').uniqueness).to.equal('none');
  });

  it('should hold the §8.7.2 service provider schemas', () => {
    const sp = bundledServiceProviderSchemas();
    expect(sp.map((s) => s.id)).to.deep.equal([URN.ServiceProviderConfig, URN.ResourceType, URN.Schema]);
    expect(attr(sp[0]!, 'bulk.maxOperations')).to.include({ type: 'integer', required: true, mutability: 'readOnly' });
    expect(attr(sp[1]!, 'schema')).to.include({ type: 'reference', caseExact: true, required: true });
    expect(attr(sp[2]!, 'attributes.mutability').canonicalValues).to.deep.equal(['readOnly', 'readWrite', 'immutable', 'writeOnly']);
  });

  it('should define the §3.1 common attributes id, externalId and meta', () => {
    const common = commonAttributeDefinitions();
    const byName = new Map(common.map((a) => [a.name, a]));
    expect(byName.get('id')).to.include({ caseExact: true, mutability: 'readOnly', returned: 'always' });
    expect(byName.get('externalId')).to.include({ caseExact: true, mutability: 'readWrite' });
    expect(byName.get('meta')).to.include({ type: 'complex', mutability: 'readOnly' });
    expect(byName.get('meta')?.subAttributes?.map((s) => [s.name, s.type])).to.deep.equal([
      ['resourceType', 'string'], ['created', 'dateTime'], ['lastModified', 'dateTime'], ['location', 'reference'], ['version', 'string'],
    ]);
  });

  it('should declare the User and Group resource types with an optional enterprise extension', () => {
    const types = bundledResourceTypes();
    expect(types.map((t) => [t.name, t.endpoint, t.schema])).to.deep.equal([
      ['User', '/Users', URN.User],
      ['Group', '/Groups', URN.Group],
    ]);
    expect(types[0]!.schemaExtensions).to.deep.equal([{ schema: URN.EnterpriseUser, required: false }]);
  });
});
