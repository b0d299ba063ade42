/**
 * @module engine/scoping/index
 * Scoping filters and scope decisions (ENTRA-SPEC §2.4, §5).
 */
export { matchesFilter, matchesClause } from './evaluate.js';
export type { Filter, FilterClause, FilterGroup, SourceObject } from './types.js';
export { decideScope } from './scope.js';
export type { ScopeDecision, ScopeInput, ScopeSetting } from './scope.js';
export { OPERATORS, operatorNamed } from './operators.js';
export type { Operator, ScopingOptions } from './operators.js';
export { parseScopingFilter, filterProblems, filterJsonSchema } from './validate.js';
