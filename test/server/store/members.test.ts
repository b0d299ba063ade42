import { expect } from 'chai';
import { createMemoryStore } from '../../../server/store/memory-store.js';
import { ScimError } from '../../../scim/errors.js';
import { BASE_URL, fixedOptions, group, user } from './support/fixtures.js';

describe('server/store/members', () => {
  it('should store members as { value, $ref, display, type } and collapse duplicates (RFC 7643 §4.2)', async () => {
    const store = createMemoryStore(fixedOptions());
    const u = await store.create('User', user('ann', { displayName: 'Ann' }));
    const inner = await store.create('Group', group('Inner'));
    const g = await store.create('Group', group('Outer', [u.id, inner.id, u.id]));
    expect(g.members).to.deep.equal([
      { value: u.id, $ref: `${BASE_URL}/Users/${u.id}`, display: 'Ann', type: 'User' },
      { value: inner.id, $ref: `${BASE_URL}/Groups/${inner.id}`, display: 'Inner', type: 'Group' },
    ]);
  });

  it('should reject a member id that exists nowhere with 400 invalidValue', async () => {
    const store = createMemoryStore(fixedOptions());
    try {
      await store.create('Group', group('Ghosts', ['missing']));
      expect.fail('expected a rejection');
    } catch (error) {
      expect(error).to.be.instanceOf(ScimError);
      expect({ status: (error as ScimError).status, scimType: (error as ScimError).scimType }).to.deep.equal({ status: 400, scimType: 'invalidValue' });
    }
    expect(store.count('Group')).to.equal(0);
  });

  it('should accept unknown member ids when validateMembers is false', async () => {
    const store = createMemoryStore(fixedOptions({ validateMembers: false }));
    const g = await store.create('Group', group('Ghosts', ['missing']));
    expect(g.members).to.deep.equal([{ value: 'missing', $ref: `${BASE_URL}/Users/missing`, type: 'User' }]);
  });

  it("should derive a user's read-only groups from membership (RFC 7643 §4.1.2)", async () => {
    const store = createMemoryStore(fixedOptions());
    const u = await store.create('User', user('bea'));
    expect(u).to.not.have.property('groups');
    const a = await store.create('Group', group('A', [u.id]));
    const b = await store.create('Group', group('B', [u.id]));
    const expected = [
      { value: a.id, $ref: `${BASE_URL}/Groups/${a.id}`, display: 'A', type: 'direct' },
      { value: b.id, $ref: `${BASE_URL}/Groups/${b.id}`, display: 'B', type: 'direct' },
    ];
    expect(store.get('User', u.id)!.groups).to.deep.equal(expected);
    expect(store.query('User')[0].groups).to.deep.equal(expected);
    expect((await store.replace('User', u.id, { schemas: u.schemas, userName: 'bea' })).groups).to.deep.equal(expected);
    await store.replace('Group', a.id, group('A'));
    expect(store.get('User', u.id)!.groups).to.deep.equal(expected.slice(1));
  });

  it('should remove a deleted user from every group, changing their version and lastModified', async () => {
    const store = createMemoryStore(fixedOptions());
    const u = await store.create('User', user('cid'));
    const other = await store.create('User', user('dot'));
    const g = await store.create('Group', group('Team', [u.id, other.id]));
    await store.delete('User', u.id);
    const after = store.get('Group', g.id)!;
    expect(after.members).to.deep.equal([{ value: other.id, $ref: `${BASE_URL}/Users/${other.id}`, display: 'dot', type: 'User' }]);
    expect(after.meta.version).to.equal('W/"2"');
    expect(after.meta.lastModified > g.meta.lastModified).to.equal(true);
    expect(store.get('User', u.id)).to.equal(undefined);
  });
});
