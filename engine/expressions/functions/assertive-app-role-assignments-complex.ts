/**
 * @module engine/expressions/functions/assertive-app-role-assignments-complex
 * AssertiveAppRoleAssignmentsComplex([appRoleAssignments]): the same roles as
 * AppRoleAssignmentsComplex; the difference (PATCH `replace` of the whole list) is the engine's
 * (ENTRA-SPEC §3.3).
 */
import { complexRoles } from './app-roles.js';
import type { FunctionDefinition } from '../function.types.js';

export const assertiveAppRoleAssignmentsComplex: FunctionDefinition = {
  name: 'AssertiveAppRoleAssignmentsComplex',
  params: [{ name: 'source', type: 'any' }],
  impl: ([assignments]) => complexRoles(assignments),
};
