/**
 * Member PATCHes as deltas (server/store/member-delta, member-plan, StoreState.patchMembers): the
 * same result as the general PATCH path, O(changed members) in what they journal, and durable.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberDelta } from '../../../server/store/member-delta.js';
import { createDurableStore, createMemoryStore } from '../../../server/store/index.js';
import type { ResourceStore } from '../../../server/store/index.js';
import type { ScimResource } from '../../../scim/types.js';
import { BASE_URL, expectScim, group, patchOp, target, user } from '../helpers.js';
import type { TestTarget } from '../helpers.js';

/** the same store with the delta path switched off: every PATCH takes the general path */
function withoutDelta(store: ResourceStore): ResourceStore {
  return { ...store, patchMembers: undefined };
}

async function seed(t: TestTarget, users: number): Promise<{ ids: string[]; gid: string }> {
  const ids: string[] = [];
  for (let i = 0; i < users; i++) ids.push((await t.post('/Users', user(`m${i}@example.com`)).expect(201)).body.id);
  const gid = (await t.post('/Groups', group('G', { members: ids.slice(0, Math.floor(users / 2)).map((value) => ({ value })) })).expect(201)).body.id;
  return { ids, gid };
}

describe('server/store member deltas', () => {
  describe('#memberDelta()', () => {
    it('should recognise member adds and removes, and leave everything else to the general path', () => {
      const op = (o: string, path?: string, value?: unknown) => ({ op: o, path, hasValue: value !== undefined, value });
      expect(memberDelta([op('add', 'members', [{ value: 'a' }]), op('remove', 'members[value eq "b"]'), op('Remove', 'Members', [{ value: 'c' }])])).to.deep.equal([
        { kind: 'add', members: [{ value: 'a' }] },
        { kind: 'remove', values: ['b'] },
        { kind: 'remove', values: ['c'] },
      ]);
      for (const other of [
        op('replace', 'members', [{ value: 'a' }]),
        op('remove', 'members'),
        op('add', undefined, { members: [{ value: 'a' }] }),
        op('add', 'members', { value: 'a' }),
        op('add', 'members', [{ value: 'a', extra: 'x' }]),
        op('remove', 'members[display eq "b"]'),
        op('add', 'displayName', 'x'),
      ]) expect(memberDelta([op('add', 'members', [{ value: 'a' }]), other]), JSON.stringify(other)).to.equal(undefined);
    });
  });

  it('should give the same group, member order and errors as the general path (fast-check)', async function () {
    this.timeout(60_000);
    const USERS = 8;
    const fast = target();
    const slow = target({ store: withoutDelta(createMemoryStore({ baseUrl: BASE_URL })) });
    const a = await seed(fast, USERS);
    const b = await seed(slow, USERS);
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), who: fc.array(fc.integer({ min: -1, max: USERS - 1 }), { minLength: 1, maxLength: 4 }), display: fc.option(fc.constantFrom('X', 'Y'), { nil: undefined }) }),
      fc.record({ kind: fc.constant('removeFilter' as const), who: fc.integer({ min: 0, max: USERS - 1 }) }),
      fc.record({ kind: fc.constant('removeList' as const), who: fc.array(fc.integer({ min: 0, max: USERS - 1 }), { minLength: 1, maxLength: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const body = (ids: string[], gid: string) => patchOp(...steps.map((s) => {
          // -1: the group itself (a 400 on both paths); an unknown id too
          const id = (i: number) => (i === -1 ? gid : ids[i]!);
          if (s.kind === 'add') return { op: 'add', path: 'members', value: s.who.map((i) => (s.display ? { value: id(i), display: s.display } : { value: id(i) })) };
          if (s.kind === 'removeFilter') return { op: 'remove', path: `members[value eq "${id(s.who)}"]` };
          return { op: 'remove', path: 'members', value: s.who.map((i) => ({ value: id(i) })) };
        }));
        const ra = await fast.patch(`/Groups/${a.gid}`, body(a.ids, a.gid));
        const rb = await slow.patch(`/Groups/${b.gid}`, body(b.ids, b.gid));
        expect(ra.status, JSON.stringify(ra.body)).to.equal(rb.status);
        if (ra.status >= 400) expect(ra.body.scimType).to.equal(rb.body.scimType);
        const ga = (await fast.get(`/Groups/${a.gid}`).expect(200)).body;
        const gb = (await slow.get(`/Groups/${b.gid}`).expect(200)).body;
        const shape = (g: { members?: { value: string; display?: string; type: string }[]; meta: { version: string } }, ids: string[]) => ({
          members: (g.members ?? []).map((m) => ({ who: ids.indexOf(m.value), display: m.display, type: m.type })),
          version: g.meta.version,
        });
        expect(shape(ga, a.ids)).to.deep.equal(shape(gb, b.ids));
        // the reverse index: each user's `groups`
        for (let i = 0; i < USERS; i++) {
          const ua = (await fast.get(`/Users/${a.ids[i]}`)).body.groups?.length ?? 0;
          const ub = (await slow.get(`/Users/${b.ids[i]}`)).body.groups?.length ?? 0;
          expect(ua, `user ${i}`).to.equal(ub);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('should journal a member add to a large group as a delta and replay it after a restart', async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'scimulator-members-'));
    const file = join(dir, 'db.json');
    try {
      const store = await createDurableStore({ file, baseUrl: BASE_URL });
      const users = await store.createMany!('User', Array.from({ length: 20_002 }, (_, i) => user(`big${i}@example.com`) as ScimResource));
      const ids = users.map((u) => u.id);
      const t = target({ store });
      const gid = (await t.post('/Groups', group('Big', { members: ids.slice(0, 20_000).map((value) => ({ value })) })).expect(201)).body.id;
      const before = statSync(`${file}.journal`).size;
      const started = performance.now();
      const added = await t.patch(`/Groups/${gid}`, patchOp({ op: 'add', path: 'members', value: [{ value: ids[20_000] }] }));
      const ms = performance.now() - started;
      expect(added.status).to.equal(204);
      // O(changed): the line names one member, not 20,001 (a whole-group line is ~1.5 MB)
      expect(statSync(`${file}.journal`).size - before).to.be.below(1_000);
      expect(ms, 'was 150-850 ms before deltas').to.be.below(120);
      await t.patch(`/Groups/${gid}`, patchOp({ op: 'remove', path: `members[value eq "${ids[0]}"]` }, { op: 'add', path: 'members', value: [{ value: ids[0] }, { value: ids[20_001] }] })).expect(204);
      await t.delete(`/Users/${ids[1]}`).expect(204);
      const expected = (await t.get(`/Groups/${gid}`).expect(200)).body;
      await store.close();

      const reopened = await createDurableStore({ file, baseUrl: BASE_URL });
      const again = target({ store: reopened });
      const res = await again.get(`/Groups/${gid}`);
      expectScim(res, 200);
      expect(res.body.members).to.deep.equal(expected.members);
      expect(res.body.members).to.have.length(20_001);
      expect(res.body.members.at(-1).value).to.equal(ids[20_001]);
      expect(res.body.members.at(-2).value).to.equal(ids[0]);
      expect(res.body.meta.version).to.equal(expected.meta.version);
      expect((await again.get(`/Users/${ids[0]}`)).body.groups).to.have.length(1);
      expect((await again.get(`/Groups?filter=${encodeURIComponent(`members.value eq "${ids[1]}"`)}`)).body.totalResults).to.equal(0);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should add 10,000 phoneNumbers in one PATCH in linear time', async function () {
    this.timeout(30_000);
    const t = target();
    const id = (await t.post('/Users', user('phones@example.com')).expect(201)).body.id;
    const phones = Array.from({ length: 10_000 }, (_, i) => ({ type: 'work', value: `+1 555 ${String(i).padStart(7, '0')}` }));
    const started = performance.now();
    const res = await t.patch(`/Users/${id}`, patchOp({ op: 'add', path: 'phoneNumbers', value: [...phones, phones[0], { type: 'work', value: '+1 555 0000000' }] }));
    const ms = performance.now() - started;
    expectScim(res, 200);
    expect(res.body.phoneNumbers).to.have.length(10_000);
    expect(ms, 'was 3-7 s (quadratic)').to.be.below(2_500);
    const removed = await t.patch(`/Users/${id}`, patchOp({ op: 'remove', path: 'phoneNumbers', value: phones.slice(0, 9_999) }));
    expectScim(removed, 200);
    expect(removed.body.phoneNumbers).to.deep.equal([phones[9_999]]);
  });
});
