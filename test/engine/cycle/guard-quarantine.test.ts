/**
 * The job-level safety nets against a real target: accidental-deletion prevention (ENTRA-SPEC
 * §2.10: staged removals, TooManyDeletes, ForceDeletes), quarantine on a refused probe and its
 * lifting (§2.11, §6.3), escrow-proportion quarantine with low thresholds, and the job disabled
 * after 28 days in quarantine — weeks passing on a manual clock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { openJob } from '../../../engine/index.js';
import { directory, jobConfig, openTestJob, startHarness, summary, unassign, user } from './support/harness.js';
import type { Harness } from './support/harness.js';

const DAY = 24 * 3600_000;

describe('engine e2e: accidental-deletion prevention', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('threshold 2, three unassigned: StagedDelete ×3, Quarantine TooManyDeletes, no PATCH; ForceDeletes then disables them', async () => {
    const dir = directory({ users: [1, 2, 3, 4, 5, 6, 7].map((n) => user(n)), direct: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'] });
    const job = await openTestJob(h, () => dir, { accidentalDeletionThreshold: 2, provisionGroups: false });
    try {
      await job.run();
      h.mark();
      for (const id of ['u1', 'u2', 'u3']) unassign(dir, id);

      const staged = await job.run();
      expect(summary(staged)).to.deep.equal(['u1:stagedDelete:skipped:StagedDelete', 'u2:stagedDelete:skipped:StagedDelete', 'u3:stagedDelete:skipped:StagedDelete']);
      expect(staged.status.code).to.equal('Quarantine');
      expect(staged.status.quarantine?.reason).to.equal('TooManyDeletes');
      expect(staged.status.stagedDeletes).to.equal(3);
      expect(staged.state).to.equal('EntryLevelErrors');
      expect(h.journalSince().map((j) => j.method)).to.deep.equal(['GET']);
      for (const n of [1, 2, 3]) expect(await h.signin(`user${n}@contoso.com`)).to.equal(200);
      expect((await job.logs({ action: 'stagedDelete' })).map((e) => e.sourceIdentity.id).sort()).to.deep.equal(['u1', 'u2', 'u3']);

      // still too many on the next cycle: the guard holds (the removals are re-evaluated, not lost)
      const again = await job.run();
      expect(again.entries.map((e) => e.provisioningAction)).to.deep.equal(['stagedDelete', 'stagedDelete', 'stagedDelete']);
      expect(h.journalSince().map((j) => j.method)).to.deep.equal(['GET']);

      await job.restart(['ForceDeletes']);
      const forced = await job.run();
      expect(summary(forced)).to.deep.equal(['u1:disable:success', 'u2:disable:success', 'u3:disable:success']);
      expect(forced.status.code).to.equal('Active');
      expect(forced.status.quarantine).to.equal(null);
      expect(forced.status.stagedDeletes).to.equal(0);
      expect(h.journalSince().filter((j) => j.method === 'PATCH')).to.have.length(3);
      for (const n of [1, 2, 3]) expect(await h.signin(`user${n}@contoso.com`)).to.equal(403);
      expect(await h.signin('user7@contoso.com')).to.equal(200);

      // the allowance was for those removals only: the next mass removal is held back again
      for (const id of ['u4', 'u5', 'u6']) unassign(dir, id);
      const next = await job.run();
      expect(next.entries.map((e) => e.provisioningAction)).to.deep.equal(['stagedDelete', 'stagedDelete', 'stagedDelete']);
      expect(next.status.quarantine?.reason).to.equal('TooManyDeletes');
      expect(h.journalSince().map((j) => j.method)).to.deep.equal(['GET']);
      expect(await h.signin('user4@contoso.com')).to.equal(200);
    } finally {
      await job.close();
    }
  });

  it('a removal count at the threshold is not above it: executed (§2.10 strictly greater)', async () => {
    const dir = directory({ users: [5, 6].map((n) => user(n)), direct: ['u5', 'u6'] });
    const job = await openTestJob(h, () => dir, { accidentalDeletionThreshold: 2, provisionGroups: false });
    try {
      await job.run();
      dir.appRoleAssignments = [];
      const r = await job.run();
      expect(summary(r)).to.deep.equal(['u5:disable:success', 'u6:disable:success']);
      expect(r.status.code).to.equal('Active');
    } finally {
      await job.close();
    }
  });
});

describe('engine e2e: quarantine', () => {
  let h: Harness;
  let stateDir: string;
  beforeEach(async () => {
    h = await startHarness();
    stateDir = await mkdtemp(join(tmpdir(), 'scimulator-e2e-q-'));
  });
  afterEach(async () => {
    await h.close();
    await rm(stateDir, { recursive: true, force: true });
  });

  it('a wrong token: probe 401 → Quarantine (credentials), nothing else sent; the right token lifts it', async () => {
    const dir = directory({ users: [user(1)], direct: ['u1'] });
    const base = jobConfig(h, { provisionGroups: false });
    const wrong = { ...base, target: { ...base.target, auth: { type: 'bearer' as const, token: 'not-the-token' } } };
    const open = (config: typeof base) => openJob(config, { clock: h.time.clock, sleep: h.time.sleep, stateDir, loadDirectory: () => structuredClone(dir) });
    let job = await open(wrong);
    const r = await job.run();
    await job.close();
    expect(r.state).to.equal('Failed');
    expect(r.error?.code).to.equal('SystemForCrossDomainIdentityManagementCredentialValidationFailure');
    // one entry for the failed connection test, so the log does not go silent when credentials expire
    expect(r.entries.map((e) => [e.sourceIdentity.identityType, e.provisioningStatusInfo.status, e.provisioningStatusInfo.errorInformation?.errorCode])).to.deep.equal([
      ['Job', 'failure', 'SystemForCrossDomainIdentityManagementCredentialValidationFailure'],
    ]);
    expect((await job.logs({ status: 'failure' })).map((e) => e.provisioningSteps[0]!.name)).to.deep.equal(['EntryTestConnection']);
    expect(r.status.code).to.equal('Quarantine');
    expect(r.status.quarantine).to.deep.include({ reason: 'EncounteredQuarantineException' });
    expect(r.status.quarantine?.error.code).to.equal('SystemForCrossDomainIdentityManagementCredentialValidationFailure');
    expect(h.journalSince().map((j) => `${j.method} ${j.status}`)).to.deep.equal(['GET 401']);
    expect(await h.users()).to.deep.equal([]);

    job = await open(base); // the same state directory, the token fixed
    expect(job.status().code).to.equal('Quarantine');
    const fixed = await job.run();
    await job.close();
    expect(fixed.state).to.equal('Succeeded');
    expect(fixed.kind).to.equal('initial');
    expect(summary(fixed)).to.deep.equal(['u1:create:success']);
    expect(fixed.status.code).to.equal('Active');
    expect(fixed.status.quarantine).to.equal(null);
    expect(await h.signin('user1@contoso.com')).to.equal(200);
  });

  it('a probe answered 404 (not a SCIM endpoint): Quarantine with a compliance failure, nothing written', async () => {
    const dir = directory({ users: [user(1)], direct: ['u1'] });
    const base = jobConfig(h, { provisionGroups: false });
    const wrongPath = { ...base, target: { ...base.target, url: h.target.url.replace(/\/scim\/v2$/, '/not-scim') } };
    const job = await openJob(wrongPath, { clock: h.time.clock, sleep: h.time.sleep, memoryState: true, loadDirectory: () => structuredClone(dir) });
    const r = await job.run();
    await job.close();
    expect(r.state).to.equal('Failed');
    expect(r.error?.code).to.equal('SystemForCrossDomainIdentityManagementServiceIncompatible');
    expect(r.status.code).to.equal('Quarantine');
    expect(r.status.quarantine?.reason).to.equal('EncounteredQuarantineException');
    expect(h.journalSince().map((j) => `${j.method} ${j.status}`)).to.deep.equal(['GET 404']);
  });

  it('writes refused with low escrow thresholds: EncounteredEscrowProportionThreshold; 29 days on → Disabled; a fixed target and restart → Active', async () => {
    const dir = directory({ users: [1, 2, 3].map((n) => user(n)), direct: ['u1', 'u2', 'u3'] });
    const job = await openTestJob(h, () => dir, { provisionGroups: false, quarantine: { minFailures: 1, failureRatio: 0.1 } }, { stateDir });
    try {
      await job.run();
      // the app now refuses every change to a user (405) and the source changes all three
      await h.target.setQuirks({ description: 'read-only users', operations: { status: 405, User: { patch: false, delete: false } } });
      for (const u of dir.users) u.jobTitle = 'Changed';
      h.mark();
      const r = await job.run();
      expect(summary(r)).to.deep.equal(['u1:update:failure:MethodNotAllowed', 'u2:update:failure:MethodNotAllowed', 'u3:update:failure:MethodNotAllowed']);
      expect(h.journalSince().filter((j) => j.method === 'PATCH').map((j) => j.status)).to.deep.equal([405, 405, 405]);
      expect(r.status.code).to.equal('Quarantine');
      expect(r.status.quarantine?.reason).to.equal('EncounteredEscrowProportionThreshold');
      expect(r.status.escrows).to.equal(3);

      // still failing a day later: the quarantine series goes on
      h.time.advance(DAY);
      const later = await job.run();
      expect(later.status.code).to.equal('Quarantine');
      expect(later.status.quarantine?.seriesCount).to.be.greaterThan(1);

      h.time.advance(28 * DAY);
      const disabled = await job.run();
      expect(disabled.notRun).to.equal('disabled');
      expect(disabled.requests.total).to.equal(0);
      expect(job.status().code).to.equal('Disabled');
      expect((await job.run()).notRun).to.equal('disabled');

      await h.target.setQuirks(null);
      await job.restart();
      h.mark();
      const back = await job.run();
      expect(back.kind).to.equal('initial');
      expect(summary(back)).to.deep.equal(['u1:update:success', 'u2:update:success', 'u3:update:success']);
      expect(back.status.code).to.equal('Active');
      expect((await h.userByName('user2@contoso.com'))?.title).to.equal('Changed');
    } finally {
      await job.close();
    }
  });
});
