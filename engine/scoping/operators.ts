/**
 * @module engine/scoping/operators
 * The scoping-filter operators of ENTRA-SPEC §5.2 as data: arity and the test on a present,
 * non-empty attribute value. The null rule is uniform (§5.2 "a clause over a null or empty attribute
 * evaluates to false") except for IS NULL / IS NOT NULL, which test emptiness itself.
 * https://learn.microsoft.com/entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts
 */
import { compileRegex } from '../expressions/dotnet-regex.js';

export interface ScopingOptions {
  /** default true: REGEX MATCH matches the whole value, `^(?:pattern)$` (§5.2, [I]) */
  readonly regexScopeAnchored?: boolean;
  /** `&` / `!&`: 'substring' (default, the literal doc reading) or 'bitflag' (ENTRA-SPEC §5.2, ambiguous) */
  readonly ampersandMode?: 'substring' | 'bitflag';
}

export interface Operator {
  /** the portal / Graph `operatorName` */
  readonly name: string;
  readonly arity: 'Unary' | 'Binary';
  /** for Greater_Than*: the clause value must be an integer (§5.3) */
  readonly integerOperand?: boolean;
  /** true when an empty attribute satisfies the clause (IS NULL) */
  readonly whenEmpty: boolean;
  /** the test on a non-empty value; binary operators get the clause values */
  readonly test: (value: string | boolean, values: readonly string[], options: ScopingOptions) => boolean;
}

const text = (value: string | boolean): string => (typeof value === 'boolean' ? (value ? 'True' : 'False') : value);
const INTEGER = /^-?\d+$/;

function regexMatches(value: string | boolean, pattern: string, options: ScopingOptions): boolean {
  const anchored = options.regexScopeAnchored ?? true;
  // REGEX MATCH is case-sensitive (§5.2)
  return compileRegex(anchored ? `^(?:${pattern})$` : pattern).test(text(value));
}

function ampersand(value: string | boolean, operand: string, options: ScopingOptions): boolean {
  if (options.ampersandMode === 'bitflag') {
    const v = text(value).trim();
    return INTEGER.test(v) && INTEGER.test(operand.trim()) && (BigInt(v) & BigInt(operand.trim())) !== 0n;
  }
  return operand.includes(text(value));
}

function greater(value: string | boolean, operand: string, orEqual: boolean): boolean {
  const v = text(value).trim();
  if (!INTEGER.test(v)) return false;
  const diff = BigInt(v) - BigInt(operand.trim());
  return orEqual ? diff >= 0n : diff > 0n;
}

const truthy = (value: string | boolean, expected: boolean): boolean =>
  typeof value === 'boolean' ? value === expected : value.trim().toLowerCase() === String(expected);

export const OPERATORS: readonly Operator[] = [
  { name: 'EQUALS', arity: 'Binary', whenEmpty: false, test: (v, vs) => vs.some((x) => x === text(v)) },
  { name: 'NOT EQUALS', arity: 'Binary', whenEmpty: false, test: (v, vs) => !vs.some((x) => x === text(v)) },
  { name: 'IS TRUE', arity: 'Unary', whenEmpty: false, test: (v) => truthy(v, true) },
  { name: 'IS FALSE', arity: 'Unary', whenEmpty: false, test: (v) => truthy(v, false) },
  { name: 'IS NULL', arity: 'Unary', whenEmpty: true, test: () => false },
  { name: 'IS NOT NULL', arity: 'Unary', whenEmpty: false, test: () => true },
  { name: 'REGEX MATCH', arity: 'Binary', whenEmpty: false, test: (v, vs, o) => vs.some((x) => regexMatches(v, x, o)) },
  // NOT REGEX MATCH over an empty attribute is false: documented explicitly (§5.2)
  { name: 'NOT REGEX MATCH', arity: 'Binary', whenEmpty: false, test: (v, vs, o) => !vs.some((x) => regexMatches(v, x, o)) },
  { name: 'Greater_Than', arity: 'Binary', integerOperand: true, whenEmpty: false, test: (v, vs) => vs.some((x) => greater(v, x, false)) },
  { name: 'Greater_Than_OR_EQUALS', arity: 'Binary', integerOperand: true, whenEmpty: false, test: (v, vs) => vs.some((x) => greater(v, x, true)) },
  { name: 'Includes', arity: 'Binary', whenEmpty: false, test: (v, vs) => vs.some((x) => text(v).includes(x)) },
  { name: 'ENDS_WITH', arity: 'Binary', whenEmpty: false, test: (v, vs) => vs.some((x) => text(v).endsWith(x)) },
  { name: '&', arity: 'Binary', whenEmpty: false, test: (v, vs, o) => vs.some((x) => ampersand(v, x, o)) },
  { name: '!&', arity: 'Binary', whenEmpty: false, test: (v, vs, o) => !vs.some((x) => ampersand(v, x, o)) },
];

/** Raw operator names are unconfirmed (§5.2, §10): match ignoring case and space/underscore. */
const fold = (name: string): string => name.trim().toUpperCase().replace(/[\s_]+/g, '_');
const BY_NAME: ReadonlyMap<string, Operator> = new Map(OPERATORS.map((op) => [fold(op.name), op]));

export function operatorNamed(name: string): Operator | undefined {
  return BY_NAME.get(fold(name));
}
