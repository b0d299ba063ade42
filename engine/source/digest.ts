/**
 * @module engine/source/digest
 * One stable fingerprint per source object, compared cycle to cycle to find what changed (the
 * emulator's stand-in for Graph's delta query, ENTRA-SPEC §2.2 incremental cycle): sha256 of the
 * canonical JSON of the object and of the derived facts that change what is sent. A user's digest
 * covers its attributes, whether it is assigned and its roles (in order: SingleAppRoleAssignment
 * takes the first); a group's covers its attributes, whether it is assigned and its member set.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AssignmentIndex } from './assignment.js';
import type { Directory, DirectoryGroup, DirectoryUser } from './types.js';

export interface DirectoryDigests {
  readonly users: Map<string, string>;
  readonly groups: Map<string, string>;
}

/** sha256 (hex) of the canonical JSON of any JSON value. */
export function digestOf(value: unknown): string {
  return hash('sha256', canonicalJson(value), 'hex');
}

export function userDigest(user: DirectoryUser, index: AssignmentIndex): string {
  const roles = index.rolesOf(user.id).map((role) => ({ id: role.id, value: role.value ?? null, displayName: role.displayName ?? null }));
  return digestOf({ user, assigned: index.isUserAssigned(user.id), roles });
}

export function groupDigest(group: DirectoryGroup, index: AssignmentIndex): string {
  // member order carries no meaning; the set does
  const members = [...new Set(group.members ?? [])].sort();
  return digestOf({ group: { ...group, members }, assigned: index.isGroupAssigned(group.id) });
}

export function digestDirectory(directory: Directory, index: AssignmentIndex): DirectoryDigests {
  const users = new Map<string, string>();
  for (const user of directory.users) users.set(user.id, userDigest(user, index));
  const groups = new Map<string, string>();
  for (const group of directory.groups) groups.set(group.id, groupDigest(group, index));
  return { users, groups };
}
