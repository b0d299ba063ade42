/**
 * The contoso fixture (fixtures/directories/README.md): it loads, and the notable users the pilot
 * test plan relies on are what the README says they are.
 */
import { expect } from 'chai';
import { assignmentIndex, loadDirectoryFile, userSourceObject } from '../../../engine/source/index.js';
import type { AssignmentIndex, Directory, DirectoryUser } from '../../../engine/source/index.js';
import { fixturePath } from '../../../util/package-root.js';

const user = (n: number): string => `10000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
const group = (n: number): string => `20000000-0000-4000-a000-${String(n).padStart(12, '0')}`;

describe('fixtures/directories/contoso', () => {
  let directory: Directory;
  let index: AssignmentIndex;
  const byId = (id: string): DirectoryUser => directory.users.find((u) => u.id === id)!;
  const roleValues = (n: number): unknown[] => index.rolesOf(user(n)).map((r) => r.value);

  before(async () => {
    directory = await loadDirectoryFile(fixturePath('directories', 'contoso.json'));
    index = assignmentIndex(directory);
  });

  it('should hold 50 users in six departments, 6 groups and 2 app roles', () => {
    expect(directory.users).to.have.length(50);
    expect(new Set(directory.users.map((u) => u.department ?? null))).to.deep.equal(
      new Set(['Executive', 'Sales', 'Engineering', 'Finance', 'HR', 'Marketing', null]),
    );
    expect(directory.groups.map((g) => g.displayName)).to.deep.equal([
      'SCIM Pilot', 'Sales Team', 'Engineering', 'Finance', 'Pilot Champions', 'Platform Admins',
    ]);
    expect(directory.appRoles.map((r) => r.value)).to.deep.equal(['User', 'Admin']);
  });

  it('should have a manager tree: heads report to the CEO, the CEO to no one', () => {
    expect(byId(user(1))).to.include({ jobTitle: 'Chief Executive Officer', manager: null });
    for (const head of [2, 3, 4, 5, 6]) expect(byId(user(head)).manager).to.equal(user(1));
    for (const u of directory.users.slice(1)) {
      let hops = 0;
      for (let at: DirectoryUser = u; at.manager; at = byId(at.manager)) hops += 1;
      expect(hops, u.displayName ?? u.id).to.be.within(1, 3);
    }
  });

  it('should have the notable users of the README', () => {
    expect(byId(user(7))).to.include({ displayName: 'Grady Archie', accountEnabled: false });
    expect(byId(user(19))).to.include({ displayName: 'Johanna Lorenz', deletedDateTime: '2025-05-02T09:30:00Z' });
    expect(byId(user(18))).to.include({ displayName: 'Søren Madsen', mail: null });
    expect(byId(user(50))).to.include({ userPrincipalName: 'jose.munoz_fabrikam.com#EXT#@contoso.com', userType: 'Guest' });
    expect(userSourceObject(byId(user(50)), { isSoftDeleted: false, index })).to.include({ userPrincipalName: 'jose.munoz@fabrikam.com' });
    for (const [n, name] of [[17, 'Łukasz Kowalski'], [42, 'Zoë Brontë']] as const) expect(byId(user(n)).displayName).to.equal(name);
    expect(directory.users.filter((u) => u.accountEnabled === false)).to.have.length(1);
    expect(directory.users.filter((u) => u.deletedDateTime)).to.have.length(1);
  });

  it('should assign as the README says: pilot, teams, nesting not counted, Finance unassigned', () => {
    for (const n of [17, 22, 28, 36, 42, 50]) expect(index.isUserAssigned(user(n)), `pilot ${n}`).to.equal(true);
    for (const n of [38, 45]) expect(index.isUserAssigned(user(n)), `nested ${n}`).to.equal(false);
    expect(directory.groups.find((g) => g.id === group(1))!.members).to.include(group(5));
    expect([1, 2, 3, 4, 5, 6].map((n) => index.isGroupAssigned(group(n)))).to.deep.equal([true, true, true, false, false, true]);
    expect(index.isUserAssigned(user(7)) && index.isUserAssigned(user(19))).to.equal(true);
    expect(roleValues(1)).to.deep.equal(['Admin']);
    expect(roleValues(3)).to.deep.equal(['User', 'Admin']);
    expect(roleValues(31)).to.deep.equal([null]);
    expect(index.isUserAssigned(user(29))).to.equal(false);
    expect(directory.users.filter((u) => index.isUserAssigned(u.id))).to.have.length(29);
  });

  it('should load the CSV form with its groups and assignments', async () => {
    const csv = await loadDirectoryFile(fixturePath('directories', 'contoso.csv'));
    const csvUser = (n: number): string => `40000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
    expect(csv.users).to.have.length(10);
    expect(csv.groups.map((g) => [g.id, g.members!.length])).to.deep.equal([
      ['group:Sales', 3], ['group:SCIM Pilot', 3], ['group:Engineering', 3], ['group:HR', 1], ['group:Marketing', 1],
    ]);
    const csvIndex = assignmentIndex(csv);
    expect(csv.users.filter((u) => !csvIndex.isUserAssigned(u.id)).map((u) => u.id)).to.deep.equal([csvUser(8)]);
    expect(csv.users.filter((u) => u.accountEnabled === false).map((u) => u.id)).to.deep.equal([csvUser(3), csvUser(10)]);
    expect(csv.users.find((u) => u.id === csvUser(5))).to.not.have.property('mail');
    expect(csv.users[0]).to.include({ jobTitle: 'Director, Sales' });
  });
});
