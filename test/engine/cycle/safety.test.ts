/**
 * Safety before speed (issue 8): a dry run sends no write and changes no state; two runners on one
 * state directory are refused; a source that fails to load changes nothing; target objects the
 * engine did not create or link are never touched; a linked object that vanished is InvalidAnchor.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { openJob, StateLockedError } from '../../../engine/index.js';
import { directory, entryOf, jobConfig, openTestJob, startHarness, summary, unassign, user } from './support/harness.js';
import type { Harness } from './support/harness.js';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('engine e2e: safety', () => {
  let h: Harness;
  let work: string;
  beforeEach(async () => {
    h = await startHarness();
    work = await mkdtemp(join(tmpdir(), 'scimulator-e2e-safety-'));
  });
  afterEach(async () => {
    await h.close();
    await rm(work, { recursive: true, force: true });
  });

  it('dry run: reports the writes it would send, sends only GETs, changes no state; a real run then creates everything', async () => {
    const dir = directory({ users: [user(1), user(2, { manager: 'u1' })], direct: ['u1'], groupMembers: ['u2'] });
    const job = await openTestJob(h, () => dir, {}, { stateDir: join(work, 'state') });
    try {
      const dry = await job.run({ dryRun: true });
      expect(dry.dryRun).to.equal(true);
      expect(dry.plannedRequests.map((p) => `${p.method} ${p.path.replace(/dry-run-\d+/, '{id}')}`)).to.have.members([
        'POST /Users', 'POST /Users', 'POST /Groups', 'PATCH /Users/{id}', 'PATCH /Groups/{id}',
      ]);
      const post = dry.plannedRequests.find((p) => p.method === 'POST' && (p.body as { userName?: string }).userName === 'user1@contoso.com');
      expect(post?.body).to.deep.include({ userName: 'user1@contoso.com', active: true });
      expect(dry.requests.writes).to.equal(0);
      expect(new Set(h.journalSince().map((j) => j.method))).to.deep.equal(new Set(['GET']));
      expect(await h.users()).to.deep.equal([]);
      expect(job.status()).to.deep.include({ code: 'NotRun', initialPending: true, escrows: 0 });
      expect(job.status().synchronizedEntryCountByType).to.deep.equal([{ key: 'User', value: 0 }, { key: 'Group', value: 0 }]);
      expect(await job.logs()).to.deep.equal([]);

      const real = await job.run();
      expect(real.kind).to.equal('initial');
      expect(summary(real)).to.deep.equal(['g-assigned:create:success', 'u1:create:success', 'u2:create:success']);
      expect((await h.users()).length).to.equal(2);

      // a dry incremental plans the PATCH of a change and leaves the change to the real run
      dir.users[0]!.jobTitle = 'CFO';
      const dryChange = await job.run({ dryRun: true });
      expect(dryChange.plannedRequests.map((p) => [p.method, p.body])).to.deep.equal([
        ['PATCH', { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Add', path: 'title', value: 'CFO' }] }], // u1 had no title: §6.5 Add
      ]);
      expect((await h.userByName('user1@contoso.com'))?.title).to.equal(undefined);
      expect(summary(await job.run())).to.deep.equal(['u1:update:success']);
    } finally {
      await job.close();
    }
  });

  it('source ids are only keys: a user whose id is __proto__ is provisioned, saved and reloaded without touching any prototype', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'scimulator-proto-'));
    const odd = { ...user(7), id: '__proto__' };
    const dir = directory({ users: [odd, user(8)], direct: ['__proto__', 'u8'] });
    try {
      let job = await openTestJob(h, dir, { provisionGroups: false }, { stateDir });
      const dry = await job.run({ dryRun: true });
      expect(dry.plannedRequests.filter((p) => p.method === 'POST')).to.have.length(2);
      const r = await job.run();
      expect(summary(r)).to.deep.equal(['__proto__:create:success', 'u8:create:success']);
      await job.close();
      expect(({} as Record<string, unknown>).targetId).to.equal(undefined);
      job = await openTestJob(h, dir, { provisionGroups: false }, { stateDir });
      const again = await job.run();
      expect(again.entries).to.deep.equal([]);
      expect(job.status().synchronizedEntryCountByType).to.deep.include({ key: 'User', value: 2 });
      await job.close();
    } finally {
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  it('two runners on one state directory: the second is refused with StateLockedError; after close it opens', async () => {
    const dir = directory({ users: [user(1)], direct: ['u1'] });
    const stateDir = join(work, 'state');
    const first = await openTestJob(h, () => dir, {}, { stateDir });
    let refused: unknown;
    try {
      await openTestJob(h, () => dir, {}, { stateDir });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(StateLockedError);
    expect((refused as Error).message).to.include(stateDir).and.include(`pid ${process.pid}`);
    await first.close();
    const second = await openTestJob(h, () => dir, {}, { stateDir });
    await second.close();
  });

  it('a truncated source file: SourceUnreadable, no request at all, nothing disabled, state unchanged', async () => {
    const source = join(work, 'directory.json');
    const stateDir = join(work, 'state');
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    await writeFile(source, JSON.stringify(dir));
    const config = { ...jobConfig(h, { provisionGroups: false }), source: { path: source } };
    let job = await openJob(config, { clock: h.time.clock, sleep: h.time.sleep, stateDir });
    expect(summary(await job.run())).to.deep.equal(['u1:create:success', 'u2:create:success']);
    await job.close();
    const before = await readFile(join(stateDir, 'state.json'), 'utf8');
    h.mark();

    // cut short mid-way, as a copy interrupted would leave it: u2 and the assignments are gone
    const text = JSON.stringify(dir);
    await writeFile(source, text.slice(0, text.indexOf('"u2"') + 10));
    job = await openJob(config, { clock: h.time.clock, sleep: h.time.sleep, stateDir });
    try {
      const r = await job.run();
      expect(r.state).to.equal('Failed');
      expect(r.error?.code).to.equal('SourceUnreadable');
      expect(r.error?.message).to.include(source);
      expect(r.entries).to.deep.equal([]);
      expect(r.requests.total).to.equal(0);
      expect(h.journalSince()).to.deep.equal([]);
      expect(await h.signin('user1@contoso.com')).to.equal(200);
      expect(await h.signin('user2@contoso.com')).to.equal(200);
      expect(job.status().code).to.equal('Active');
      expect(await readFile(join(stateDir, 'state.json'), 'utf8')).to.equal(before);
    } finally {
      await job.close();
    }
  });

  it('a target user the engine did not create or link is never changed or deleted', async () => {
    const stranger = await h.scim.create('/Users', { schemas: [CORE], userName: 'stranger@contoso.com', displayName: 'Stranger', active: true });
    const strangerId = String(stranger.body.id);
    const version = stranger.body.meta?.version;
    // u9 maps to the stranger's userName but is never in scope; u1..u3 come and go
    const dir = directory({ users: [user(1), user(2), user(3), user(9, { userPrincipalName: 'stranger@contoso.com' })], direct: ['u1', 'u2', 'u3'] });
    const job = await openTestJob(h, () => dir, { deprovision: { mode: 'delete' } });
    try {
      await job.run();
      unassign(dir, 'u1');
      dir.users = dir.users.filter((u) => u.id !== 'u2');
      dir.users.find((u) => u.id === 'u9')!.displayName = 'Renamed in the source';
      const r = await job.run();
      expect(summary(r)).to.deep.equal(['u1:delete:success', 'u2:delete:success', 'u9:other:skipped:EntrySynchronizationSkipped']);
      dir.users = dir.users.filter((u) => u.id !== 'u9');
      await job.restart(['Full']);
      await job.run();
      const touched = h.target.requests().filter((e) => e.path.includes(strangerId));
      expect(touched).to.deep.equal([]);
      const now = (await h.scim.get('/Users', strangerId)).body;
      expect(now).to.deep.include({ userName: 'stranger@contoso.com', displayName: 'Stranger', active: true });
      expect(now.meta?.version).to.equal(version);
    } finally {
      await job.close();
    }
  });

  it('a linked user deleted in the target: the next change fails InvalidAnchor (not escrowed); restart Full re-matches and creates it', async () => {
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    const job = await openTestJob(h, () => dir, { provisionGroups: false });
    try {
      await job.run();
      const gone = await h.userByName('user1@contoso.com');
      expect((await h.scim.delete('/Users', String(gone!.id))).status).to.equal(204);
      h.mark();
      dir.users[0]!.jobTitle = 'Returns';
      const r = await job.run();
      const e = entryOf(r, 'u1');
      expect(e.provisioningStatusInfo.status).to.equal('failure');
      expect(e.provisioningStatusInfo.errorInformation).to.deep.include({ errorCode: 'InvalidAnchor' });
      expect(e.provisioningStatusInfo.errorInformation?.recommendedAction).to.match(/restart/i);
      expect(h.journalSince().map((j) => `${j.method} ${j.status}`)).to.deep.equal(['GET 200', 'GET 404']);
      expect(r.status.escrows).to.equal(0);
      // no retry can fix it: the next incremental cycle leaves it alone until the source changes again
      h.mark();
      const quiet = await job.run();
      expect(quiet.entries).to.deep.equal([]);
      expect(h.journalSince().map((j) => `${j.method} ${j.status}`)).to.deep.equal(['GET 200']);

      await job.restart(['Full']);
      const again = await job.run();
      expect(again.kind).to.equal('initial');
      expect(summary(again)).to.deep.equal(['u1:create:success', 'u2:other:skipped:RedundantExport']);
      expect((await h.userByName('user1@contoso.com'))?.title).to.equal('Returns');
    } finally {
      await job.close();
    }
  });
});
