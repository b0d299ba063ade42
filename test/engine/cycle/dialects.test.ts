/**
 * The bodies the target receives, in Entra's two PATCH dialects (ENTRA-SPEC §6.4, §6.5): the legacy
 * default and the RFC 7644-compliant one the `aadOptscim062020` flag on the Tenant URL turns on.
 * Compared with the journal of a real embedded target, exactly.
 */
import { expect } from 'chai';
import { directory, entryOf, openTestJob, startHarness, summary, user } from './support/harness.js';
import type { Harness, TestDirectory } from './support/harness.js';
import type { JournalEntry } from '../../../server/quirks/index.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

interface Run {
  h: Harness;
  dir: TestDirectory;
  initial: JournalEntry[];
  changed: JournalEntry[];
  disabled: JournalEntry[];
  ids: Record<string, string>;
  changeEntries: string[];
  managerEntry: { action: string; status: string };
}

async function walk(urlSuffix: string): Promise<Run> {
  const h = await startHarness();
  const dir = directory({
    users: [user(1, { employeeId: 'E1', jobTitle: 'Rep' }), user(2, { manager: 'u1' }), user(3)],
    direct: ['u1', 'u2', 'u3'],
    groups: [{ id: 'g2', displayName: 'Team', members: ['u1', 'u2', 'u3'] }],
  });
  dir.appRoleAssignments.push({ principalId: 'g2', principalType: 'Group', appRoleId: 'role-user' });
  const job = await openTestJob(h, () => dir, { urlSuffix, concurrency: 1 });
  try {
    await job.run();
    const initial = h.journalSince();
    const ids: Record<string, string> = {};
    for (const u of await h.users()) ids[String(u.externalId)] = String(u.id);
    for (const g of await h.groups()) ids[String(g.externalId)] = String(g.id);

    const u1 = dir.users[0]!;
    Object.assign(u1, { displayName: 'New Name', givenName: 'Neo', mail: 'new@contoso.com', department: 'Tech', employeeId: 'E9' });
    dir.users[1]!.manager = 'u3';
    dir.groups[1]!.members = ['u1'];
    const r = await job.run();
    const changed = h.journalSince();
    const m = entryOf(r, 'u2');

    dir.users[2]!.accountEnabled = false;
    await job.run();
    const disabled = h.journalSince();
    return { h, dir, initial, changed, disabled, ids, changeEntries: summary(r), managerEntry: { action: m.provisioningAction, status: m.provisioningStatusInfo.status } };
  } finally {
    await job.close();
  }
}

const writes = (entries: JournalEntry[]) => entries.filter((e) => e.method !== 'GET');
const body = (entries: JournalEntry[], method: string, path: string) => entries.find((e) => e.method === method && e.path === `/scim/v2${path}`)?.requestBody;

