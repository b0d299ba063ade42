import { expect } from 'chai';
import { applySourceStep, resolveUser, scenarioDirectory, StepError } from '../../pilot/source-edits.js';
import type { Directory } from '../../engine/source/types.js';
import type { SourceStep } from '../../pilot/plan.types.js';

const NOW = new Date(Date.UTC(2026, 0, 2));

function directory(): Directory {
  return {
    users: [
      { id: 'u1', userPrincipalName: 'Ada@Contoso.com', department: 'HR' },
      { id: 'u2', userPrincipalName: 'bob@contoso.com', accountEnabled: false },
    ],
    groups: [{ id: 'g1', displayName: 'Pilot', members: ['u2'] }],
    appRoles: [{ id: 'r1', value: 'Admin' }],
    appRoleAssignments: [{ principalId: 'g1', principalType: 'Group' }],
  };
}

const apply = (steps: SourceStep[]) => steps.reduce((s, step) => applySourceStep(s, step, NOW), scenarioDirectory(directory()));

describe('pilot/source-edits', () => {
  it('should resolve users by id or by UPN case-insensitively', () => {
    const s = scenarioDirectory(directory());
    expect(resolveUser(s, 'u1').id).to.equal('u1');
    expect(resolveUser(s, 'ada@contoso.com').id).to.equal('u1');
    expect(() => resolveUser(s, 'eve@contoso.com')).to.throw(StepError, "no user 'eve@contoso.com'");
  });

  it('should add to and remove from groups without touching the input directory', () => {
    const start = scenarioDirectory(directory());
    const added = applySourceStep(start, { addToGroup: { user: 'u1', group: 'pilot' } }, NOW);
    expect(added.directory.groups[0]!.members).to.deep.equal(['u2', 'u1']);
    expect(start.directory.groups[0]!.members).to.deep.equal(['u2']);
    const removed = applySourceStep(added, { removeFromGroup: { user: 'bob@contoso.com', group: 'g1' } }, NOW);
    expect(removed.directory.groups[0]!.members).to.deep.equal(['u1']);
  });

  it('should assign with a role by value and unassign', () => {
    const s = apply([{ assign: { user: 'u1', appRole: 'Admin' } }]);
    expect(s.directory.appRoleAssignments.at(-1)).to.deep.equal({ principalId: 'u1', principalType: 'User', appRoleId: 'r1' });
    expect(apply([{ unassign: { group: 'Pilot' } }]).directory.appRoleAssignments).to.deep.equal([]);
    expect(() => apply([{ unassign: { user: 'u1' } }])).to.throw(StepError, 'is not assigned');
    expect(() => apply([{ assign: { user: 'u1', appRole: 'Owner' } }])).to.throw(StepError, "no app role 'Owner'");
  });

  it('should set attributes, disable, enable, soft-delete and restore', () => {
    const s = apply([
      { setAttributes: { user: 'u1', attributes: { department: 'Sales', jobTitle: 'Lead' } } },
      { disable: { user: 'u1' } },
      { enable: { user: 'u2' } },
      { softDelete: { user: 'u1' } },
    ]);
    expect(s.directory.users[0]).to.include({ department: 'Sales', jobTitle: 'Lead', accountEnabled: false, deletedDateTime: NOW.toISOString() });
    expect(s.directory.users[1]!.accountEnabled).to.equal(true);
    const restored = applySourceStep(s, { restore: { user: 'u1' } }, NOW);
    expect(restored.directory.users[0]!.deletedDateTime).to.equal(null);
    expect(() => apply([{ setAttributes: { user: 'u1', attributes: { id: 'x' } } }])).to.throw(StepError, 'id');
  });

  it('should hard-delete a user from groups and assignments but keep it nameable', () => {
    const s = apply([{ assign: { user: 'u2' } }, { hardDelete: { user: 'u2' } }]);
    expect(s.directory.users.map((u) => u.id)).to.deep.equal(['u1']);
    expect(s.directory.groups[0]!.members).to.deep.equal([]);
    expect(s.directory.appRoleAssignments.map((a) => a.principalId)).to.deep.equal(['g1']);
    expect(resolveUser(s, 'bob@contoso.com').id).to.equal('u2');
    expect(() => applySourceStep(s, { disable: { user: 'u2' } }, NOW)).to.throw(StepError, 'hard-deleted');
  });

  it('should add a user and refuse a duplicate id or UPN', () => {
    const s = apply([{ addUser: { id: 'u3', userPrincipalName: 'cy@contoso.com' } }]);
    expect(resolveUser(s, 'cy@contoso.com').id).to.equal('u3');
    expect(() => applySourceStep(s, { addUser: { id: 'u3', userPrincipalName: 'z@contoso.com' } }, NOW)).to.throw(StepError, "id 'u3'");
    expect(() => applySourceStep(s, { addUser: { id: 'u4', userPrincipalName: 'ADA@contoso.com' } }, NOW)).to.throw(StepError, 'userPrincipalName');
  });
});
