/**
 * @module engine/source
 * The source directory: loading (JSON or CSV), who is assigned, the attribute bag mappings read,
 * and per-object digests to find what changed between cycles.
 */
export type { AppRole, AppRoleAssignment, Directory, DirectoryGroup, DirectoryUser } from './types.js';
export { loadDirectoryFile, parseDirectoryJson } from './load.js';
export type { LoadDirectoryOptions } from './load.js';
export { csvGroupId, parseDirectoryCsv } from './csv.js';
export type { CsvDirectoryOptions } from './csv.js';
export { DirectoryReadError } from './read-error.js';
export { DEFAULT_ACCESS_ROLE_ID, directoryProblems } from './validate.js';
export { DEFAULT_ACCESS_ROLE, assignmentIndex } from './assignment.js';
export type { AssignmentIndex } from './assignment.js';
export { groupSourceObject, userSourceObject } from './source-object.js';
export type { GroupSourceContext, UserSourceContext } from './source-object.js';
export { guestOriginalAddress } from './guest.js';
export { canonicalJson } from './canonical-json.js';
export { digestDirectory, digestOf, groupDigest, userDigest } from './digest.js';
export type { DirectoryDigests } from './digest.js';
export { detectChanges } from './changes.js';
export type { DirectoryChanges } from './changes.js';
