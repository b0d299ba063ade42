/**
 * @module engine/source/types
 * The source directory the engine provisions from, spelled with Microsoft Graph property names
 * (ENTRA-SPEC §1, §2.4). A user missing from the file is hard-deleted; `deletedDateTime` marks a
 * soft delete (recycle bin). Any further attribute is kept and can be mapped.
 */

export interface DirectoryUser {
  readonly id: string;
  readonly userPrincipalName?: string;
  readonly mail?: string | null;
  readonly mailNickname?: string;
  readonly givenName?: string | null;
  readonly surname?: string | null;
  readonly displayName?: string | null;
  /** omitted means true */
  readonly accountEnabled?: boolean;
  readonly department?: string | null;
  readonly jobTitle?: string | null;
  readonly employeeId?: string | null;
  /** the manager's source user id */
  readonly manager?: string | null;
  /** set: soft-deleted (in the recycle bin) */
  readonly deletedDateTime?: string | null;
  readonly [attribute: string]: unknown;
}

export interface DirectoryGroup {
  readonly id: string;
  readonly displayName: string;
  /** user or group ids; nested groups do not count for assignment (§2.4) */
  readonly members?: readonly string[];
  readonly deletedDateTime?: string | null;
  readonly [attribute: string]: unknown;
}

export interface AppRole {
  readonly id: string;
  readonly value?: string | null;
  readonly displayName?: string | null;
  readonly [attribute: string]: unknown;
}

export interface AppRoleAssignment {
  readonly principalId: string;
  readonly principalType: 'User' | 'Group';
  /** omitted: the Default Access role */
  readonly appRoleId?: string;
  readonly [attribute: string]: unknown;
}

export interface Directory {
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly DirectoryGroup[];
  readonly appRoles: readonly AppRole[];
  readonly appRoleAssignments: readonly AppRoleAssignment[];
}
