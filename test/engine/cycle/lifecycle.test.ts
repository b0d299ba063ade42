/**
 * One user's life through the engine against a real embedded target (ENTRA-SPEC §2.2, §2.7, §2.9):
 * initial → attribute change → unchanged incremental → removed from the assigned group → unassigned
 * → disabled → soft-deleted → hard-deleted → re-enabled, checking at each step the target's state,
 * the sign-in verdict, the log entries, and that unchanged objects cost nothing.
 */
import { expect } from 'chai';
import { assign, directory, entryOf, GROUP_ASSIGNED, modified, openTestJob, startHarness, summary, unassign, user, calls } from './support/harness.js';
import type { Harness, TestDirectory } from './support/harness.js';
import type { ProvisioningJob } from '../../../engine/index.js';

describe('engine e2e: a directory through its lifecycle', () => {
  let h: Harness;
  let dir: TestDirectory;
  let job: ProvisioningJob;
  const ids: Record<string, string> = {};
  const byId = (id: string) => dir.users.find((u) => u.id === id)!;

  before(async () => {
    h = await startHarness();
    dir = directory({
      users: [user(1), user(2), user(3), user(4), user(5), user(6)],
      direct: ['u1', 'u3', 'u5'],
      groupMembers: ['u2', 'u4'],
    });
    job = await openTestJob(h, () => dir, { provisionGroups: false });
  });
  after(async () => {
    await job.close();
    await h.close();
  });

  it('initial cycle: creates the five assigned users, nothing for the unassigned one', async () => {
    const r = await job.run();
    expect(r.kind).to.equal('initial');
    expect(r.state).to.equal('Succeeded');
    expect(summary(r)).to.deep.equal(['u1:create:success', 'u2:create:success', 'u3:create:success', 'u4:create:success', 'u5:create:success']);
    const e = entryOf(r, 'u1');
    expect(e.provisioningSteps.map((s) => s.provisioningStepType)).to.deep.equal(['import', 'scoping', 'matching', 'export']);
    expect(modified(e)).to.include.keys('userName', 'active', 'displayName', 'emails[type eq "work"].value');
    expect(modified(e).userName).to.deep.equal([null, 'user1@contoso.com']);
    const users = await h.users();
    expect(users.map((u) => u.userName).sort()).to.deep.equal([1, 2, 3, 4, 5].map((n) => `user${n}@contoso.com`));
    for (const u of users) ids[String(u.userName)] = String(u.id);
    expect(e.targetIdentity.id).to.equal(ids['user1@contoso.com']);
    expect(await h.signin('user1@contoso.com')).to.equal(200);
    expect(await h.signin('user6@contoso.com')).to.equal(403);
    // probe + one match and one create per user
    expect(r.requests.byMethod).to.deep.equal({ GET: 6, POST: 5 });
    expect(job.status().code).to.equal('Active');
    h.mark();
  });

  it('attribute change: GET + PATCH of that attribute only, the others cost nothing', async () => {
    byId('u1').jobTitle = 'Account Executive';
    byId('u1').department = 'Enterprise Sales';
    const r = await job.run();
    expect(r.kind).to.equal('incremental');
    expect(summary(r)).to.deep.equal(['u1:update:success']);
    const e = entryOf(r, 'u1');
    expect(modified(e)).to.deep.equal({
      title: [null, 'Account Executive'],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': ['Sales', 'Enterprise Sales'],
    });
    expect(calls(h.journalSince())).to.deep.equal(['GET /Users', `GET /Users/${ids['user1@contoso.com']}`, `PATCH /Users/${ids['user1@contoso.com']}`]);
    expect(r.requests).to.deep.include({ total: 3, writes: 1 });
    const u1 = await h.userByName('user1@contoso.com');
    expect(u1?.title).to.equal('Account Executive');
    expect((u1?.['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] as { department?: string }).department).to.equal('Enterprise Sales');
  });

  it('unchanged incremental: only the probe, no entry', async () => {
    const r = await job.run();
    expect(r.entries).to.deep.equal([]);
    expect(r.requests).to.deep.include({ total: 1, writes: 0 });
    expect(calls(h.journalSince())).to.deep.equal(['GET /Users']);
    expect(await job.logs({ cycleId: r.cycleId })).to.deep.equal([]);
  });

  it('removed from the assigned group: disabled (active False), cannot sign in', async () => {
    dir.groups.find((g) => g.id === GROUP_ASSIGNED)!.members = ['u4'];
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['u2:disable:success']);
    const e = entryOf(r, 'u2');
    expect(modified(e)).to.deep.equal({ active: ['true', 'false'] });
    expect(e.provisioningSteps.find((s) => s.provisioningStepType === 'scoping')?.details.ScopeEvaluationResult).to.equal('OutOfScope: not-assigned');
    const journal = h.journalSince();
    expect(calls(journal)).to.deep.equal(['GET /Users', `PATCH /Users/${ids['user2@contoso.com']}`]);
    expect(journal[1]!.requestBody).to.deep.equal({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    expect((await h.userByName('user2@contoso.com'))?.active).to.equal(false);
    expect(await h.signin('user2@contoso.com')).to.equal(403);
    const logged = await job.logs({ cycleId: r.cycleId });
    expect(logged.map((l) => l.changeId)).to.deep.equal([e.changeId]);
  });

  it('unassigned: disabled', async () => {
    unassign(dir, 'u3');
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['u3:disable:success']);
    expect(r.requests.byMethod).to.deep.equal({ GET: 1, PATCH: 1 });
    expect(await h.signin('user3@contoso.com')).to.equal(403);
    h.mark();
  });

  it('accountEnabled false: disabled', async () => {
    byId('u4').accountEnabled = false;
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['u4:disable:success']);
    expect(entryOf(r, 'u4').provisioningStatusInfo.status).to.equal('success');
    expect(await h.signin('user4@contoso.com')).to.equal(403);
    expect(calls(h.journalSince())).to.deep.equal(['GET /Users', `PATCH /Users/${ids['user4@contoso.com']}`]);
  });

  it('soft delete: disabled, still in the target', async () => {
    byId('u5').deletedDateTime = '2026-01-05T10:00:00Z';
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['u5:disable:success']);
    expect(entryOf(r, 'u5').provisioningSteps.find((s) => s.provisioningStepType === 'scoping')?.details.ScopeEvaluationResult).to.equal('OutOfScope: soft-deleted');
    expect((await h.userByName('user5@contoso.com'))?.active).to.equal(false);
    h.mark();
  });

  it('hard delete: DELETE, gone from the target; an unassigned (released) user gone from the source is not deleted', async () => {
    dir.users = dir.users.filter((u) => u.id !== 'u5' && u.id !== 'u3');
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['u5:delete:success']);
    expect(calls(h.journalSince())).to.deep.equal(['GET /Users', `DELETE /Users/${ids['user5@contoso.com']}`]);
    expect((await h.scim.get('/Users', ids['user5@contoso.com']!)).status).to.equal(404);
    // §2.9: unassigning released u3; its hard delete sends nothing and it stays (disabled) in the target
    expect((await h.userByName('user3@contoso.com'))?.active).to.equal(false);
    expect(job.status().synchronizedEntryCountByType.find((c) => c.key === 'User')?.value).to.equal(3);
  });

  it('re-enabled and re-assigned: PATCH active True', async () => {
    byId('u4').accountEnabled = true; //, still a member of the assigned group
    dir.groups.find((g) => g.id === GROUP_ASSIGNED)!.members.push('u2');
    assign(dir, 'u6');
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['u2:update:success', 'u4:update:success', 'u6:create:success']);
    expect(modified(entryOf(r, 'u4'))).to.deep.equal({ active: ['false', 'true'] });
    const patches = h.journalSince().filter((j) => j.method === 'PATCH');
    expect(patches.map((p) => p.requestBody)).to.deep.equal([
      { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] },
      { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] },
    ]);
    for (const name of ['user2@contoso.com', 'user4@contoso.com', 'user6@contoso.com']) expect(await h.signin(name)).to.equal(200);
    expect(job.status().code).to.equal('Active');
    const all = await job.logs();
    expect(all.filter((e) => e.sourceIdentity.id === 'u1').map((e) => e.provisioningAction)).to.deep.equal(['create', 'update']);
  });
});
