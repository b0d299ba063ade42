/**
 * @module engine/expressions/functions/app-role-assignments-complex
 * AppRoleAssignmentsComplex([appRoleAssignments]): every assigned role as a SCIM `roles` element,
 * `primary: false` (ENTRA-SPEC §3.3). No assignment gives `[]`, sent as `"roles": []` (§6.4).
 */
import { complexRoles } from './app-roles.js';
import type { FunctionDefinition } from '../function.types.js';

export const appRoleAssignmentsComplex: FunctionDefinition = {
  name: 'AppRoleAssignmentsComplex',
  params: [{ name: 'source', type: 'any' }],
  impl: ([assignments]) => complexRoles(assignments),
};
