import { expect } from 'chai';
import { createMemoryStore } from '../../../server/store/memory-store.js';
import { filterQuery, fixedOptions, group, user } from './support/fixtures.js';

describe('server/store/select', () => {
  it('should return records as stored, which view() completes with the derived groups (RFC 7643 §4.1.2)', async () => {
    const store = createMemoryStore(fixedOptions());
    const u = await store.create('User', user('ann'));
    const g = await store.create('Group', group('Staff', [u.id]));
    const [record] = store.select('User');
    expect(record).to.not.have.property('groups');
    expect(store.view('User', record!)).to.deep.equal(store.get('User', u.id));
    expect(store.view('User', record!).groups).to.have.length(1).and.nested.property('[0].value', g.id);
  });

  it('should let a filter on groups see the derived attribute', async () => {
    const store = createMemoryStore(fixedOptions());
    const [a, b] = await store.createMany!('User', [user('ann'), user('bob')]);
    const g = await store.create('Group', group('Staff', [b!.id]));
    expect(store.select('User', filterQuery('User', `groups.value eq "${g.id}"`)).map((r) => r.id)).to.deep.equal([b!.id]);
    expect(store.select('User', filterQuery('User', `not (groups pr)`)).map((r) => r.id)).to.deep.equal([a!.id]);
    expect(store.select('User', filterQuery('User', 'userName sw "a"')).map((r) => r.id)).to.deep.equal([a!.id]);
  });

  it('should list every record in creation order and see each write', async () => {
    const store = createMemoryStore(fixedOptions());
    const [a, b] = await store.createMany!('User', [user('ann'), user('bob')]);
    expect(store.select('User').map((r) => r.userName)).to.deep.equal(['ann', 'bob']);
    await store.replace('User', a!.id, user('amy'));
    const c = await store.create('User', user('cyd'));
    await store.delete('User', b!.id);
    expect(store.select('User').map((r) => r.id)).to.deep.equal([a!.id, c.id]);
    expect(store.select('User').map((r) => r.userName)).to.deep.equal(['amy', 'cyd']);
    await store.reset();
    expect(store.select('User')).to.deep.equal([]);
  });
});
