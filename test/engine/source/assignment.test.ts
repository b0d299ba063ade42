import { expect } from 'chai';
import { DEFAULT_ACCESS_ROLE, assignmentIndex, parseDirectoryJson } from '../../../engine/source/index.js';
import type { AppRoleAssignment, Directory } from '../../../engine/source/index.js';

const roles = [
  { id: 'r-user', value: 'User', displayName: 'User' },
  { id: 'r-admin', value: 'Admin', displayName: 'Administrator' },
];

function tenant(appRoleAssignments: AppRoleAssignment[], groups?: Directory['groups']): Directory {
  return parseDirectoryJson(
    JSON.stringify({
      users: ['direct', 'member', 'nested', 'both', 'loner', 'binned'].map((id) => ({ id })),
      groups: groups ?? [
        { id: 'assigned', displayName: 'Assigned', members: ['member', 'both', 'inner'] },
        { id: 'inner', displayName: 'Inner', members: ['nested'] },
        { id: 'other', displayName: 'Other', members: ['loner'] },
      ],
      appRoles: roles,
      appRoleAssignments,
    }),
  );
}

describe('engine/source/assignment', () => {
  describe('#assignmentIndex()', () => {
    const directory = tenant([
      { principalId: 'direct', principalType: 'User', appRoleId: 'r-admin' },
      { principalId: 'assigned', principalType: 'Group', appRoleId: 'r-user' },
      { principalId: 'both', principalType: 'User', appRoleId: 'r-admin' },
    ]);
    const index = assignmentIndex(directory);

    it('should count a direct assignment', () => {
      expect(index.isUserAssigned('direct')).to.equal(true);
      expect(index.rolesOf('direct').map((r) => r.value)).to.deep.equal(['Admin']);
    });

    it('should count direct membership of an assigned group', () => {
      expect(index.isUserAssigned('member')).to.equal(true);
      expect(index.rolesOf('member')).to.deep.equal([roles[0]]);
    });

    it('should not count members of a group nested in an assigned group (ENTRA-SPEC §2.4)', () => {
      expect(index.isUserAssigned('nested')).to.equal(false);
      expect(index.rolesOf('nested')).to.deep.equal([]);
      expect(index.isGroupAssigned('inner')).to.equal(false);
    });

    it('should not count members of an unassigned group or users named nowhere', () => {
      expect(index.isUserAssigned('loner')).to.equal(false);
      expect(index.isUserAssigned('no-such-user')).to.equal(false);
      expect(index.isGroupAssigned('other')).to.equal(false);
    });

    it('should mark a group assigned only through a Group assignment', () => {
      expect(index.isGroupAssigned('assigned')).to.equal(true);
      expect(index.isGroupAssigned('direct')).to.equal(false);
    });

    it('should collect every role once, in assignment order', () => {
      expect(index.rolesOf('both').map((r) => r.value)).to.deep.equal(['User', 'Admin']);
      const twice = assignmentIndex(
        tenant([
          { principalId: 'assigned', principalType: 'Group', appRoleId: 'r-user' },
          { principalId: 'member', principalType: 'User', appRoleId: 'r-user' },
        ]),
      );
      expect(twice.rolesOf('member')).to.deep.equal([roles[0]]);
    });

    it('should grant Default Access for an assignment without appRoleId or with the zero id', () => {
      const index2 = assignmentIndex(
        tenant([
          { principalId: 'direct', principalType: 'User' },
          { principalId: 'loner', principalType: 'User', appRoleId: '00000000-0000-0000-0000-000000000000' },
        ]),
      );
      expect(index2.isUserAssigned('direct')).to.equal(true);
      expect(index2.rolesOf('direct')).to.deep.equal([DEFAULT_ACCESS_ROLE]);
      expect(index2.rolesOf('loner')).to.deep.equal([DEFAULT_ACCESS_ROLE]);
    });

    it('should pass no assignment on from a soft-deleted group', () => {
      const index2 = assignmentIndex(
        tenant(
          [{ principalId: 'binned-group', principalType: 'Group', appRoleId: 'r-user' }],
          [{ id: 'binned-group', displayName: 'Old', members: ['binned'], deletedDateTime: '2025-01-01T00:00:00Z' }],
        ),
      );
      expect(index2.isGroupAssigned('binned-group')).to.equal(true);
      expect(index2.isUserAssigned('binned')).to.equal(false);
    });

    it('should hand out copies of the role list', () => {
      index.rolesOf('direct').push(roles[0]!);
      expect(index.rolesOf('direct')).to.have.length(1);
    });
  });
});
