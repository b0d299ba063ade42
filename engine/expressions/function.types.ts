/**
 * @module engine/expressions/function.types
 * The shape of one Entra function (ENTRA-SPEC §4.4): a name, a parameter signature the registry
 * checks before dispatch (STYLE.md §7), and a small implementation over already-checked values.
 */
import type { ExpressionNode } from './ast.types.js';
import type { ExpressionError, ExpressionErrorCode } from './errors.js';
import type { ResolvedOptions } from './options.js';
import type { Value } from './value.js';

/**
 * - `string`: any single value (string, number, boolean, DateTime), rendered as text by the function
 * - `integer`: a whole number, bare or quoted (`Mid([x], "1", "1")`)
 * - `datetime`: a DateTime or a string the function will parse
 * - `multi`: a multi-valued attribute or a single value
 * - `any`: anything, including complex values
 * Null (absent attribute, omitted slot) passes every type: each function decides what null means.
 */
export type ParamType = 'string' | 'integer' | 'datetime' | 'multi' | 'any';

export interface ParamSpec {
  /** the Graph `attributeMappingSource.parameters[].key` (§3.6) */
  readonly name: string;
  readonly type: ParamType;
  readonly optional?: boolean;
  /** trailing variadic parameters repeat together as a group (Switch's key/value pairs) */
  readonly variadic?: boolean;
}

export interface CallContext {
  /** the registered name of the function */
  readonly name: string;
  readonly start: number;
  /** the argument nodes as written; `null` for an omitted slot */
  readonly argNodes: readonly (ExpressionNode | null)[];
  readonly options: ResolvedOptions;
  /** reads a source attribute (absent → null) */
  readonly attribute: (name: string) => Value;
  /** builds an error that names this function and points at the call */
  readonly fail: (code: ExpressionErrorCode, message: string) => ExpressionError;
}

export interface FunctionDefinition {
  readonly name: string;
  readonly params: readonly ParamSpec[];
  /** only at the top of an expression (SelectUniqueValue, §4.4) */
  readonly topLevelOnly?: boolean;
  /** rewrites the argument list before the arity check (FormatDateTime's older 3-argument form) */
  readonly adapt?: (args: readonly (ExpressionNode | null)[]) => readonly (ExpressionNode | null)[];
  readonly impl: (args: readonly Value[], call: CallContext) => Value | Promise<Value>;
}

export interface FunctionRegistry {
  lookup(name: string, nameCase: 'sensitive' | 'insensitive'): FunctionDefinition | undefined;
  names(): readonly string[];
}