describe('engine e2e: PATCH dialects on the wire', () => {
  const runs: Record<'legacy' | 'compliant', Run> = {} as never;
  before(async () => {
    runs.legacy = await walk('');
    runs.compliant = await walk('?aadOptscim062020');
  });
  after(async () => {
    for (const r of Object.values(runs)) await r.h.close();
  });

  for (const dialect of ['legacy', 'compliant'] as const) {
    describe(dialect, () => {
      it('POST /Users: core + enterprise schemas, meta.resourceType, emails work primary, name, roles [], no id, no nulls, no manager', () => {
        const { initial } = runs[dialect];
        const posts = initial.filter((e) => e.method === 'POST' && e.path === '/scim/v2/Users');
        expect(posts).to.have.length(3);
        expect(posts.find((p) => (p.requestBody as { userName: string }).userName === 'user1@contoso.com')!.requestBody).to.deep.equal({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
          externalId: 'user1',
          userName: 'user1@contoso.com',
          active: true,
          displayName: 'User 1',
          title: 'Rep',
          emails: [{ primary: true, type: 'work', value: 'user1@contoso.com' }],
          meta: { resourceType: 'User' },
          name: { formatted: 'Given1 Sur1', familyName: 'Sur1', givenName: 'Given1' },
          [ENTERPRISE]: { employeeNumber: 'E1', department: 'Sales' },
          roles: [],
        });
      });

      it('POST /Groups: core + ADSCIM schemas, never members', () => {
        const { initial } = runs[dialect];
        const team = initial.find((e) => e.method === 'POST' && e.path === '/scim/v2/Groups' && (e.requestBody as { displayName: string }).displayName === 'Team');
        expect(team?.requestBody).to.deep.equal({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group', 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
          externalId: 'g2',
          displayName: 'Team',
          meta: { resourceType: 'Group' },
        });
      });

      it('the order of the initial cycle: probe, users, groups, then references (manager, members)', () => {
        const { initial } = runs[dialect];
        const shape = initial.map((e) => `${e.method} ${e.path.replace(/\/[0-9a-f-]{36}$/, '/{id}')}`);
        expect(shape[0]).to.equal('GET /scim/v2/Users');
        const lastUserPost = shape.lastIndexOf('POST /scim/v2/Users');
        const firstGroup = shape.indexOf('GET /scim/v2/Groups');
        expect(lastUserPost).to.be.lessThan(firstGroup);
        expect(shape.slice(-2)).to.deep.equal(['PATCH /scim/v2/Users/{id}', 'PATCH /scim/v2/Groups/{id}']);
        // group matching asks for no members
        for (const e of initial.filter((x) => x.path.startsWith('/scim/v2/Groups') && x.method === 'GET')) expect(e.query.excludedAttributes).to.equal('members');
      });

      it('manager: a plain string id on the enterprise manager path', () => {
        const { initial, changed, ids } = runs[dialect];
        const add = dialect === 'legacy' ? 'Add' : 'add';
        expect(body(initial, 'PATCH', `/Users/${ids.user2}`)).to.deep.equal({ schemas: [PATCH_OP], Operations: [{ op: add, path: `${ENTERPRISE}:manager`, value: ids.user1 }] });
        expect(body(changed, 'PATCH', `/Users/${ids.user2}`)).to.deep.equal({ schemas: [PATCH_OP], Operations: [{ op: add, path: `${ENTERPRISE}:manager`, value: ids.user3 }] });
      });

      it('a manager-only change is an update that succeeded, not a skip', () => {
        expect(runs[dialect].managerEntry).to.deep.equal({ action: 'update', status: 'success' });
        expect(runs[dialect].changeEntries).to.deep.equal(['g2:update:success', 'u1:update:success', 'u2:update:success']);
      });

      it('members: added in one batch, removed in the dialect\'s form', () => {
        const { initial, changed, ids } = runs[dialect];
        const added = body(initial, 'PATCH', `/Groups/${ids.g2}`) as { Operations: { op: string; path: string; value: { value: string }[] }[] };
        expect(added.Operations).to.have.length(1);
        expect(added.Operations[0]!.op).to.equal(dialect === 'legacy' ? 'Add' : 'add');
        expect(added.Operations[0]!.path).to.equal('members');
        const member = (id: string) => (dialect === 'legacy' ? { $ref: null, value: id } : { value: id });
        expect(added.Operations[0]!.value).to.have.deep.members([member(ids.user1!), member(ids.user2!), member(ids.user3!)]);
        const removed = body(changed, 'PATCH', `/Groups/${ids.g2}`) as { Operations: unknown[] };
        if (dialect === 'legacy') {
          expect(removed.Operations).to.have.length(1);
          expect(removed.Operations[0]).to.deep.include({ op: 'Remove', path: 'members' });
          expect((removed.Operations[0] as { value: unknown[] }).value).to.have.deep.members([{ value: ids.user2 }, { value: ids.user3 }]);
        } else {
          expect(removed.Operations).to.have.deep.members([
            { op: 'remove', path: `members[value eq "${ids.user2}"]` },
            { op: 'remove', path: `members[value eq "${ids.user3}"]` },
          ]);
        }
      });

      it('several attributes changed: one Replace per path (legacy) or one path-less replace with dotted/URN keys (compliant)', () => {
        const { changed, ids } = runs[dialect];
        const ops = (body(changed, 'PATCH', `/Users/${ids.user1}`) as { Operations: unknown[] }).Operations;
        if (dialect === 'legacy') {
          expect(ops).to.deep.equal([
            { op: 'Replace', path: 'displayName', value: 'New Name' },
            { op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' },
            { op: 'Replace', path: 'name.givenName', value: 'Neo' },
            { op: 'Replace', path: 'name.formatted', value: 'Neo Sur1' },
            { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'E9' },
            { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Tech' },
          ]);
        } else {
          expect(ops).to.deep.equal([
            {
              op: 'replace',
              value: { displayName: 'New Name', 'name.givenName': 'Neo', 'name.formatted': 'Neo Sur1', [`${ENTERPRISE}:employeeNumber`]: 'E9', [`${ENTERPRISE}:department`]: 'Tech' },
            },
            { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' },
          ]);
        }
      });

      it('disable: active as the string "False" (legacy) or the boolean false (compliant); the target stores false', async () => {
        const { disabled, ids, h } = runs[dialect];
        expect(writes(disabled).map((e) => e.requestBody)).to.deep.equal([
          { schemas: [PATCH_OP], Operations: [{ op: dialect === 'legacy' ? 'Replace' : 'replace', path: 'active', value: dialect === 'legacy' ? 'False' : false }] },
        ]);
        expect(writes(disabled).map((e) => e.path)).to.deep.equal([`/scim/v2/Users/${ids.user3}`]);
        expect((await h.scim.get('/Users', ids.user3!)).body.active).to.equal(false);
        expect(await h.signin('user3@contoso.com')).to.equal(403);
      });

      it('the target applied every change', async () => {
        const { h, ids } = runs[dialect];
        const u1 = (await h.scim.get('/Users', ids.user1!)).body;
        expect(u1).to.deep.include({ displayName: 'New Name', userName: 'user1@contoso.com' });
        expect(u1.name).to.deep.include({ givenName: 'Neo', formatted: 'Neo Sur1' });
        expect(u1.emails).to.deep.equal([{ primary: true, type: 'work', value: 'new@contoso.com' }]);
        expect(u1[ENTERPRISE]).to.deep.include({ department: 'Tech', employeeNumber: 'E9' });
        const u2 = (await h.scim.get('/Users', ids.user2!)).body;
        expect((u2[ENTERPRISE] as { manager?: { value?: string } }).manager?.value).to.equal(ids.user3);
        const g2 = (await h.scim.get('/Groups', ids.g2!)).body;
        expect((g2.members as { value: string }[]).map((m) => m.value)).to.deep.equal([ids.user1]);
      });
    });
  }
});
