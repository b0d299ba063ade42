import { expect } from 'chai';
import { loadDefaultSchema, mapObject, mapObjectAsync, objectMappings, toMappingSource } from '../../../engine/mapping/index.js';
import { CREATE_GROUP_EXAMPLE, CREATE_USER_EXAMPLE, specExample } from './spec-examples.js';
import type { AttributeMapping, ObjectMapping } from '../../../engine/mapping/index.js';

const E = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const [groupMapping, userMapping] = objectMappings(loadDefaultSchema());

const mapping = (targetAttributeName: string, expression: string, extra: Partial<AttributeMapping> = {}): AttributeMapping => ({
  targetAttributeName,
  source: toMappingSource(expression),
  flowType: 'Always',
  matchingPriority: 0,
  defaultValue: null,
  ...extra,
});
const users = (...attributeMappings: AttributeMapping[]): ObjectMapping => ({ sourceObjectName: 'User', targetObjectName: E, attributeMappings });

describe('engine/mapping/apply', () => {
  describe('#mapObject() with the default non-gallery mapping (ENTRA-SPEC §3.4–3.5)', () => {
    it("should build the exact body of §6.4's create-user example", () => {
      const withRoles: ObjectMapping = {
        ...userMapping.mapping,
        attributeMappings: [...userMapping.mapping.attributeMappings, mapping('roles', 'AppRoleAssignmentsComplex([appRoleAssignments])')],
      };
      const source = {
        objectId: '5f0f2b9a-0000-4000-8000-000000000001',
        userPrincipalName: 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
        mailNickname: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        mail: 'Test_User_11bb…@testuser.com',
        givenName: 'givenName',
        surname: 'familyName',
        IsSoftDeleted: false,
        appRoleAssignments: [],
      };
      const result = mapObject(source, withRoles, { mode: 'create', targetAttributes: userMapping.targetAttributes });
      expect(result.errors).to.deep.equal([]);
      expect(result.resource).to.deep.equal(specExample(CREATE_USER_EXAMPLE));
    });

    it("should build the exact body of §6.4's create-group example, members left for the reference pass", () => {
      const source = { objectId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', displayName: 'displayName', members: ['u1', 'u2'] };
      const result = mapObject(source, groupMapping.mapping, { mode: 'create', targetAttributes: groupMapping.targetAttributes });
      expect(result.resource).to.deep.equal(specExample(CREATE_GROUP_EXAMPLE));
      expect(result.references).to.deep.equal([{ targetAttributeName: 'members', value: ['u1', 'u2'] }]);
    });

    it('should place enterprise, address and phone attributes and defer the manager', () => {
      const source = {
        userPrincipalName: 'jo@contoso.com',
        IsSoftDeleted: 'True',
        employeeId: '42',
        department: 'Sales',
        manager: 'm-1',
        city: 'Oslo',
        postalCode: '0150',
        telephoneNumber: '+47 1',
        mobile: '+47 2',
      };
      const result = mapObject(source, userMapping.mapping, { mode: 'update', targetAttributes: userMapping.targetAttributes });
      expect(result.resource).to.deep.equal({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', E],
        meta: { resourceType: 'User' },
        userName: 'jo@contoso.com',
        active: false,
        addresses: [{ type: 'work', locality: 'Oslo', postalCode: '0150' }],
        phoneNumbers: [
          { type: 'work', value: '+47 1' },
          { type: 'mobile', value: '+47 2' },
        ],
        [E]: { employeeNumber: '42', department: 'Sales' },
      });
      expect(result.references).to.deep.equal([{ targetAttributeName: `${E}:manager`, value: 'm-1' }]);
    });
  });

  describe('#mapObject() flow rules', () => {
    const m = users(
      mapping('userName', '[userPrincipalName]'),
      mapping(`${E}:department`, '[department]', { flowType: 'ObjectAddOnly', defaultValue: 'Unassigned' }),
      mapping('title', '[jobTitle]', { defaultValue: 'Staff' }),
      mapping('nickName', 'IgnoreFlowIfNullOrEmpty([nick])'),
      mapping('preferredLanguage', '"en-US"', { source: { type: 'Constant', name: 'en-US', expression: '"en-US"', parameters: [] } }),
      { targetAttributeName: 'locale', source: null, defaultValue: 'en' },
    );

    it('should apply ObjectAddOnly mappings and default values only on create (§3.1)', () => {
      const source = { userPrincipalName: 'a@b' };
      expect(mapObject(source, m, { mode: 'create' }).resource).to.deep.include({
        userName: 'a@b',
        title: 'Staff',
        locale: 'en',
        preferredLanguage: 'en-US',
        [E]: { department: 'Unassigned' },
      });
      const update = mapObject({ ...source, department: 'HR' }, m, { mode: 'update' }).resource;
      expect(update).not.to.have.property(E);
      expect(update).not.to.have.property('title');
      expect(update).not.to.have.property('locale');
    });

    it('should drop attributes IgnoreFlowIfNullOrEmpty empties, and list them', () => {
      const result = mapObject({ userPrincipalName: 'a@b', nick: '' }, m, { mode: 'update' });
      expect(result.resource).not.to.have.property('nickName');
      expect(result.ignored).to.deep.equal(['nickName']);
    });

    it('should map SingleAppRoleAssignment to a primary role', () => {
      const roles = users(mapping('roles[primary eq "True"].value', 'SingleAppRoleAssignment([appRoleAssignments])'));
      expect(mapObject({ appRoleAssignments: [{ value: 'Admin' }] }, roles, { mode: 'create' }).resource.roles).to.deep.equal([{ primary: true, value: 'Admin' }]);
    });

    it('should list expression errors with their attribute instead of throwing', () => {
      const result = mapObject({}, users(mapping('title', 'IIF([a]="x", "1", "2")')), { mode: 'create' });
      expect(result.errors).to.deep.equal([
        {
          targetAttributeName: 'title',
          code: 'expression',
          message: 'IIF: the condition reads [a], which is null or empty',
          expression: { code: 'null-condition', start: 0, function: 'IIF' },
        },
      ]);
    });

    it('should report a required attribute without value or default (MandatoryFieldsMissing, §2.6)', () => {
      const result = mapObject({}, users(mapping('userName', '[userPrincipalName]')), {
        mode: 'create',
        targetAttributes: [{ name: 'userName', type: 'String', required: true }],
      });
      expect(result.errors.map((e) => e.code)).to.deep.equal(['missing-required']);
    });

    it('should refuse target names that are not SCIM paths, __proto__ included', () => {
      const result = mapObject({ a: 'x' }, users(mapping('__proto__', '[a]'), mapping('a b', '[a]')), { mode: 'create' });
      expect(result.errors.map((e) => [e.targetAttributeName, e.code])).to.deep.equal([
        ['__proto__', 'invalid-target'],
        ['a b', 'invalid-target'],
      ]);
      expect(Object.getPrototypeOf(result.resource)).to.equal(Object.prototype);
    });

    it('should mark redacted attributes', () => {
      expect(mapObject({ p: 'x' }, users(mapping('password', 'Redact([p])')), { mode: 'create' }).redacted).to.deep.equal(['password']);
    });
  });

  describe('#mapObjectAsync()', () => {
    it('should answer SelectUniqueValue from an asynchronous target lookup', async () => {
      const m = users(mapping('userName', 'SelectUniqueValue(Join("@", [g], "x.com"), Join("@", Join(".", [g], [s]), "x.com"))', { flowType: 'ObjectAddOnly' }));
      const result = await mapObjectAsync({ g: 'jo', s: 'lee' }, m, { mode: 'create', context: { isUnique: async (v) => v !== 'jo@x.com' } });
      expect(result.resource.userName).to.equal('jo.lee@x.com');
    });
  });
});
