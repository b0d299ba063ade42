/**
 * @module engine/mapping/index
 * Attribute mappings in Microsoft Graph's synchronization schema shape (ENTRA-SPEC §3).
 */
export type * from './types.js';
export { ConfigValidationError } from './validation-error.js';
export { importSchema, exportSchema, schemaProblems, objectMappings } from './import-schema.js';
export type { ResolvedObjectMapping } from './import-schema.js';
export { mapObject, mapObjectAsync } from './apply.js';
export type { MapObjectOptions, MappedObject, MappingMode, MappingProblem } from './apply.js';
export { sourceExpression, toMappingSource } from './source-expression.js';
export { parseTargetPath } from './target-path.js';
export { flatValues, readTargetPath } from './flat-values.js';
export type { TargetPath } from './target-path.js';
export { matchingMappings } from './matching.js';
export { lintObjectMapping, lintSchema } from './lint.js';
export type { LintCode, LintFinding, LintOptions } from './lint.js';
export { ADSCIM_GROUP, resourceTypeOf } from './build-resource.js';
export { defaultMappingPath, loadDefaultSchema } from './default-mapping.js';
