/**
 * @module engine/expressions/evaluate
 * Evaluates an expression against a source object (ENTRA-SPEC §4.3): eager, side-effect free except
 * Guid, RandomString, Now and SelectUniqueValue, whose clock, randomness and target lookup are
 * injected through the options. One `switch (node.type)` with an exhaustive `never` check.
 */
import { compare } from './coerce.js';
import { renderDate } from './dates.js';
import { ExpressionError } from './errors.js';
import { defaultRegistry } from './functions/index.js';
import { resolveOptions } from './options.js';
import { parse } from './parser.js';
import { bindArguments, checkType } from './registry.js';
import { DateTimeValue, IGNORE_FLOW, fromJson } from './value.js';
import type { CallNode, ExpressionNode } from './ast.types.js';
import type { CallContext, FunctionRegistry } from './function.types.js';
import type { EvaluateOptions, ResolvedOptions } from './options.js';
import type { Value } from './value.js';

/** A value as it leaves the evaluator: DateTime rendered, IgnoreFlow turned into `flow: false`. */
export type OutputValue = null | string | number | bigint | boolean | { readonly [key: string]: unknown } | readonly OutputValue[];

export interface EvaluationResult {
  readonly value: OutputValue;
  /** false when IgnoreFlowIfNullOrEmpty dropped the attribute from this export */
  readonly flow: boolean;
  /** true when the expression uses Redact: logs must show `[Redact]` instead of the value */
  readonly redacted: boolean;
}

export type SourceObject = { readonly [attribute: string]: unknown };

/** Enum-like bare identifiers (§4.1). */
const IDENTIFIERS: ReadonlyMap<string, Value> = new Map<string, Value>([
  ['vbBinaryCompare', 'vbBinaryCompare'],
  ['vbTextCompare', 'vbTextCompare'],
  ['IgnoreAttributeFlow', IGNORE_FLOW],
]);

interface Scope {
  readonly source: SourceObject;
  readonly options: ResolvedOptions;
  readonly registry: FunctionRegistry;
}

export function evaluate(expression: string | ExpressionNode, source: SourceObject, options: EvaluateOptions = {}): EvaluationResult {
  const node = typeof expression === 'string' ? parse(expression, options.parse) : expression;
  const value = run(node, scopeFor(source, options), 0);
  if (isThenable(value)) {
    value.then(undefined, () => undefined);
    throw new ExpressionError(
      { code: 'unsupported', start: node.start, function: node.type === 'call' ? node.name : undefined },
      'the uniqueness callback answered asynchronously: use evaluateAsync',
    );
  }
  return result(node, value);
}

/** Like evaluate, awaiting an asynchronous SelectUniqueValue uniqueness callback. */
export async function evaluateAsync(
  expression: string | ExpressionNode,
  source: SourceObject,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  const node = typeof expression === 'string' ? parse(expression, options.parse) : expression;
  return result(node, await run(node, scopeFor(source, options), 0));
}

function scopeFor(source: SourceObject, options: EvaluateOptions): Scope {
  return { source, options: resolveOptions(options), registry: options.functions ?? defaultRegistry };
}

function result(node: ExpressionNode, value: Value): EvaluationResult {
  return { value: value === IGNORE_FLOW ? null : output(value), flow: value !== IGNORE_FLOW, redacted: usesRedact(node) };
}

function run(node: ExpressionNode, scope: Scope, depth: number): Value | Promise<Value> {
  switch (node.type) {
    case 'string':
      return node.value;
    case 'number':
      return node.value;
    case 'attribute':
      return attribute(scope.source, node.name);
    case 'identifier': {
      if (node.name === 'IgnoreObjectFlow') {
        throw new ExpressionError({ code: 'unsupported', start: node.start }, 'IgnoreObjectFlow applies only to inbound HR object filters');
      }
      const value = IDENTIFIERS.get(node.name);
      if (value === undefined) {
        throw new ExpressionError({ code: 'unknown-identifier', start: node.start }, `unknown identifier ${node.name}`);
      }
      return value;
    }
    case 'comparison': {
      const left = runSync(node.left, scope, depth + 1);
      const right = runSync(node.right, scope, depth + 1);
      if (left === IGNORE_FLOW || right === IGNORE_FLOW) return IGNORE_FLOW;
      return compare(left, node.operator, right);
    }
    case 'call':
      return call(node, scope, depth);
    default: {
      const never: never = node;
      throw new TypeError(`unknown node ${JSON.stringify(never)}`);
    }
  }
}

function runSync(node: ExpressionNode, scope: Scope, depth: number): Value {
  const value = run(node, scope, depth);
  // only a top-level call (SelectUniqueValue) may answer asynchronously
  if (isThenable(value)) throw new TypeError('asynchronous value below the top level');
  return value;
}

function call(node: CallNode, scope: Scope, depth: number): Value | Promise<Value> {
  const definition = scope.registry.lookup(node.name, scope.options.functionNameCase);
  if (!definition) {
    const hint = scope.registry.lookup(node.name, 'insensitive');
    throw new ExpressionError(
      { code: 'unknown-function', start: node.start, function: node.name },
      `unknown function ${node.name}${hint ? ` (function names are case-sensitive: did you mean ${hint.name}?)` : ''}`,
    );
  }
  if (definition.topLevelOnly && depth > 0) {
    throw new ExpressionError(
      { code: 'unsupported', start: node.start, function: definition.name },
      `${definition.name} must be the outermost function of the expression`,
    );
  }
  const { args, params } = bindArguments(definition, node.args, node.start);
  const values = args.map((arg) => (arg === null ? null : runSync(arg, scope, depth + 1)));
  if (values.includes(IGNORE_FLOW)) return IGNORE_FLOW;
  values.forEach((value, i) => checkType(definition, params[i], value, i, node.start));
  const context: CallContext = {
    name: definition.name,
    start: node.start,
    argNodes: args,
    options: scope.options,
    attribute: (name) => attribute(scope.source, name),
    fail: (code, message) => new ExpressionError({ code, start: node.start, function: definition.name }, `${definition.name}: ${message}`),
  };
  try {
    return definition.impl(values, context);
  } catch (error) {
    if (error instanceof ExpressionError) throw error;
    // a function body that trips over an input is an evaluation error, not a crash
    throw context.fail('invalid-argument', error instanceof Error ? error.message : String(error));
  }
}

function attribute(source: SourceObject, name: string): Value {
  return Object.hasOwn(source, name) ? fromJson(source[name]) : null;
}

function output(value: Value): OutputValue {
  if (value === IGNORE_FLOW) return null;
  if (value instanceof DateTimeValue) return renderDate(value);
  if (Array.isArray(value)) return value.map(output);
  return value as OutputValue;
}

function usesRedact(node: ExpressionNode): boolean {
  switch (node.type) {
    case 'call':
      return node.name.toLowerCase() === 'redact' || node.args.some((arg) => arg !== null && usesRedact(arg));
    case 'comparison':
      return usesRedact(node.left) || usesRedact(node.right);
    default:
      return false;
  }
}

function isThenable(value: unknown): value is Promise<Value> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
