/**
 * @module scim/filter/compare
 * Typed attribute comparison for filters, RFC 7644 §3.4.2.2 Table 3: strings honour caseExact,
 * dateTimes compare as instants, numbers numerically; ordering operators are refused on boolean
 * and binary attributes.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { ScimError } from '../errors.js';
import type { AttributeDefinition } from '../types.js';
import type { CompareOp, FilterValue } from './types.js';

/** One value of the attribute against the filter's comparison value. */
export type ValueTest = (actual: unknown) => boolean;

const ORDERING: ReadonlySet<CompareOp> = new Set(['gt', 'ge', 'lt', 'le']);
const SUBSTRING: ReadonlySet<CompareOp> = new Set(['co', 'sw', 'ew']);

/** RFC 7643 §2.3.5: xsd:dateTime; a value without a zone is read as UTC. */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/i.exec(value.trim());
  if (!m) return undefined;
  const ms = Date.parse(m[1] + (m[2] ?? 'Z'));
  return Number.isNaN(ms) ? undefined : ms;
}

function ordered(op: CompareOp, sign: number): boolean {
  switch (op) {
    case 'eq': return sign === 0;
    case 'gt': return sign > 0;
    case 'ge': return sign >= 0;
    case 'lt': return sign < 0;
    case 'le': return sign <= 0;
    default: return false;
  }
}

function stringTest(op: CompareOp, expected: string, caseExact: boolean): ValueTest {
  // RFC 7644 §3.4.2.2 (SHALL): string case sensitivity is the attribute's caseExact characteristic
  const fold = caseExact ? (s: string) => s : (s: string) => s.toLowerCase();
  const e = fold(expected);
  return (actual) => {
    if (typeof actual !== 'string') return false;
    const a = fold(actual);
    switch (op) {
      case 'co': return a.includes(e);
      case 'sw': return a.startsWith(e);
      case 'ew': return a.endsWith(e);
      default: return ordered(op, a < e ? -1 : a > e ? 1 : 0);
    }
  };
}

/**
 * Compiles `attribute op value` for one attribute definition; `ne` is compiled as `eq` (the caller
 * negates over all values). Throws invalidFilter for a combination the RFC rules out.
 */
export function compileValueTest(def: AttributeDefinition, op: CompareOp, value: FilterValue, label: string): ValueTest {
  const test = op === 'ne' ? 'eq' : op;
  const refuse = (why: string) => ScimError.invalidFilter(`'${label} ${op} ${JSON.stringify(value)}': ${why}`);
  switch (def.type) {
    case 'boolean':
      // RFC 7644 §3.4.2.2 (SHALL): gt/ge/lt/le on Boolean attributes fail with invalidFilter
      if (test !== 'eq') throw refuse('a boolean attribute supports eq, ne and pr only');
      if (typeof value !== 'boolean') throw refuse('a boolean attribute is compared with true or false');
      return (actual) => actual === value;
    case 'integer':
    case 'decimal':
      if (SUBSTRING.has(test)) throw refuse(`a ${def.type} attribute has no substrings`);
      if (typeof value !== 'number') throw refuse(`a ${def.type} attribute is compared with a number`);
      return (actual) => typeof actual === 'number' && ordered(test, Math.sign(actual - value));
    case 'dateTime': {
      if (typeof value !== 'string') throw refuse('a dateTime attribute is compared with a string');
      if (SUBSTRING.has(test)) return stringTest(test, value, def.caseExact);
      const expected = parseDateTime(value);
      if (expected === undefined) throw refuse('the value is not an xsd:dateTime (RFC 7643 §2.3.5)');
      // RFC 7644 §3.4.2.2 Table 3: for DateTime types, gt/ge/lt/le are a chronological comparison
      return (actual) => {
        const ms = parseDateTime(actual);
        return ms !== undefined && ordered(test, Math.sign(ms - expected));
      };
    }
    case 'binary':
      // RFC 7644 §3.4.2.2 (SHALL): gt/ge/lt/le on Binary attributes fail with invalidFilter
      if (ORDERING.has(test)) throw refuse('a binary attribute cannot be ordered');
      if (typeof value !== 'string') throw refuse('a binary attribute is compared with a string');
      return stringTest(test, value, def.caseExact);
    case 'string':
    case 'reference':
      if (typeof value !== 'string') throw refuse(`a ${def.type} attribute is compared with a string`);
      return stringTest(test, value, def.caseExact);
    case 'complex':
      throw refuse('a complex attribute is compared through a sub-attribute (RFC 7644 §3.4.2.2)');
    default: {
      const never: never = def.type;
      throw new TypeError(`unknown attribute type ${String(never)}`);
    }
  }
}
