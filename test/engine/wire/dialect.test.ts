import { expect } from 'chai';
import {
  activeOps, attributeOps, createGroupBody, createUserBody, dialectOf, managerOps, memberOps,
} from '../../../engine/wire/dialect.js';
import type { PatchDialect } from '../../../engine/wire/dialect.js';
import { applyPatch } from '../../../scim/patch/apply.js';
import type { PatchOperation, ScimResource } from '../../../scim/types.js';
import { ENTERPRISE, groupResolver, userResolver, userUrns, users } from '../../scim/support/users.js';

const ADSCIM = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
const patch = (resource: ScimResource, ops: PatchOperation[], resolver = userResolver) =>
  applyPatch(resource, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: ops }, { resolver, knownUrns: userUrns }).resource;

describe('engine/wire/dialect', () => {
  describe('dialectOf', () => {
    const cases: [string, 'auto' | 'legacy' | 'compliant' | undefined, PatchDialect][] = [
      ['https://api.contoso.com/scim/', undefined, 'legacy'],
      ['https://api.contoso.com/scim/v2?aadOptscim062020', undefined, 'compliant'],
      ['https://api.contoso.com/scim/v2?aadoptscim062020', 'auto', 'compliant'],
      ['https://api.contoso.com/scim/v2?tenant=1&aadOptscim062020=', 'auto', 'compliant'],
      ['https://api.contoso.com/scim/v2?AzureAdScimPatch2017', 'auto', 'legacy'],
      ['https://api.contoso.com/scim/v2?aadOptscim062020&AzureAdScimPatch2017', 'auto', 'legacy'],
      ['https://api.contoso.com/scim/v2', 'compliant', 'compliant'],
      ['https://api.contoso.com/scim/v2?aadOptscim062020', 'legacy', 'legacy'],
    ];
    for (const [url, setting, expected] of cases) {
      it(`should read ${url} (${setting ?? 'no setting'}) as ${expected}`, () => {
        expect(dialectOf(url, setting)).to.equal(expected);
      });
    }
    it('should refuse a URL it cannot parse in auto mode', () => {
      expect(() => dialectOf('not a url')).to.throw(TypeError);
    });
  });

  describe('attributeOps', () => {
    const changes = [
      { path: 'emails[type eq "work"].value', value: 'updated@example.com' },
      { path: 'displayName', value: 'Bjfe' },
      { path: 'name.givenName', value: 'Kkom' },
      { path: `${ENTERPRISE}:employeeNumber`, value: 'Aklq' },
      { path: 'active', value: false },
      { path: 'emails[type eq "work"].primary', value: true },
    ];

    it('should send one Replace per attribute with its path in the legacy dialect (§6.5)', () => {
      expect(attributeOps(changes, 'legacy')).to.deep.equal([
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updated@example.com' },
        { op: 'Replace', path: 'displayName', value: 'Bjfe' },
        { op: 'Replace', path: 'name.givenName', value: 'Kkom' },
        { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Aklq' },
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Replace', path: 'emails[type eq "work"].primary', value: 'True' },
      ]);
    });

    it('should combine attributes without a filter into one path-less replace in the compliant dialect (§6.5)', () => {
      expect(attributeOps(changes, 'compliant')).to.deep.equal([
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'updated@example.com' },
        { op: 'replace', value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', [`${ENTERPRISE}:employeeNumber`]: 'Aklq', active: false } },
        { op: 'replace', path: 'emails[type eq "work"].primary', value: true },
      ]);
    });

    it('should remove a cleared attribute by its path', () => {
      expect(attributeOps([{ path: 'title', value: null }], 'legacy')).to.deep.equal([{ op: 'Remove', path: 'title' }]);
      expect(attributeOps([{ path: 'title', value: undefined }, { path: 'nickName', value: 'Babs' }], 'compliant'))
        .to.deep.equal([{ op: 'remove', path: 'title' }, { op: 'replace', value: { nickName: 'Babs' } }]);
    });

    it('a value the target does not have yet is an Add in the legacy dialect (§6.5 "Add single-value string"); a filter path keeps Replace', () => {
      const changes = [
        { path: 'nickName', value: 'Babs', isNew: true },
        { path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Tech Infrastructure', isNew: true },
        { path: 'emails[type eq "work"].value', value: 'b@x.com', isNew: true },
        { path: 'title', value: 'CFO' },
      ];
      expect(attributeOps(changes, 'legacy')).to.deep.equal([
        { op: 'Add', path: 'nickName', value: 'Babs' },
        { op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Tech Infrastructure' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'b@x.com' },
        { op: 'Replace', path: 'title', value: 'CFO' },
      ]);
      // compliant: the simple attributes still ride in the one path-less replace
      expect(attributeOps(changes, 'compliant')[0]).to.deep.equal({
        op: 'replace',
        value: { nickName: 'Babs', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'Tech Infrastructure', title: 'CFO' },
      });
    });

    it('should return no operation for no change', () => {
      expect(attributeOps([], 'compliant')).to.deep.equal([]);
    });

    it('should refuse names that are not target paths, prototype keys included', () => {
      for (const path of ['__proto__', 'a b', 'emails[type ne "work"].value']) {
        expect(() => attributeOps([{ path, value: 'x' }], 'compliant'), path).to.throw(TypeError);
      }
    });

    for (const dialect of ['legacy', 'compliant'] as const) {
      it(`should give the same resource through the project's PATCH applier (${dialect})`, () => {
        const after = patch(users()[0]!, attributeOps([...changes, { path: 'title', value: null }], dialect));
        expect(after.emails).to.deep.include({ value: 'updated@example.com', type: 'work', primary: true });
        expect(after).to.include({ displayName: 'Bjfe', active: false });
        expect(after).not.to.have.property('title');
        expect((after.name as Record<string, unknown>).givenName).to.equal('Kkom');
        expect((after[ENTERPRISE] as Record<string, unknown>).employeeNumber).to.equal('Aklq');
      });
    }
  });

  describe('activeOps and managerOps', () => {
    it('should disable with "False" (legacy) and false (compliant), always with the active path (§6.4)', () => {
      expect(activeOps(false, 'legacy')).to.deep.equal([{ op: 'Replace', path: 'active', value: 'False' }]);
      expect(activeOps(true, 'legacy')).to.deep.equal([{ op: 'Replace', path: 'active', value: 'True' }]);
      expect(activeOps(false, 'compliant')).to.deep.equal([{ op: 'replace', path: 'active', value: false }]);
    });

    it('should add the manager as a plain string and remove it for null (§6.4)', () => {
      const path = `${ENTERPRISE}:manager`;
      expect(managerOps('m1', 'legacy')).to.deep.equal([{ op: 'Add', path, value: 'm1' }]);
      expect(managerOps('m1', 'compliant')).to.deep.equal([{ op: 'add', path, value: 'm1' }]);
      expect(managerOps(null, 'legacy')).to.deep.equal([{ op: 'Remove', path }]);
      expect(managerOps(null, 'compliant')).to.deep.equal([{ op: 'remove', path }]);
    });

    it('should be applied by the project PATCH applier', () => {
      const managed = patch(users()[1]!, managerOps('u9', 'legacy'));
      expect((managed[ENTERPRISE] as Record<string, unknown>).manager).to.deep.equal({ value: 'u9' });
      const unmanaged = patch(users()[0]!, managerOps(null, 'compliant'));
      expect(unmanaged[ENTERPRISE] ?? {}).not.to.have.property('manager');
    });
  });

  describe('memberOps', () => {
    it('should add by value list with $ref null and remove by value list in the legacy dialect (§6.4)', () => {
      expect(memberOps(['a', 'b'], ['c'], 'legacy', 100)).to.deep.equal([[
        { op: 'Add', path: 'members', value: [{ $ref: null, value: 'a' }, { $ref: null, value: 'b' }] },
        { op: 'Remove', path: 'members', value: [{ value: 'c' }] },
      ]]);
    });

    it('should remove one member per filter path in the compliant dialect, quoting the id (§6.5)', () => {
      expect(memberOps(['a'], ['c', 'd"e'], 'compliant', 100)).to.deep.equal([[
        { op: 'add', path: 'members', value: [{ value: 'a' }] },
        { op: 'remove', path: 'members[value eq "c"]' },
        { op: 'remove', path: 'members[value eq "d\\"e"]' },
      ]]);
    });

    it('should carry at most batchSize members per request', () => {
      const requests = memberOps(['a', 'b', 'c'], ['d', 'e'], 'compliant', 2);
      expect(requests).to.deep.equal([
        [{ op: 'add', path: 'members', value: [{ value: 'a' }, { value: 'b' }] }],
        [{ op: 'add', path: 'members', value: [{ value: 'c' }] }, { op: 'remove', path: 'members[value eq "d"]' }],
        [{ op: 'remove', path: 'members[value eq "e"]' }],
      ]);
      expect(memberOps([], [], 'legacy', 5)).to.deep.equal([]);
    });

    it('should refuse a batch size that is not a positive integer', () => {
      for (const size of [0, -1, 1.5, Number.NaN]) expect(() => memberOps(['a'], [], 'legacy', size), String(size)).to.throw(TypeError);
    });

    for (const dialect of ['legacy', 'compliant'] as const) {
      it(`should leave the group with the right members through the PATCH applier (${dialect})`, () => {
        let group: ScimResource = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g1', displayName: 'G', members: [{ value: 'x' }, { value: 'y' }] };
        for (const ops of memberOps(['a', 'b'], ['x'], dialect, 2)) group = patch(group, ops, groupResolver);
        expect((group.members as { value: string }[]).map((m) => m.value).sort()).to.deep.equal(['a', 'b', 'y']);
      });
    }
  });

  describe('createUserBody and createGroupBody', () => {
    it('should give the §6.4 user shape: both schemas, meta.resourceType, roles [] when none were mapped, no id or nulls', () => {
      const body = createUserBody({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:example:custom'], id: 'x', externalId: 'e1', userName: 'u', active: true,
        nickName: null, emails: [{ primary: true, type: 'work', value: 'u@example.com' }], name: { givenName: 'g' },
      });
      expect(body).to.deep.equal({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
        externalId: 'e1', userName: 'u', active: true, emails: [{ primary: true, type: 'work', value: 'u@example.com' }], name: { givenName: 'g' },
        roles: [], meta: { resourceType: 'User' },
      });
    });

    it('should keep mapped roles', () => {
      const roles = [{ primary: true, value: 'admin' }];
      expect(createUserBody({ schemas: [], userName: 'u', roles }).roles).to.deep.equal(roles);
    });

    it('should give the §6.4 group shape and never send members', () => {
      const body = createGroupBody({ schemas: [], externalId: 'e', displayName: 'd', members: [{ value: 'a' }], meta: { resourceType: 'x' } });
      expect(body).to.deep.equal({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', ADSCIM], externalId: 'e', displayName: 'd', meta: { resourceType: 'Group' } });
    });

    it('should not copy a __proto__ key or share objects with its input', () => {
      const input = JSON.parse('{"schemas":[],"userName":"u","name":{"givenName":"g"},"__proto__":{"polluted":true}}') as ScimResource;
      const body = createUserBody(input);
      expect(Object.getPrototypeOf(body)).to.equal(Object.prototype);
      expect((body as Record<string, unknown>).polluted).to.equal(undefined);
      (body.name as Record<string, unknown>).givenName = 'changed';
      expect((input.name as Record<string, unknown>).givenName).to.equal('g');
    });
  });
});
