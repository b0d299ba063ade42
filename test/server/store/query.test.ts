import { expect } from 'chai';
import { createMemoryStore } from '../../../server/store/memory-store.js';
import type { QueryOptions, StoredResource } from '../../../server/store/types.js';
import { filterQuery, fixedOptions, group, user } from './support/fixtures.js';

/** Wraps the compiled predicate to count how many candidates the store checks. */
function counting(query: Required<QueryOptions>): { query: Required<QueryOptions>; calls: () => number } {
  let calls = 0;
  const predicate = (r: StoredResource): boolean => {
    calls++;
    return query.predicate(r);
  };
  return { query: { filter: query.filter, predicate }, calls: () => calls };
}

describe('server/store/query', () => {
  const N = 10_000;
  const store = createMemoryStore(fixedOptions());
  let groupId = '';

  before(async () => {
    await store.createMany!('User', Array.from({ length: N }, (_, i) =>
      user(`User${i}@Example.com`, { externalId: `ext-${i % 5000}`, emails: [{ value: `Mail${i}@Example.com`, type: 'work' }], active: i % 2 === 0 })));
    const members = store.query('User').slice(0, 3).map((u) => u.id);
    groupId = (await store.create('Group', group('Admins', members))).id;
  });

  it('should answer userName eq from the index without scanning (RFC 7643 §8.7.1 caseExact false)', () => {
    const q = counting(filterQuery('User', 'userName eq "user42@example.com"'));
    const hits = store.query('User', q.query);
    expect(hits.map((u) => u.userName)).to.deep.equal(['User42@Example.com']);
    expect(q.calls()).to.be.at.most(1);
  });

  it('should use an indexed hint inside and, checking only its candidates', () => {
    const q = counting(filterQuery('User', 'active eq true and externalId eq "ext-10"'));
    const hits = store.query('User', q.query);
    expect(hits.map((u) => u.userName)).to.deep.equal(['User10@Example.com', 'User5010@Example.com']);
    expect(q.calls()).to.be.at.most(2);
  });

  it('should use the emails index for the Entra emails[type eq "work"].value form', () => {
    const q = counting(filterQuery('User', 'emails[type eq "work"].value eq "MAIL7@example.com"'));
    expect(store.query('User', q.query).map((u) => u.userName)).to.deep.equal(['User7@Example.com']);
    expect(q.calls()).to.be.at.most(1);
  });

  it('should answer id eq and group members.value eq from indexes', () => {
    const first = store.query('User')[0];
    const byId = counting(filterQuery('User', `id eq "${first.id}"`));
    expect(store.query('User', byId.query)).to.have.length(1);
    expect(byId.calls()).to.equal(1);
    const members = counting(filterQuery('Group', `members.value eq "${first.id}"`));
    expect(store.query('Group', members.query).map((g) => g.id)).to.deep.equal([groupId]);
    expect(members.calls()).to.equal(1);
  });

  it('should return nothing without calling the predicate when the indexed value is absent', () => {
    const q = counting(filterQuery('User', 'userName eq "nobody"'));
    expect(store.query('User', q.query)).to.deep.equal([]);
    expect(q.calls()).to.equal(0);
  });

  it('should scan for filters with no indexed eq and return matches in creation order', () => {
    const q = counting(filterQuery('User', 'userName sw "user1" or active eq false'));
    const hits = store.query('User', q.query);
    expect(q.calls()).to.equal(N);
    expect(hits[0].userName).to.equal('User1@Example.com');
    const order = hits.map((u) => Number(/\d+/.exec(u.userName as string)![0]));
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
  });

  it('should keep indexes in step with replace and delete', async () => {
    const s = createMemoryStore(fixedOptions());
    const u = await s.create('User', user('old@example.com'));
    await s.replace('User', u.id, user('new@example.com'));
    expect(s.query('User', filterQuery('User', 'userName eq "old@example.com"'))).to.deep.equal([]);
    expect(s.query('User', filterQuery('User', 'userName eq "NEW@example.com"'))).to.have.length(1);
    await s.delete('User', u.id);
    expect(s.query('User', filterQuery('User', 'userName eq "new@example.com"'))).to.deep.equal([]);
  });
});
