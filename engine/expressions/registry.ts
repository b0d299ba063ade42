/**
 * @module engine/expressions/registry
 * The function table and the checks every call goes through before dispatch (STYLE.md §7): arity
 * against the signature, then the type of each supplied value, so function bodies stay tiny.
 */
import { ExpressionError } from './errors.js';
import { isComplex, isScalar, DateTimeValue } from './value.js';
import { toInteger } from './coerce.js';
import type { ExpressionNode } from './ast.types.js';
import type { FunctionDefinition, FunctionRegistry, ParamSpec, ParamType } from './function.types.js';
import type { Value } from './value.js';

export function createRegistry(definitions: readonly FunctionDefinition[]): FunctionRegistry {
  const exact = new Map<string, FunctionDefinition>();
  const folded = new Map<string, FunctionDefinition>();
  for (const definition of definitions) {
    if (exact.has(definition.name)) throw new TypeError(`function ${definition.name} registered twice`);
    exact.set(definition.name, definition);
    folded.set(definition.name.toLowerCase(), definition);
  }
  return {
    lookup: (name, nameCase) => (nameCase === 'sensitive' ? exact.get(name) : folded.get(name.toLowerCase())),
    names: () => [...exact.keys()],
  };
}

interface Shape {
  readonly fixed: readonly ParamSpec[];
  readonly group: readonly ParamSpec[];
}

function shape(definition: FunctionDefinition): Shape {
  const first = definition.params.findIndex((p) => p.variadic);
  return first < 0
    ? { fixed: definition.params, group: [] }
    : { fixed: definition.params.slice(0, first), group: definition.params.slice(first) };
}

/** "Switch(source, defaultValue?, key, value, …)": the signature as the docs write it. */
export function signature(definition: FunctionDefinition): string {
  const params = definition.params.map((p) => `${p.name}${p.optional ? '?' : ''}${p.variadic ? ', …' : ''}`);
  return `${definition.name}(${params.join(', ')})`;
}

/**
 * Checks the number of arguments and that no required one is an omitted slot; returns the
 * parameter each argument binds to. Trailing omitted slots beyond the signature are dropped (§4.1).
 */
export function bindArguments(
  definition: FunctionDefinition,
  written: readonly (ExpressionNode | null)[],
  start: number,
): { args: readonly (ExpressionNode | null)[]; params: readonly ParamSpec[] } {
  let args = definition.adapt ? definition.adapt(written) : written;
  const { fixed, group } = shape(definition);
  if (group.length === 0) {
    while (args.length > fixed.length && args[args.length - 1] === null) args = args.slice(0, -1);
  }
  const required = fixed.reduce((n, p, i) => (p.optional ? n : i + 1), 0);
  const minGroups = group.length > 0 && !group[0].optional ? 1 : 0;
  const arityError = (): ExpressionError =>
    new ExpressionError(
      { code: 'invalid-arity', function: definition.name, start },
      `${definition.name} takes ${signature(definition)}, got ${args.length} argument(s)`,
    );
  if (group.length === 0) {
    if (args.length < required || args.length > fixed.length) throw arityError();
  } else {
    const extra = args.length - fixed.length;
    if (extra < minGroups * group.length || extra % group.length !== 0) throw arityError();
  }
  // unwritten trailing optional parameters reach the function as null, like omitted slots
  if (group.length === 0 && args.length < fixed.length) args = [...args, ...new Array<null>(fixed.length - args.length).fill(null)];
  const params = args.map((_, i) => (i < fixed.length ? fixed[i] : group[(i - fixed.length) % group.length]));
  args.forEach((arg, i) => {
    if (arg === null && !params[i].optional) {
      throw new ExpressionError(
        { code: 'invalid-arity', function: definition.name, start },
        `${definition.name}: argument ${i + 1} ('${params[i].name}') is required`,
      );
    }
  });
  return { args, params };
}

export function checkType(definition: FunctionDefinition, param: ParamSpec, value: Value, index: number, start: number): void {
  if (value === null || accepts(param.type, value)) return;
  throw new ExpressionError(
    { code: 'invalid-type', function: definition.name, start },
    `${definition.name}: argument ${index + 1} ('${param.name}') must be ${describe(param.type)}, got ${kindOf(value)}`,
  );
}

function accepts(type: ParamType, value: Value): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'multi':
      return isScalar(value) || Array.isArray(value);
    case 'string':
      return isScalar(value);
    case 'integer':
      return toInteger(value) !== undefined;
    case 'datetime':
      return value instanceof DateTimeValue || typeof value === 'string';
    default: {
      const never: never = type;
      throw new TypeError(`unknown parameter type ${String(never)}`);
    }
  }
}

function describe(type: ParamType): string {
  switch (type) {
    case 'integer':
      return 'an integer';
    case 'datetime':
      return 'a date/time';
    case 'multi':
      return 'a value or a list of values';
    default:
      return 'a single value';
  }
}

function kindOf(value: Value): string {
  if (Array.isArray(value)) return 'a multi-valued attribute';
  if (isComplex(value)) return 'a complex value';
  if (value instanceof DateTimeValue) return 'a date/time';
  return `${typeof value} ${JSON.stringify(typeof value === 'bigint' ? String(value) : value)}`;
}
