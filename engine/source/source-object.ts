/**
 * @module engine/source/source-object
 * The attribute bag mappings (engine/expressions) and scoping filters read for one source object.
 * Users: every attribute of the file, `accountEnabled` defaulting to true (types.ts), plus Entra's
 * computed ones: `objectId`, `IsSoftDeleted` (ENTRA-SPEC §2.9, decided by the engine from scope and
 * passed in), `appRoleAssignments` (§3.3, each element the granted role `{ id, appRoleId, value,
 * displayName }` as engine/expressions/functions/app-roles.ts reads it) and `originalUserPrincipalName`
 * (the raw UPN). A B2B guest's `#EXT#` UPN is given back as `alias@theirdomain` (§2.4). `manager`
 * stays the manager's source id: the engine resolves it to the target id (§2.8).
 */
import { guestOriginalAddress } from './guest.js';
import type { AssignmentIndex } from './assignment.js';
import type { DirectoryGroup, DirectoryUser } from './types.js';
import type { SourceObject } from '../expressions/index.js';

export interface UserSourceContext {
  /** unassigned, filtered out, soft-deleted or disabled: the engine decides (§2.9) */
  readonly isSoftDeleted: boolean;
  readonly index: AssignmentIndex;
}

export interface GroupSourceContext {
  readonly isSoftDeleted?: boolean;
}

export function userSourceObject(user: DirectoryUser, ctx: UserSourceContext): SourceObject {
  const object: Record<string, unknown> = {
    accountEnabled: true,
    ...user,
    objectId: user.id,
    IsSoftDeleted: ctx.isSoftDeleted,
    appRoleAssignments: ctx.index.rolesOf(user.id).map((role) => ({
      id: role.id,
      appRoleId: role.id,
      value: role.value ?? null,
      displayName: role.displayName ?? null,
    })),
  };
  const upn = user.userPrincipalName;
  if (typeof upn === 'string') {
    object.originalUserPrincipalName = upn;
    object.userPrincipalName = guestOriginalAddress(upn) ?? upn;
  }
  return object;
}

export function groupSourceObject(group: DirectoryGroup, ctx: GroupSourceContext = {}): SourceObject {
  return {
    ...group,
    objectId: group.id,
    members: [...(group.members ?? [])],
    IsSoftDeleted: ctx.isSoftDeleted ?? Boolean(group.deletedDateTime),
  };
}
