/**
 * @module pilot/source-edits
 * The source steps of a plan applied to a directory: pure functions from one Directory to the
 * next, and the resolution of user and group references (id, or userPrincipalName / displayName,
 * case-insensitive). A reference that names nothing, or a step that would change nothing (adding a
 * member twice, restoring a user that is not deleted), is an error: a plan whose step silently did
 * nothing would check its expectations against the wrong story.
 */
import type { AppRoleAssignment, Directory, DirectoryGroup, DirectoryUser } from '../engine/source/types.js';
import type { GroupRef, Principal, SourceStep, UserRef } from './plan.types.js';

export class StepError extends Error {
  override readonly name = 'StepError';
}

/**
 * A directory and every user and group it ever held: a hard-deleted user can still be named by
 * later expectations ("Adele is gone from the app").
 */
export interface ScenarioDirectory {
  readonly directory: Directory;
  readonly knownUsers: ReadonlyMap<string, DirectoryUser>;
  readonly knownGroups: ReadonlyMap<string, DirectoryGroup>;
}

export function scenarioDirectory(directory: Directory): ScenarioDirectory {
  return {
    directory,
    knownUsers: new Map(directory.users.map((u) => [u.id, u])),
    knownGroups: new Map(directory.groups.map((g) => [g.id, g])),
  };
}

export function resolveUser(state: ScenarioDirectory, ref: UserRef): DirectoryUser {
  const byId = state.knownUsers.get(ref);
  if (byId) return state.directory.users.find((u) => u.id === ref) ?? byId;
  const wanted = ref.toLowerCase();
  const current = state.directory.users.find((u) => u.userPrincipalName?.toLowerCase() === wanted);
  if (current) return current;
  for (const u of state.knownUsers.values()) if (u.userPrincipalName?.toLowerCase() === wanted) return u;
  throw new StepError(`no user '${ref}' in the directory (give a source id or userPrincipalName)`);
}

export function resolveGroup(state: ScenarioDirectory, ref: GroupRef): DirectoryGroup {
  const byId = state.knownGroups.get(ref);
  if (byId) return state.directory.groups.find((g) => g.id === ref) ?? byId;
  const wanted = ref.toLowerCase();
  const current = state.directory.groups.find((g) => g.displayName.toLowerCase() === wanted);
  if (current) return current;
  for (const g of state.knownGroups.values()) if (g.displayName.toLowerCase() === wanted) return g;
  throw new StepError(`no group '${ref}' in the directory (give a source id or displayName)`);
}

/** The step applied; throws StepError when it names nothing or would change nothing. */
export function applySourceStep(state: ScenarioDirectory, step: SourceStep, now: Date): ScenarioDirectory {
  const d = state.directory;
  const [kind, args] = Object.entries(step)[0] as [string, never];
  switch (kind) {
    case 'addToGroup':
    case 'removeFromGroup': {
      const { user: userRef, group: groupRef } = args as { user: UserRef; group: GroupRef };
      const user = present(state, resolveUser(state, userRef));
      const group = presentGroup(state, resolveGroup(state, groupRef));
      const members = group.members ?? [];
      const isMember = members.includes(user.id);
      if (kind === 'addToGroup' && isMember) throw new StepError(`${label(user)} is already a member of '${group.displayName}'`);
      if (kind === 'removeFromGroup' && !isMember) throw new StepError(`${label(user)} is not a member of '${group.displayName}'`);
      const next = kind === 'addToGroup' ? [...members, user.id] : members.filter((m) => m !== user.id);
      return withGroup(state, { ...group, members: next });
    }
    case 'assign': {
      const a = args as Principal & { appRole?: string };
      const principal = principalOf(state, a);
      const appRoleId = a.appRole === undefined ? undefined : roleId(d, a.appRole);
      if (d.appRoleAssignments.some((x) => x.principalId === principal.id && (x.appRoleId ?? undefined) === appRoleId)) {
        throw new StepError(`${principal.label} is already assigned${a.appRole ? ` the role '${a.appRole}'` : ''}`);
      }
      const assignment: AppRoleAssignment = { principalId: principal.id, principalType: principal.type, ...(appRoleId ? { appRoleId } : {}) };
      return { ...state, directory: { ...d, appRoleAssignments: [...d.appRoleAssignments, assignment] } };
    }
    case 'unassign': {
      const principal = principalOf(state, args as Principal);
      const kept = d.appRoleAssignments.filter((x) => x.principalId !== principal.id);
      if (kept.length === d.appRoleAssignments.length) throw new StepError(`${principal.label} is not assigned to the app`);
      return { ...state, directory: { ...d, appRoleAssignments: kept } };
    }
    case 'setAttributes': {
      const a = args as Principal & { attributes: Record<string, unknown> };
      if ('id' in a.attributes) throw new StepError('the id of a source object cannot change');
      if (a.user !== undefined) return withUser(state, { ...present(state, resolveUser(state, a.user)), ...a.attributes } as DirectoryUser);
      return withGroup(state, { ...presentGroup(state, resolveGroup(state, a.group!)), ...a.attributes } as DirectoryGroup);
    }
    case 'disable':
    case 'enable': {
      const user = present(state, resolveUser(state, (args as { user: UserRef }).user));
      const enabled = user.accountEnabled !== false;
      if (kind === 'disable' && !enabled) throw new StepError(`${label(user)} is already disabled`);
      if (kind === 'enable' && enabled) throw new StepError(`${label(user)} is already enabled`);
      return withUser(state, { ...user, accountEnabled: kind === 'enable' });
    }
    case 'softDelete':
    case 'restore': {
      const a = args as Principal;
      const object = a.user !== undefined ? present(state, resolveUser(state, a.user)) : presentGroup(state, resolveGroup(state, a.group!));
      const deleted = Boolean(object.deletedDateTime);
      const name = a.user !== undefined ? label(object as DirectoryUser) : `group '${(object as DirectoryGroup).displayName}'`;
      if (kind === 'softDelete' && deleted) throw new StepError(`${name} is already soft-deleted`);
      if (kind === 'restore' && !deleted) throw new StepError(`${name} is not soft-deleted`);
      const next = { ...object, deletedDateTime: kind === 'softDelete' ? now.toISOString() : null };
      return a.user !== undefined ? withUser(state, next as DirectoryUser) : withGroup(state, next as DirectoryGroup);
    }
    case 'hardDelete': {
      const a = args as Principal;
      if (a.user !== undefined) {
        const user = present(state, resolveUser(state, a.user));
        // a purged user leaves its groups and assignments with it
        return {
          ...state,
          directory: {
            ...d,
            users: d.users.filter((u) => u.id !== user.id),
            groups: d.groups.map((g) => (g.members?.includes(user.id) ? { ...g, members: g.members.filter((m) => m !== user.id) } : g)),
            appRoleAssignments: d.appRoleAssignments.filter((x) => x.principalId !== user.id),
          },
        };
      }
      const group = presentGroup(state, resolveGroup(state, a.group!));
      return {
        ...state,
        directory: {
          ...d,
          groups: d.groups.filter((g) => g.id !== group.id).map((g) => (g.members?.includes(group.id) ? { ...g, members: g.members.filter((m) => m !== group.id) } : g)),
          appRoleAssignments: d.appRoleAssignments.filter((x) => x.principalId !== group.id),
        },
      };
    }
    case 'addUser': {
      const user = args as DirectoryUser;
      if (state.knownUsers.has(user.id)) throw new StepError(`a user with id '${user.id}' already exists`);
      const upn = user.userPrincipalName?.toLowerCase();
      if (upn && d.users.some((u) => u.userPrincipalName?.toLowerCase() === upn)) throw new StepError(`a user with userPrincipalName '${user.userPrincipalName}' already exists`);
      const knownUsers = new Map(state.knownUsers).set(user.id, user);
      return { ...state, knownUsers, directory: { ...d, users: [...d.users, user] } };
    }
    default:
      throw new StepError(`'${kind}' is not a source step`);
  }
}

