/**
 * Matching against objects already in the target (ENTRA-SPEC §2.5, §6.6): one match links and
 * updates it, two matches are DuplicateTargetEntries, a user the filter cannot see collides on
 * create (409 → EntryConflict), two source users on one target user are DuplicateSourceEntries.
 * Matching here is on externalId first (a customised mapping, §6.4 "Other query forms").
 */
import { expect } from 'chai';
import { loadDefaultSchema } from '../../../engine/mapping/index.js';
import type { SynchronizationSchema } from '../../../engine/mapping/types.js';
import { openJob } from '../../../engine/index.js';
import { directory, entryOf, jobConfig, modified, startHarness, summary, user } from './support/harness.js';
import type { Harness } from './support/harness.js';

/** The default schema with externalId (← mailNickname) as the first matching attribute (and userName second, or not at all). */
function externalIdFirst(userNameToo = true): SynchronizationSchema {
  const schema = structuredClone(loadDefaultSchema()) as unknown as { synchronizationRules: { objectMappings: { targetObjectName: string; attributeMappings: { targetAttributeName: string; matchingPriority?: number }[] }[] }[] };
  for (const rule of schema.synchronizationRules) {
    for (const mapping of rule.objectMappings) {
      if (!/User$/.test(mapping.targetObjectName)) continue;
      for (const a of mapping.attributeMappings) {
        if (a.targetAttributeName === 'externalId') a.matchingPriority = 1;
        else if (a.targetAttributeName === 'userName') a.matchingPriority = userNameToo ? 2 : 0;
      }
    }
  }
  return schema as unknown as SynchronizationSchema;
}

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('engine e2e: matching existing target objects', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const seed = async (resource: Record<string, unknown>) => {
    const res = await h.scim.create('/Users', { schemas: [CORE], ...resource });
    expect(res.status).to.equal(201);
    return String(res.body.id);
  };
  const open = (dir: ReturnType<typeof directory>, userNameToo = true) =>
    openJob(jobConfig(h, { provisionGroups: false }), { clock: h.time.clock, sleep: h.time.sleep, memoryState: true, schema: externalIdFirst(userNameToo), loadDirectory: () => structuredClone(dir) });

  it('one match: linked and updated with only what differs, no create', async () => {
    const existing = await seed({ userName: 'user1@contoso.com', externalId: 'user1', displayName: 'Old Name', active: true });
    h.mark();
    const dir = directory({ users: [user(1)], direct: ['u1'] });
    const job = await open(dir);
    const r = await job.run();
    await job.close();
    const e = entryOf(r, 'u1');
    expect([e.provisioningAction, e.provisioningStatusInfo.status]).to.deep.equal(['update', 'success']);
    expect(e.targetIdentity.id).to.equal(existing);
    expect(e.provisioningSteps.find((s) => s.provisioningStepType === 'matching')?.details.filter).to.equal('externalId eq "user1"');
    expect(modified(e).displayName).to.deep.equal(['Old Name', 'User 1']);
    const methods = h.journalSince().map((j) => j.method);
    expect(methods).to.not.include('POST');
    expect((await h.users()).map((u) => u.id)).to.deep.equal([existing]);
    expect(job.status().synchronizedEntryCountByType).to.deep.include({ key: 'User', value: 1 });
  });

  it('two target users with the same matching value: DuplicateTargetEntries, nothing written, escrowed', async () => {
    await seed({ userName: 'a@contoso.com', externalId: 'user1' });
    await seed({ userName: 'b@contoso.com', externalId: 'user1' });
    h.mark();
    const dir = directory({ users: [user(1)], direct: ['u1'] });
    const job = await open(dir);
    const r = await job.run();
    const e = entryOf(r, 'u1');
    expect(e.provisioningStatusInfo.status).to.equal('failure');
    expect(e.provisioningStatusInfo.errorInformation?.errorCode).to.equal('DuplicateTargetEntries');
    expect(h.journalSince().filter((j) => j.method !== 'GET')).to.deep.equal([]);
    expect(r.state).to.equal('EntryLevelErrors');
    expect(job.status().escrows).to.equal(1);
    expect(await h.users()).to.have.length(2);
    await job.close();
  });

  it('a conflicting user the filter cannot see: the create fails with EntryConflict and is escrowed', async () => {
    // matching on externalId alone; same userName, another externalId: the filter misses, the POST collides on userName
    const existing = await seed({ userName: 'user2@contoso.com', externalId: 'legacy-2' });
    h.mark();
    const dir = directory({ users: [user(2)], direct: ['u2'] });
    const job = await open(dir, false);
    const r = await job.run();
    const e = entryOf(r, 'u2');
    expect([e.provisioningAction, e.provisioningStatusInfo.status]).to.deep.equal(['create', 'failure']);
    expect(e.provisioningStatusInfo.errorInformation).to.deep.include({ errorCode: 'EntryConflict', errorCategory: 'nonServiceFailure' });
    expect(e.provisioningStatusInfo.errorInformation?.reason).to.match(/409/);
    const journal = h.journalSince();
    expect(journal.map((j) => `${j.method} ${j.status}`)).to.deep.equal(['GET 200', 'GET 200', 'POST 409']);
    expect(journal[1]!.query.filter).to.equal('externalId eq "user2"');
    expect((await h.users()).map((u) => u.id)).to.deep.equal([existing]);
    expect(job.status().escrows).to.equal(1);
    await job.close();
  });

  it('two source users mapping to one target user: the second is DuplicateSourceEntries', async () => {
    const dir = directory({ users: [user(1), user(2, { mailNickname: 'user1' })], direct: ['u1', 'u2'] });
    const job = await openJob(jobConfig(h, { provisionGroups: false, concurrency: 1 }), { clock: h.time.clock, sleep: h.time.sleep, memoryState: true, schema: externalIdFirst(), loadDirectory: () => structuredClone(dir) });
    const r = await job.run();
    await job.close();
    expect(summary(r)).to.deep.equal(['u1:create:success', 'u2:other:failure:DuplicateSourceEntries']);
    expect(await h.users()).to.have.length(1);
  });
});
