import { expect } from 'chai';
import fc from 'fast-check';
import { applyPatch } from '../../../scim/patch/apply.js';
import { diffResources } from '../../../scim/patch/diff.js';
import type { PatchOperation, ScimResource } from '../../../scim/types.js';
import { CORE, ENTERPRISE, userResolver, userUrns } from '../support/users.js';

const apply = (resource: ScimResource, ops: PatchOperation[]) => (ops.length === 0
  ? resource
  : applyPatch(resource, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: ops }, { resolver: userResolver, knownUrns: userUrns }).resource);
const strip = ({ id: _id, meta: _meta, ...rest }: ScimResource) => rest;

const base = (): ScimResource => ({
  schemas: [CORE, ENTERPRISE], id: 'u1', meta: { resourceType: 'User' }, userName: 'bjensen', active: true, title: 'Guide',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'b@work.example', type: 'work', primary: true }, { value: 'b@home.example', type: 'home' }],
  addresses: [{ type: 'work', locality: 'Hollywood' }],
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'm1' } },
});

describe('scim/patch/diff', () => {
  it('should give no operation for equal resources, ignoring id, meta and schemas', () => {
    const after = { ...base(), id: 'other', meta: { resourceType: 'User', version: 'W/"2"' }, schemas: [CORE, ENTERPRISE, 'urn:x'] };
    expect(diffResources(base(), after)).to.deep.equal([]);
  });

  it('should replace changed values, add new ones and remove gone ones (RFC 7644 §3.5.2)', () => {
    const after = base();
    after.userName = 'babs';
    after.nickName = 'Babs';
    delete after.title;
    after.name = { givenName: 'Barb', formatted: 'Barb Jensen' };
    expect(diffResources(base(), after)).to.deep.equal([
      { op: 'replace', path: 'userName', value: 'babs' },
      { op: 'replace', path: 'name.givenName', value: 'Barb' },
      { op: 'add', path: 'name.formatted', value: 'Barb Jensen' },
      { op: 'remove', path: 'name.familyName' },
      { op: 'add', path: 'nickName', value: 'Babs' },
      { op: 'remove', path: 'title' },
    ]);
  });

  it('should change a multi-valued attribute by element when elements have a value', () => {
    const after = base();
    after.emails = [{ value: 'b@work.example', type: 'work', primary: true }, { value: 'new@other.example', type: 'other' }];
    expect(diffResources(base(), after)).to.deep.equal([
      { op: 'remove', path: 'emails[value eq "b@home.example"]' },
      { op: 'add', path: 'emails', value: [{ value: 'new@other.example', type: 'other' }] },
    ]);
  });

  it('should replace a multi-valued attribute whose elements have no value, or whose order would differ', () => {
    const after = base();
    after.addresses = [{ type: 'work', locality: 'Burbank' }];
    after.emails = [{ value: 'first@x.example' }, ...(base().emails as object[])];
    expect(diffResources(base(), after)).to.deep.equal([
      { op: 'replace', path: 'emails', value: after.emails },
      { op: 'replace', path: 'addresses', value: after.addresses },
    ]);
  });

  it('should qualify extension attributes with their URN', () => {
    const after = base();
    after[ENTERPRISE] = { employeeNumber: '1', department: 'Tech', manager: { value: 'm2' } };
    expect(diffResources(base(), after)).to.deep.equal([
      { op: 'replace', path: `${ENTERPRISE}:employeeNumber`, value: '1' },
      { op: 'add', path: `${ENTERPRISE}:department`, value: 'Tech' },
      { op: 'replace', path: `${ENTERPRISE}:manager.value`, value: 'm2' },
    ]);
    const { [ENTERPRISE]: _gone, ...withoutExtension } = base();
    expect(diffResources(base(), { ...withoutExtension, schemas: [CORE] })).to.deep.equal([
      { op: 'remove', path: `${ENTERPRISE}:employeeNumber` },
      { op: 'remove', path: `${ENTERPRISE}:manager` },
    ]);
  });

  it('should pair names case-insensitively and treat null, [] and {} as unassigned', () => {
    const after: ScimResource = { ...base(), USERNAME: 'bjensen', title: null, emails: [], name: {} };
    delete after.userName;
    expect(diffResources(base(), after)).to.deep.equal([
      { op: 'remove', path: 'title' },
      { op: 'remove', path: 'name' },
      { op: 'remove', path: 'emails' },
    ]);
  });

  it('should diff only the attributes asked for', () => {
    const after = base();
    after.userName = 'x';
    after.title = 'Boss';
    after.name = { givenName: 'G', familyName: 'F' };
    after[ENTERPRISE] = { employeeNumber: '2', manager: { value: 'm1' } };
    expect(diffResources(base(), after, { attributes: ['title', 'name.givenName', `${ENTERPRISE}:employeeNumber`, 'emails[type eq "work"].value'] })).to.deep.equal([
      { op: 'replace', path: 'title', value: 'Boss' },
      { op: 'replace', path: 'name.givenName', value: 'G' },
      { op: 'replace', path: `${ENTERPRISE}:employeeNumber`, value: '2' },
    ]);
    expect(diffResources(base(), after, { attributes: [`${CORE}:userName`] })).to.deep.equal([{ op: 'replace', path: 'userName', value: 'x' }]);
    expect(() => diffResources(base(), after, { attributes: ['not a path'] })).to.throw(TypeError);
  });

  it('should quote element values in filters', () => {
    const before: ScimResource = { schemas: [CORE], userName: 'u', emails: [{ value: 'a"b@x' }, { value: 'c@x' }] };
    const after: ScimResource = { schemas: [CORE], userName: 'u', emails: [{ value: 'c@x' }] };
    const ops = diffResources(before, after);
    expect(ops).to.deep.equal([{ op: 'remove', path: 'emails[value eq "a\\"b@x"]' }]);
    expect(apply(before, ops)).to.deep.equal(after);
  });

  describe('property: applyPatch(before, diffResources(before, after)) equals after', () => {
    const text = fc.stringMatching(/^[a-z][a-z0-9 ._-]{0,7}$/);
    const multi = (types: string[]) => fc.uniqueArray(
      fc.record({ value: text, type: fc.constantFrom(...types), primary: fc.boolean() }, { requiredKeys: ['value'] }),
      { maxLength: 4, selector: (e) => e.value.toLowerCase() },
    ).map((list) => {
      // RFC 7643 §2.4: at most one primary; later ones are set to false
      const first = list.findIndex((e) => e.primary === true);
      return list.map((e, i) => (e.primary === true && i !== first ? { ...e, primary: false } : e));
    });
    const user = fc.record({
      userName: text,
      nickName: text, title: text, active: fc.boolean(),
      name: fc.record({ givenName: text, familyName: text, formatted: text }, { requiredKeys: [] }),
      emails: multi(['work', 'home', 'other']),
      phoneNumbers: multi(['work', 'mobile']),
      addresses: fc.array(fc.record({ type: fc.constantFrom('work', 'home'), locality: text, region: text }, { requiredKeys: ['type'] }), { maxLength: 2 }),
      enterprise: fc.record({ employeeNumber: text, department: text, manager: fc.record({ value: text }) }, { requiredKeys: [] }),
    }, { requiredKeys: ['userName'] }).map((u) => {
      const { enterprise, ...core } = u;
      const r: ScimResource = { schemas: [CORE], id: 'u1', meta: { resourceType: 'User' } };
      for (const [k, v] of Object.entries(core)) {
        if (Array.isArray(v) ? v.length > 0 : typeof v === 'object' ? Object.keys(v).length > 0 : true) r[k] = v;
      }
      if (enterprise && Object.keys(enterprise).length > 0) {
        r.schemas.push(ENTERPRISE);
        r[ENTERPRISE] = enterprise;
      }
      return r;
    });

    it('should replace rather than add a new list that holds equal values (add would merge them)', () => {
      const before: ScimResource = { schemas: [CORE], id: 'u1', meta: { resourceType: 'User' }, userName: 'a' };
      const after: ScimResource = { ...before, addresses: [{ type: 'work' }, { type: 'work' }], emails: [{ value: 'A@x.example' }, { value: 'a@x.example', type: 'home' }], phoneNumbers: [{ value: '1' }, { value: '2' }] };
      const ops = diffResources(before, after);
      expect(ops.find((o) => o.path === 'addresses')?.op).to.equal('replace');
      expect(ops.find((o) => o.path === 'emails')?.op).to.equal('replace');
      expect(ops.find((o) => o.path === 'phoneNumbers')?.op).to.equal('add');
      expect(strip(apply(before, ops))).to.deep.equal(strip(after));
    });

    it('should hold for generated users', () => {
      fc.assert(fc.property(user, user, (before, after) => {
        const ops = diffResources(before, after);
        expect(strip(apply(before, ops))).to.deep.equal(strip(after));
      }), { numRuns: 400 });
    });

    it('should hold for users that differ a little (element-wise multi-valued changes)', () => {
      const edited = fc.record({
        before: user,
        drop: fc.nat(), extra: fc.option(fc.record({ value: fc.integer({ min: 0, max: 999 }).map((n) => `new${n}`), type: fc.constantFrom('work', 'home') })),
        title: fc.option(fc.constantFrom('Boss', 'Guide', 'Chief')),
      });
      let elementWise = 0;
      fc.assert(fc.property(edited, ({ before, drop, extra, title }) => {
        const after = structuredClone(before);
        const emails = (after.emails as object[] | undefined) ?? [];
        if (emails.length > 0) emails.splice(drop % emails.length, 1);
        if (extra) emails.push(extra);
        if (emails.length > 0) after.emails = emails; else delete after.emails;
        if (title) after.title = title;
        const ops = diffResources(before, after);
        if (ops.some((o) => o.path?.startsWith('emails[value eq'))) elementWise++;
        expect(strip(apply(before, ops))).to.deep.equal(strip(after));
      }), { numRuns: 300 });
      expect(elementWise).to.be.above(30);
    });

    it('should give no operation for a resource and itself, and not touch its inputs', () => {
      fc.assert(fc.property(user, (resource) => {
        const copy = structuredClone(resource);
        expect(diffResources(resource, structuredClone(resource))).to.deep.equal([]);
        expect(resource).to.deep.equal(copy);
      }));
    });
  });
});