export const SOURCE_STEPS: ReadonlySet<string> = new Set([
  'addToGroup', 'removeFromGroup', 'assign', 'unassign', 'setAttributes', 'disable', 'enable', 'softDelete', 'restore', 'hardDelete', 'addUser',
]);

export function isSourceStep(step: object): step is SourceStep {
  return SOURCE_STEPS.has(Object.keys(step)[0] ?? '');
}

function label(user: DirectoryUser): string {
  return `user '${user.userPrincipalName ?? user.id}'`;
}

/** A user that was hard-deleted can be named by expectations, not changed by steps. */
function present(state: ScenarioDirectory, user: DirectoryUser): DirectoryUser {
  const current = state.directory.users.find((u) => u.id === user.id);
  if (!current) throw new StepError(`${label(user)} was hard-deleted from the directory`);
  return current;
}

function presentGroup(state: ScenarioDirectory, group: DirectoryGroup): DirectoryGroup {
  const current = state.directory.groups.find((g) => g.id === group.id);
  if (!current) throw new StepError(`group '${group.displayName}' was hard-deleted from the directory`);
  return current;
}

function principalOf(state: ScenarioDirectory, p: Principal): { id: string; type: 'User' | 'Group'; label: string } {
  if (p.user !== undefined) {
    const user = present(state, resolveUser(state, p.user));
    return { id: user.id, type: 'User', label: label(user) };
  }
  const group = presentGroup(state, resolveGroup(state, p.group!));
  return { id: group.id, type: 'Group', label: `group '${group.displayName}'` };
}

function roleId(d: Directory, ref: string): string {
  const role = d.appRoles.find((r) => r.id === ref || (r.value ?? undefined) === ref);
  if (!role) throw new StepError(`no app role '${ref}' (roles: ${d.appRoles.map((r) => r.value ?? r.id).join(', ') || 'none'})`);
  return role.id;
}

function withUser(state: ScenarioDirectory, user: DirectoryUser): ScenarioDirectory {
  const knownUsers = new Map(state.knownUsers).set(user.id, user);
  return { ...state, knownUsers, directory: { ...state.directory, users: state.directory.users.map((u) => (u.id === user.id ? user : u)) } };
}

function withGroup(state: ScenarioDirectory, group: DirectoryGroup): ScenarioDirectory {
  const knownGroups = new Map(state.knownGroups).set(group.id, group);
  return { ...state, knownGroups, directory: { ...state.directory, groups: state.directory.groups.map((g) => (g.id === group.id ? group : g)) } };
}
