/**
 * @module engine/expressions/index
 * The Entra attribute-mapping expression language (ENTRA-SPEC §4).
 */
export { parse } from './parser.js';
export type { ParseOptions } from './parser.js';
export { tokenize } from './lexer.js';
export { stringify } from './stringify.js';
export { checkExpression, referencedAttributes } from './check.js';
export { evaluate, evaluateAsync } from './evaluate.js';
export type { EvaluationResult, OutputValue, SourceObject } from './evaluate.js';
export { ExpressionError, isExpressionError } from './errors.js';
export type { ExpressionErrorCode, ExpressionErrorDetails } from './errors.js';
export type { EvaluateOptions, IifNullConditionMode, FunctionNameCase } from './options.js';
export { createRegistry, signature } from './registry.js';
export { defaultRegistry, entraFunctions } from './functions/index.js';
export type { FunctionDefinition, FunctionRegistry, ParamSpec, ParamType, CallContext } from './function.types.js';
export type * from './ast.types.js';
