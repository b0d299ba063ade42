import { expect } from 'chai';
import { ScimError } from '../../../scim/errors.js';
import { compileProjection, project, splitAttributeList } from '../../../scim/projection/index.js';
import { createSchemaRegistry, defaultSchemaRegistry } from '../../../scim/schema/registry.js';
import { URN } from '../../../scim/types.js';
import type { ScimResource } from '../../../scim/types.js';

const registry = defaultSchemaRegistry();
const resolver = registry.resolver('User');
const knownUrns = registry.schemaUrns('User');

const user: ScimResource = {
  schemas: [URN.User, URN.EnterpriseUser],
  id: 'u1',
  externalId: 'e1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  displayName: 'Babs',
  password: 'secret',
  emails: [{ value: 'b@work.example', type: 'work', primary: true }, { value: 'b@home.example', type: 'home' }],
  meta: { resourceType: 'User', created: '2024-01-01T00:00:00Z', lastModified: '2024-01-02T00:00:00Z', location: 'https://x/Users/u1', version: 'W/"1"' },
  [URN.EnterpriseUser]: { department: 'Tech', manager: { value: 'm1', displayName: 'Boss' } },
};

const p = (request: Parameters<typeof project>[1]) => project(user, request, resolver, { knownUrns });

describe('scim/projection', () => {
  describe('#project() defaults', () => {
    it('should return default attributes and never return password (RFC 7643 §4.1.1 returned never)', () => {
      const { password, ...rest } = user;
      expect(password).to.equal('secret');
      expect(p({})).to.deep.equal(rest);
    });
  });

  describe('#project() attributes (RFC 7644 §3.4.2.5)', () => {
    it('should return only the named attributes plus returned always (id, schemas)', () => {
      expect(p({ attributes: 'displayName' })).to.deep.equal({ schemas: [URN.User], id: 'u1', displayName: 'Babs' });
      expect(p({ attributes: ['USERNAME', 'externalId'] })).to.deep.equal({ schemas: [URN.User], id: 'u1', externalId: 'e1', userName: 'bjensen' });
    });

    it('should select sub-attributes, in every value of a multi-valued attribute', () => {
      expect(p({ attributes: 'name.givenName,emails.value' })).to.deep.equal({
        schemas: [URN.User], id: 'u1', name: { givenName: 'Barbara' }, emails: [{ value: 'b@work.example' }, { value: 'b@home.example' }],
      });
      expect(p({ attributes: 'meta.lastModified' })).to.deep.equal({ schemas: [URN.User], id: 'u1', meta: { lastModified: '2024-01-02T00:00:00Z' } });
    });

    it('should select URN-qualified attributes and whole extensions', () => {
      expect(p({ attributes: `${URN.EnterpriseUser}:department` })).to.deep.equal({
        schemas: [URN.User, URN.EnterpriseUser], id: 'u1', [URN.EnterpriseUser]: { department: 'Tech' },
      });
      expect(p({ attributes: `${URN.EnterpriseUser}:manager.value,${URN.User}:userName` })).to.deep.equal({
        schemas: [URN.User, URN.EnterpriseUser], id: 'u1', userName: 'bjensen', [URN.EnterpriseUser]: { manager: { value: 'm1' } },
      });
      expect(p({ attributes: URN.EnterpriseUser })).to.deep.equal({
        schemas: [URN.User, URN.EnterpriseUser], id: 'u1', [URN.EnterpriseUser]: user[URN.EnterpriseUser],
      });
    });

    it('should not return password even when named (returned never)', () => {
      expect(p({ attributes: 'password,userName' })).to.deep.equal({ schemas: [URN.User], id: 'u1', userName: 'bjensen' });
    });

    it('should ignore a value filter in an attribute list and select the attribute (not §3.10 grammar)', () => {
      expect(p({ attributes: 'emails[type eq "work"]' })).to.deep.equal({ schemas: [URN.User], id: 'u1', emails: user.emails });
      expect(p({ attributes: 'emails[type eq "a,b"].value' }).emails).to.deep.equal([{ value: 'b@work.example' }, { value: 'b@home.example' }]);
    });

    it('should ignore names no schema defines', () => {
      expect(p({ attributes: 'nickname2,displayName' })).to.deep.equal({ schemas: [URN.User], id: 'u1', displayName: 'Babs' });
    });

    it('should answer a malformed entry with 400 invalidValue', () => {
      try {
        p({ attributes: 'name..givenName' });
        expect.fail('expected a ScimError');
      } catch (error) {
        expect(error).to.be.instanceOf(ScimError);
        expect(error).to.include({ status: 400, scimType: 'invalidValue' });
      }
    });
  });

  describe('#project() excludedAttributes (RFC 7644 §3.9)', () => {
    it('should remove excluded attributes, sub-attributes and extensions', () => {
      const out = p({ excludedAttributes: 'emails,name.familyName,meta' });
      expect(out).to.not.have.property('emails');
      expect(out).to.not.have.property('meta');
      expect(out.name).to.deep.equal({ givenName: 'Barbara' });
      const noExt = p({ excludedAttributes: URN.EnterpriseUser });
      expect(noExt).to.not.have.property(URN.EnterpriseUser);
      expect(noExt.schemas).to.deep.equal([URN.User]);
    });

    it('should have no effect on returned always attributes', () => {
      expect(p({ excludedAttributes: 'id,schemas,userName' })).to.include({ id: 'u1' }).and.to.have.property('schemas');
    });

    it('should honour excludedAttributes=members on a group (ENTRA-SPEC §6.4)', () => {
      const group = { schemas: [URN.Group], id: 'g1', displayName: 'Sales', members: [{ value: 'u1' }] };
      expect(project(group, { excludedAttributes: 'members' }, registry.resolver('Group'))).to.deep.equal({ schemas: [URN.Group], id: 'g1', displayName: 'Sales' });
    });
  });

  describe('#compileProjection() returned request', () => {
    it('should return a returned-request attribute only when named', () => {
      const custom = createSchemaRegistry({
        schemas: [{ id: 'urn:example:Device', name: 'Device', attributes: [{ name: 'label' }, { name: 'secretHint', returned: 'request' }] }],
        resourceTypes: [{ id: 'Device', name: 'Device', endpoint: '/Devices', schema: 'urn:example:Device' }],
      });
      const device = { schemas: ['urn:example:Device'], id: 'd1', label: 'x', secretHint: 'y' };
      const r = custom.resolver('Device');
      expect(compileProjection({}, r)(device)).to.deep.equal({ schemas: ['urn:example:Device'], id: 'd1', label: 'x' });
      expect(compileProjection({ attributes: 'secretHint' }, r)(device)).to.deep.equal({ schemas: ['urn:example:Device'], id: 'd1', secretHint: 'y' });
    });
  });

  describe('#compileProjection() reused across resources', () => {
    it('should project each resource of a list as if compiled for it alone', () => {
      const compiled = compileProjection({ excludedAttributes: 'name.familyName' }, resolver, { knownUrns });
      const other: ScimResource = {
        schemas: [URN.User, URN.EnterpriseUser],
        id: 'u2',
        name: { familyName: 'Only' },
        emails: [{ value: 'x@example.com', display: 'X' }, {}],
        [URN.EnterpriseUser]: {},
      };
      for (const r of [user, other, user]) expect(compiled(r)).to.deep.equal(project(r, { excludedAttributes: 'name.familyName' }, resolver, { knownUrns }));
      // RFC 7643 §2.5: an empty complex value and an emptied extension are unassigned, so they go (and the extension's URN with it)
      expect(compiled(other)).to.deep.equal({ schemas: [URN.User], id: 'u2', emails: [{ value: 'x@example.com', display: 'X' }] });
    });

    it('should leave the input resource unchanged', () => {
      const before = JSON.stringify(user);
      compileProjection({ attributes: 'emails.value,name' }, resolver, { knownUrns })(user);
      compileProjection({}, resolver, { knownUrns })(user);
      expect(JSON.stringify(user)).to.equal(before);
    });
  });

  describe('#splitAttributeList()', () => {
    it('should split on commas outside brackets and quotes and accept arrays (POST /.search)', () => {
      expect(splitAttributeList(' a , b.c ,emails[value eq "x,y"].type,')).to.deep.equal(['a', 'b.c', 'emails[value eq "x,y"].type']);
      expect(splitAttributeList(['a', ' b '])).to.deep.equal(['a', 'b']);
      expect(splitAttributeList(undefined)).to.deep.equal([]);
    });
  });
});
