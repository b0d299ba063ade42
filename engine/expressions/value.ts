/**
 * @module engine/expressions/value
 * The value model of ENTRA-SPEC §4.3. Everything is a string by default; booleans render as
 * `"True"`/`"False"`, DateTime renders as `M/d/yyyy h:mm:ss tt` in UTC, multi-valued attributes are
 * arrays, complex values (app role assignments, SCIM role objects) are plain objects, and
 * `IGNORE_FLOW` is the result of IgnoreFlowIfNullOrEmpty that drops the attribute from the export.
 */

/** A point in time, internal to date functions until it reaches a string context (§4.3). */
export class DateTimeValue {
  constructor(readonly ms: number) {}
}

/** IgnoreFlowIfNullOrEmpty over null/"": the target attribute is not sent (§4.4). */
export const IGNORE_FLOW: unique symbol = Symbol('IgnoreFlow');
export type IgnoreFlow = typeof IGNORE_FLOW;

export type Scalar = string | number | bigint | boolean | DateTimeValue;

export interface ComplexValue {
  readonly [key: string]: unknown;
}

export type Value = null | Scalar | ComplexValue | readonly Value[] | IgnoreFlow;

export function isScalar(value: Value): value is Scalar {
  return (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    value instanceof DateTimeValue
  );
}

export function isComplex(value: Value): value is ComplexValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof DateTimeValue);
}

/** Reads a source attribute: absent means null (§4.3); JSON values map to the value model as they are. */
export function fromJson(json: unknown): Value {
  if (json === undefined || json === null) return null;
  if (typeof json === 'string' || typeof json === 'boolean' || typeof json === 'bigint') return json;
  if (typeof json === 'number') return Number.isFinite(json) ? json : null;
  if (Array.isArray(json)) return json.map(fromJson);
  if (typeof json === 'object') return json as ComplexValue;
  return null;
}
