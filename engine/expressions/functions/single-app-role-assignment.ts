/**
 * @module engine/expressions/functions/single-app-role-assignment
 * SingleAppRoleAssignment([appRoleAssignments]): one role value (ENTRA-SPEC §3.3). With several
 * roles Entra's pick is undefined; the emulator takes the first, so runs are repeatable.
 */
import { assignedRoles } from './app-roles.js';
import type { FunctionDefinition } from '../function.types.js';

export const singleAppRoleAssignment: FunctionDefinition = {
  name: 'SingleAppRoleAssignment',
  params: [{ name: 'source', type: 'any' }],
  impl: ([assignments]) => assignedRoles(assignments)[0]?.value ?? null,
};
