/**
 * The store's index policy lives in server/store/query-plan: scim/filter/index-hints hints every
 * `eq`, and the store answers the hints it indexes and ignores the rest.
 */
import { expect } from 'chai';
import { createMemoryStore } from '../../../server/store/memory-store.js';
import { indexedCandidates } from '../../../server/store/query-plan.js';
import { StoreState } from '../../../server/store/state.js';
import type { ResourceStore } from '../../../server/store/types.js';
import { filterQuery, fixedOptions, group, user } from './support/fixtures.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('server/store/query-plan', () => {
  let store: ResourceStore;
  let ids: string[] = [];

  before(async () => {
    store = createMemoryStore(fixedOptions());
    for (let i = 0; i < 20; i++) {
      await store.create('User', user(`u${i}@example.com`, { title: 'Boss', emails: [{ value: `m${i}@example.com` }], [ENTERPRISE]: { employeeNumber: 'E1' } }));
    }
    ids = store.query('User').map((u) => u.id);
    await store.create('Group', group('Ops', ids.slice(0, 2)));
  });

  it('should answer a bare complex attribute (`emails eq`) from the emails.value index', () => {
    const q = filterQuery('User', 'emails eq "m3@example.com"');
    expect(store.query('User', q).map((u) => u.userName)).to.deep.equal(['u3@example.com']);
  });

  it('should answer a bare members eq from the reverse index, checking one candidate', () => {
    let calls = 0;
    const q = filterQuery('Group', `members eq "${ids[1]}"`);
    const hits = store.query('Group', { filter: q.filter, predicate: (r) => (calls++, q.predicate(r)) });
    expect(hits.map((g) => g.displayName)).to.deep.equal(['Ops']);
    expect(calls).to.equal(1);
  });

  it('should scan for hints on attributes it does not index, and for extension attributes named like core ones', () => {
    let calls = 0;
    for (const text of ['title eq "Boss"', `${ENTERPRISE}:employeeNumber eq "E1"`]) {
      const q = filterQuery('User', text);
      store.query('User', { filter: q.filter, predicate: (r) => (calls++, q.predicate(r)) });
    }
    expect(calls).to.equal(40);
  });

  it('should take no candidates from hints it does not index and the smallest indexed set otherwise', () => {
    const state = new StoreState();
    state.put('User', { ...user('a@example.com'), id: 'a', meta: { resourceType: 'User' } } as never);
    state.put('User', { ...user('b@example.com'), id: 'b', meta: { resourceType: 'User' } } as never);
    const candidates = (text: string) => indexedCandidates(state, 'User', filterQuery('User', text).filter);
    expect(candidates('title eq "Boss"')).to.equal(undefined);
    expect(candidates('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "B@example.com"')).to.deep.equal(['b']);
    expect(candidates('title eq "Boss" and id eq "a"')).to.deep.equal(['a']);
  });
});
