/**
 * @module engine/source/assignment
 * Who is assigned to the app (ENTRA-SPEC §2.4 step 2): a user assigned directly, or a DIRECT member of
 * an assigned group; members of a group nested inside an assigned group are not. A group is assigned
 * when an appRoleAssignment names it. A soft-deleted group passes no assignment on to its members (an
 * emulator choice: §2.4 is silent, and a group in the recycle bin grants no access), though the group
 * itself stays "assigned" so the engine can deprovision it. Roles come from every assignment that reaches the user, in file
 * order, once each; an assignment without appRoleId, or naming Graph's zero id, grants Default Access.
 */
import { DEFAULT_ACCESS_ROLE_ID } from './validate.js';
import type { AppRole, Directory } from './types.js';

export interface AssignmentIndex {
  isUserAssigned(id: string): boolean;
  isGroupAssigned(id: string): boolean;
  /** the app roles a user holds, directly or through an assigned group it is a direct member of */
  rolesOf(userId: string): AppRole[];
}

/** The role an assignment without a declared role grants (value null: role functions skip it, §3.3). */
export const DEFAULT_ACCESS_ROLE: AppRole = Object.freeze({ id: DEFAULT_ACCESS_ROLE_ID, value: null, displayName: 'Default Access' });

export function assignmentIndex(directory: Directory): AssignmentIndex {
  const roles = new Map<string, AppRole>(directory.appRoles.map((role) => [role.id, role]));
  const deletedGroups = new Set(directory.groups.filter((g) => g.deletedDateTime).map((g) => g.id));
  const membersOf = new Map(directory.groups.map((g) => [g.id, g.members ?? []]));

  const assignedGroups = new Set<string>();
  const rolesByUser = new Map<string, AppRole[]>();
  const grant = (userId: string, role: AppRole): void => {
    const held = rolesByUser.get(userId);
    if (!held) rolesByUser.set(userId, [role]);
    else if (!held.some((r) => r.id === role.id)) held.push(role);
  };

  for (const assignment of directory.appRoleAssignments) {
    const role = roleOf(roles, assignment.appRoleId);
    if (assignment.principalType === 'User') {
      grant(assignment.principalId, role);
    } else {
      assignedGroups.add(assignment.principalId);
      if (deletedGroups.has(assignment.principalId)) continue;
      // §2.4: direct members only; a nested group's members are not reached
      for (const member of membersOf.get(assignment.principalId) ?? []) {
        if (!membersOf.has(member)) grant(member, role);
      }
    }
  }

  return {
    isUserAssigned: (id) => rolesByUser.has(id),
    isGroupAssigned: (id) => assignedGroups.has(id),
    rolesOf: (userId) => [...(rolesByUser.get(userId) ?? [])],
  };
}

function roleOf(roles: ReadonlyMap<string, AppRole>, appRoleId: string | undefined): AppRole {
  if (appRoleId === undefined) return roles.get(DEFAULT_ACCESS_ROLE_ID) ?? DEFAULT_ACCESS_ROLE;
  return roles.get(appRoleId) ?? (appRoleId === DEFAULT_ACCESS_ROLE_ID ? DEFAULT_ACCESS_ROLE : { id: appRoleId });
}
