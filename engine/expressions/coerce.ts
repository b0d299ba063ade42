/**
 * @module engine/expressions/coerce
 * Conversions between the kinds of ENTRA-SPEC §4.3: string rendering, integers, booleans, and the
 * comparison used by IIF/CBool conditions (`=`, `<>`, `>`, `>=`, `<`, `<=`).
 */
import { parseDate, renderDate } from './dates.js';
import { DateTimeValue, IGNORE_FLOW, isComplex } from './value.js';
import type { ComparisonOperator } from './ast.types.js';
import type { Value } from './value.js';

/** The string a value shows in a string context; null stays null. */
export function toText(value: Value): string | null {
  if (value === null || value === IGNORE_FLOW) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof DateTimeValue) return renderDate(value);
  if (Array.isArray(value)) return value.map((v) => toText(v) ?? '').join(',');
  return JSON.stringify(value);
}

/** Null and `""` are both "empty" for IsNullOrEmpty, IsPresent, IgnoreFlowIfNullOrEmpty (§4.3). */
export function isNullOrEmpty(value: Value): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

const INTEGER = /^\s*-?\d+\s*$/;

/** Integers may be typed bare or quoted (`Mid([x], "1", "1")`, §4.1). */
export function toInteger(value: Value): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && INTEGER.test(value)) return Number(value.trim());
  return undefined;
}

export function toBigInt(value: Value): bigint | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && INTEGER.test(value)) return BigInt(value.trim());
  return undefined;
}

/** Booleans, the strings "True"/"False" in any case, numbers (non-zero is true); undefined otherwise. */
export function toBoolean(value: Value): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (/^-?\d+(\.\d+)?$/.test(lower)) return Number(lower) !== 0;
  }
  return undefined;
}

export function toDate(value: Value): DateTimeValue | undefined {
  if (value instanceof DateTimeValue) return value;
  if (typeof value === 'string') return parseDate(value);
  return undefined;
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

function asNumber(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return undefined;
}

/**
 * Numeric-looking operands compare numerically (`DateDiff(…) > 5`), dates by instant, everything
 * else as case-sensitive ordinal strings; null compares as `""` [I].
 */
export function compare(left: Value, operator: ComparisonOperator, right: Value): boolean {
  const order = ordering(left, right);
  switch (operator) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    default: {
      const never: never = operator;
      throw new TypeError(`unknown operator ${String(never)}`);
    }
  }
}

function ordering(left: Value, right: Value): number {
  const ln = asNumber(left);
  const rn = asNumber(right);
  if (ln !== undefined && rn !== undefined) return Math.sign(ln - rn);
  if (left instanceof DateTimeValue || right instanceof DateTimeValue) {
    const ld = toDate(left);
    const rd = toDate(right);
    if (ld && rd) return Math.sign(ld.ms - rd.ms);
  }
  const ls = isComplex(left) ? JSON.stringify(left) : (toText(left) ?? '');
  const rs = isComplex(right) ? JSON.stringify(right) : (toText(right) ?? '');
  return ls < rs ? -1 : ls > rs ? 1 : 0;
}
