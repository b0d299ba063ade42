/**
 * Quirk profiles of the embedded target driving the outcomes Entra would log (issue 8 "What it must
 * show"): throttled (429, Retry-After honoured on the shared manual clock), flaky (escrowed
 * 5xx/timeouts/resets, retried next cycle, no duplicate), seat-limited (LicenseLimitExceeded),
 * no-delete (the DELETE fails and is escrowed), slack-like (a truncated userName reported once and
 * never resent), case-sensitive (matching misses a differently-cased userName → a second user).
 */
import { expect } from 'chai';
import { directory, entryOf, openTestJob, startHarness, summary, unassign, user } from './support/harness.js';
import type { Harness } from './support/harness.js';

const MINUTE = 60_000;
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('engine e2e: quirk profiles', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('throttled: 429s are waited out (Retry-After on the manual clock), every entry is a success', async () => {
    h = await startHarness({ quirks: 'throttled' });
    const ids = [1, 2, 3, 4, 5, 6, 7, 8];
    const dir = directory({ users: ids.map((n) => user(n)), direct: ids.map((n) => `u${n}`) });
    const job = await openTestJob(h, () => dir, { provisionGroups: false });
    const startedAt = h.time.clock().getTime();
    const r = await job.run();
    await job.close();
    expect(summary(r)).to.deep.equal(ids.map((n) => `u${n}:create:success`));
    const journal = h.journalSince();
    const throttled = journal.filter((e) => e.status === 429);
    expect(throttled.length).to.be.greaterThan(0);
    // each throttled request was sent again and succeeded: 1 probe + 8 matches + 8 creates
    expect(journal.filter((e) => e.status < 400)).to.have.length(17);
    expect(r.requests.total).to.equal(journal.length);
    expect((await h.users()).length).to.equal(8);
    // the waits passed on the shared clock, not in real time
    expect(h.time.clock().getTime() - startedAt).to.be.at.least(1000);
  });

  it('flaky: failures are escrowed as InternalServerError / Timeout / WebExceptionProtocolError and succeed on later cycles, with no duplicate', async function () {
    this.timeout(20_000);
    h = await startHarness({ quirks: 'flaky' });
    const ids = Array.from({ length: 30 }, (_, i) => i + 1);
    const dir = directory({ users: ids.map((n) => user(n)), direct: ids.map((n) => `u${n}`) });
    const job = await openTestJob(h, () => dir, { provisionGroups: false, target: { url: h.target.url, auth: { type: 'bearer', token: h.target.token }, timeoutMs: 300 } as never, retry: { attempts: 1 } });
    try {
      const codes = new Set<string>();
      let first: Awaited<ReturnType<typeof job.run>> | undefined;
      for (let cycle = 0; cycle < 8; cycle++) {
        const r = await job.run();
        first ??= r;
        for (const e of r.entries) if (e.provisioningStatusInfo.status === 'failure') codes.add(e.provisioningStatusInfo.errorInformation!.errorCode);
        if (r.state === 'Succeeded' && r.status.escrows === 0 && r.status.synchronizedEntryCountByType.find((c) => c.key === 'User')!.value === ids.length) break;
        // past the next slot of the escrow schedule (next cycle, 6 h, 12 h, 24 h)
        h.time.advance(12 * 60 * MINUTE);
      }
      expect([...codes].every((c) => ['InternalServerError', 'Timeout', 'WebExceptionProtocolError'].includes(c)), [...codes].join()).to.equal(true);
      expect(codes.size).to.be.greaterThan(0);
      expect(job.status().escrows).to.equal(0);
      const faults = h.target.requests().filter((e) => e.quirk !== undefined || e.status >= 500);
      expect(faults.length).to.be.greaterThan(0);
      await h.target.setQuirks(null);
      const names = (await h.users()).map((u) => String(u.userName));
      expect(names.sort()).to.deep.equal(ids.map((n) => `user${n}@contoso.com`).sort());
    } finally {
      await job.close();
    }
  });

  it('seat-limited: beyond 5 seats the create fails with LicenseLimitExceeded (escrowed); a freed seat lets the retry through', async () => {
    h = await startHarness({ quirks: 'seat-limited' });
    const ids = [1, 2, 3, 4, 5, 6, 7];
    const dir = directory({ users: ids.map((n) => user(n)), direct: ids.map((n) => `u${n}`) });
    const job = await openTestJob(h, () => dir, { provisionGroups: false, concurrency: 1 });
    try {
      const r = await job.run();
      expect(r.counts.byStatus).to.deep.equal({ success: 5, failure: 2 });
      const failed = r.entries.filter((e) => e.provisioningStatusInfo.status === 'failure');
      for (const e of failed) {
        expect(e.provisioningAction).to.equal('create');
        expect(e.provisioningStatusInfo.errorInformation).to.deep.include({ errorCode: 'LicenseLimitExceeded', errorCategory: 'nonServiceFailure' });
        expect(e.provisioningStatusInfo.errorInformation?.reason).to.match(/License limit reached/);
      }
      expect(r.status.escrows).to.equal(2);
      expect((await h.users()).length).to.equal(5);
      expect(h.journalSince().filter((e) => e.method === 'POST').map((e) => e.status)).to.deep.equal([201, 201, 201, 201, 201, 403, 403]);

      // one user leaves: its seat is freed by the disable — after this cycle's retries, which come
      // first (objects, then removals), so they fail once more
      unassign(dir, 'u1');
      h.time.advance(40 * MINUTE);
      const next = await job.run();
      expect(entryOf(next, 'u1').provisioningAction).to.equal('disable');
      const retriedIds = (report: typeof next) => report.entries.filter((e) => failed.some((f) => f.sourceIdentity.id === e.sourceIdentity.id));
      expect(retriedIds(next).map((e) => e.provisioningStatusInfo.errorInformation?.errorCode)).to.deep.equal(['LicenseLimitExceeded', 'LicenseLimitExceeded']);
      // the second retry is due 6 h after the first failure: one create takes the freed seat
      h.time.advance(6 * 60 * MINUTE);
      const later = await job.run();
      expect(retriedIds(later).map((e) => e.provisioningStatusInfo.status).sort()).to.deep.equal(['failure', 'success']);
      expect(later.status.escrows).to.equal(1);
      expect((await h.users()).length).to.equal(6);
    } finally {
      await job.close();
    }
  });

  it('no-delete: with deprovision mode delete, the DELETE fails MethodNotAllowed and is escrowed; the user is untouched', async () => {
    h = await startHarness({ quirks: 'no-delete' });
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    const job = await openTestJob(h, () => dir, { provisionGroups: false, deprovision: { mode: 'delete' } });
    try {
      await job.run();
      h.mark();
      unassign(dir, 'u2');
      const r = await job.run();
      const e = entryOf(r, 'u2');
      expect([e.provisioningAction, e.provisioningStatusInfo.status]).to.deep.equal(['delete', 'failure']);
      expect(e.provisioningStatusInfo.errorInformation?.errorCode).to.equal('MethodNotAllowed');
      expect(h.journalSince().filter((j) => j.method !== 'GET').map((j) => `${j.method} ${j.status}`)).to.deep.equal(['DELETE 405']);
      expect(r.status.escrows).to.equal(1);
      expect(await h.signin('user2@contoso.com')).to.equal(200);

      // the escrow is retried on its schedule (§2.11): the next cycle, then 6 h after the first failure
      h.time.advance(40 * MINUTE);
      expect(summary(await job.run())).to.deep.equal(['u2:delete:failure:MethodNotAllowed']);
      h.time.advance(40 * MINUTE);
      const early = await job.run();
      expect(early.entries).to.deep.equal([]);
      expect(early.requests.total).to.equal(1);
      h.time.advance(5 * 60 * MINUTE);
      const due = await job.run();
      expect(summary(due)).to.deep.equal(['u2:delete:failure:MethodNotAllowed']);
      expect(due.status.escrows).to.equal(1);
      expect(await h.signin('user2@contoso.com')).to.equal(200);
    } finally {
      await job.close();
    }
  });

  it('slack-like: the truncated userName is a warning (AttributeValueMismatch) once; later cycles and a restart do not resend it', async () => {
    h = await startHarness({ quirks: 'slack-like' });
    const long = user('L', { userPrincipalName: 'bartholomew.longname@contoso.com' });
    const dir = directory({ users: [long], direct: ['uL'] });
    const job = await openTestJob(h, () => dir, { provisionGroups: false });
    try {
      const r = await job.run();
      const e = entryOf(r, 'uL');
      expect([e.provisioningAction, e.provisioningStatusInfo.status]).to.deep.equal(['create', 'warning']);
      expect(e.provisioningStatusInfo.errorInformation?.errorCode).to.equal('AttributeValueMismatch');
      expect(e.provisioningStatusInfo.errorInformation?.reason).to.include('bartholomew.longname@contoso.com').and.include('bartholomew.longname@');
      const stored = (await h.users())[0]!;
      expect(stored.userName).to.equal('bartholomew.longname@'.slice(0, 21));
      h.mark();

      long.jobTitle = 'Engineer';
      const changed = await job.run();
      expect(summary(changed)).to.deep.equal(['uL:update:success']);
      const patches = h.journalSince().filter((j) => j.method === 'PATCH');
      expect(patches.map((p) => p.requestBody)).to.deep.equal([{ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Add', path: 'title', value: 'Engineer' }] }]); // no title before: §6.5 Add

      const quiet = await job.run();
      expect(quiet.entries).to.deep.equal([]);
      expect(quiet.requests.total).to.equal(1);

      await job.restart();
      h.mark();
      const initial = await job.run();
      expect(initial.kind).to.equal('initial');
      expect(summary(initial)).to.deep.equal(['uL:other:skipped:RedundantExport']);
      expect(h.journalSince().filter((j) => j.method !== 'GET')).to.deep.equal([]);
    } finally {
      await job.close();
    }
  });

  it('case-sensitive: a differently-cased userName is not matched, so a second user is created', async () => {
    h = await startHarness({ quirks: 'case-sensitive' });
    const seeded = await h.scim.create('/Users', { schemas: [CORE], userName: 'User9@Contoso.com' });
    expect(seeded.status).to.equal(201);
    h.mark();
    const dir = directory({ users: [user(9)], direct: ['u9'] });
    const job = await openTestJob(h, () => dir, { provisionGroups: false });
    const r = await job.run();
    await job.close();
    const e = entryOf(r, 'u9');
    expect([e.provisioningAction, e.provisioningStatusInfo.status]).to.deep.equal(['create', 'success']);
    const journal = h.journalSince();
    expect(journal.map((j) => `${j.method} ${j.status}`)).to.deep.equal(['GET 200', 'GET 200', 'POST 201']);
    expect((journal[1]!.responseBody as { totalResults: number }).totalResults).to.equal(0);
    expect((await h.users()).map((u) => u.userName).sort()).to.deep.equal(['User9@Contoso.com', 'user9@contoso.com']);
  });
});
