/**
 * Reference attributes against a real target (ENTRA-SPEC §2.8): group members batched by the job's
 * memberBatchSize once the users have target ids, a member out of scope left out, and the manager
 * linked after both users exist, changed with one manager PATCH, unresolved when not provisioned.
 */
import { expect } from 'chai';
import { directory, entryOf, modified, openTestJob, startHarness, summary, user } from './support/harness.js';
import type { Harness, TestDirectory } from './support/harness.js';
import type { ProvisioningJob } from '../../../engine/index.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('engine e2e: groups with members, users with managers', () => {
  let h: Harness;
  let dir: TestDirectory;
  let job: ProvisioningJob;
  const ids: Record<string, string> = {};

  before(async () => {
    h = await startHarness();
    dir = directory({
      // u2..u6 report to u1; u7 (a member of Team, but disabled: never provisioned) manages u8
      users: [user(1), ...[2, 3, 4, 5, 6].map((n) => user(n, { manager: 'u1' })), user(7, { accountEnabled: false }), user(8, { manager: 'u7' })],
      direct: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u8'],
      groups: [{ id: 'team', displayName: 'Team', members: ['u2', 'u3', 'u4', 'u5', 'u6', 'u7'] }],
    });
    dir.appRoleAssignments.push({ principalId: 'team', principalType: 'Group', appRoleId: 'role-user' });
    job = await openTestJob(h, () => dir, { memberBatchSize: 2 });
  });
  after(async () => {
    await job.close();
    await h.close();
  });

  it('initial: five members in three PATCHes of at most two, after the group and the users exist', async () => {
    const r = await job.run();
    const journal = h.journalSince();
    for (const u of await h.users()) ids[String(u.externalId)] = String(u.id);
    for (const g of await h.groups()) ids[String(g.externalId)] = String(g.id);
    const groupPatches = journal.filter((e) => e.method === 'PATCH' && e.path === `/scim/v2/Groups/${ids.team}`);
    expect(groupPatches).to.have.length(3);
    const sizes = groupPatches.map((p) => ((p.requestBody as { Operations: { value: unknown[] }[] }).Operations[0]!.value).length);
    expect(sizes).to.deep.equal([2, 2, 1]);
    const sent = groupPatches.flatMap((p) => (p.requestBody as { Operations: { value: { value: string }[] }[] }).Operations[0]!.value.map((v) => v.value));
    expect(sent).to.have.members(['user2', 'user3', 'user4', 'user5', 'user6'].map((n) => ids[n]));
    // every member PATCH comes after the group's POST and after every user POST
    const lastPost = journal.map((e) => e.method).lastIndexOf('POST');
    expect(journal.indexOf(groupPatches[0]!)).to.be.greaterThan(lastPost);
    const team = (await h.scim.get('/Groups', ids.team!)).body;
    expect((team.members as { value: string }[]).map((m) => m.value)).to.have.members(sent);
    // u7 is disabled: never provisioned, so the group goes without it (§2.4)
    expect(ids.user7).to.equal(undefined);
    const teamEntry = entryOf(r, 'team');
    expect(teamEntry.provisioningAction).to.equal('create');
    expect(modified(teamEntry)['members (added)']?.[1]).to.be.a('string');
    expect(JSON.parse(modified(teamEntry)['members (added)']![1]!)).to.have.length(5);
  });

  it('initial: the manager is linked with a PATCH after both users exist', async () => {
    const [r] = await job.logs({ user: 'u3' });
    expect(r!.provisioningSteps.map((s) => s.provisioningStepType)).to.include('referenceResolution');
    for (const n of [2, 3, 4, 5, 6]) {
      const u = (await h.scim.get('/Users', ids[`user${n}`]!)).body;
      expect((u[ENTERPRISE] as { manager?: { value: string } }).manager?.value, `user${n}`).to.equal(ids.user1);
    }
  });

  it('a manager that is not provisioned: the user is provisioned without one, with a warning', async () => {
    const logs = await job.logs({ user: 'u8' });
    expect(logs).to.have.length(1);
    expect(logs[0]!.provisioningAction).to.equal('create');
    expect(logs[0]!.provisioningStatusInfo.status).to.equal('warning');
    expect(logs[0]!.provisioningStatusInfo.errorInformation?.errorCode).to.equal('UnableToResolveReferenceAttributeValue');
    const u8 = (await h.scim.get('/Users', ids.user8!)).body;
    expect((u8[ENTERPRISE] as { manager?: unknown } | undefined)?.manager).to.equal(undefined);
  });

  it('manager change: one manager PATCH, nothing else', async () => {
    dir.users.find((u) => u.id === 'u4')!.manager = 'u2';
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['u4:update:success']);
    const journal = h.journalSince();
    const writes = journal.filter((e) => e.method !== 'GET');
    expect(writes.map((e) => [e.method, e.path, e.requestBody])).to.deep.equal([
      ['PATCH', `/scim/v2/Users/${ids.user4}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: ids.user2 }] }],
    ]);
    expect(modified(entryOf(r, 'u4'))).to.deep.equal({ [`${ENTERPRISE}:manager`]: [ids.user1, ids.user2] });
    const u4 = (await h.scim.get('/Users', ids.user4!)).body;
    expect((u4[ENTERPRISE] as { manager: { value: string } }).manager.value).to.equal(ids.user2);
  });

  it('a member removed and one added: only the difference, in one PATCH of two operations (Add, then Remove)', async () => {
    dir.groups.find((g) => g.id === 'team')!.members = ['u2', 'u3', 'u4', 'u5', 'u7', 'u1'];
    const r = await job.run();
    expect(summary(r)).to.deep.equal(['team:update:success']);
    const writes = h.journalSince().filter((e) => e.method !== 'GET');
    expect(writes.map((e) => (e.requestBody as { Operations: unknown[] }).Operations)).to.deep.equal([
      [
        { op: 'Add', path: 'members', value: [{ $ref: null, value: ids.user1 }] },
        { op: 'Remove', path: 'members', value: [{ value: ids.user6 }] },
      ],
    ]);
    const team = (await h.scim.get('/Groups', ids.team!)).body;
    expect((team.members as { value: string }[]).map((m) => m.value)).to.have.members([ids.user1, ids.user2, ids.user3, ids.user4, ids.user5]);
  });
});
