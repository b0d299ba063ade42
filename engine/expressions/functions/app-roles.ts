/**
 * @module engine/expressions/functions/app-roles
 * Reads `[appRoleAssignments]` (ENTRA-SPEC §3.3): each element is an assignment expanded with the app
 * role it grants, `{ id?, value, displayName? }` (or `appRoleId` for the id), or just the role value as
 * a string. Assignments without a role value (Default Access) are skipped.
 */
import { isComplex } from '../value.js';
import type { Value } from '../value.js';

export interface AssignedRole {
  readonly id: string | null;
  readonly value: string;
  readonly displayName: string | null;
}

export function assignedRoles(assignments: Value): AssignedRole[] {
  const list = assignments === null ? [] : Array.isArray(assignments) ? assignments : [assignments];
  const roles: AssignedRole[] = [];
  for (const item of list as readonly Value[]) {
    if (typeof item === 'string' && item !== '') roles.push({ id: null, value: item, displayName: null });
    else if (isComplex(item) && typeof item.value === 'string' && item.value !== '') {
      const id = typeof item.id === 'string' ? item.id : typeof item.appRoleId === 'string' ? item.appRoleId : null;
      roles.push({ id, value: item.value, displayName: typeof item.displayName === 'string' ? item.displayName : null });
    }
  }
  return roles;
}

/** The SCIM `roles` elements Entra POSTs for the complex role functions: all `primary: false`. */
export function complexRoles(assignments: Value): Value {
  return assignedRoles(assignments).map((role) => ({
    primary: false,
    type: 'WindowsAzureActiveDirectoryRole',
    ...(role.displayName !== null ? { display: role.displayName } : {}),
    value: role.value,
  }));
}
