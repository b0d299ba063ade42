/**
 * @module scim/patch/coerce
 * Checks PATCH values against attribute definitions (RFC 7643 §2.3 data types, §2.4 multi-valued,
 * §2.2 mutability of nested sub-attributes) and returns them with canonical sub-attribute names.
 * With the Entra dialect on, also accepts Entra's spellings (ENTRA-SPEC §6.4–6.5): "True"/"False"
 * for booleans, a plain string for a complex attribute with a `value` (manager), a one-element
 * array for a single-valued complex attribute, and "" to clear a complex attribute.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-2.3
 */
import { parseDateTime } from '../filter/compare.js';
import { findSubAttribute } from '../path/common-attributes.js';
import { isObject } from '../path/values.js';
import type { JsonObject } from '../path/values.js';
import { FORBIDDEN_KEYS } from '../types.js';
import type { AttributeDefinition } from '../types.js';
import { fail } from './context.js';
import type { PatchContext } from './context.js';

/** One value of `def`, or one element of it when def is multi-valued; null means "unassign". */
export function coerceSingle(def: AttributeDefinition, value: unknown, ctx: PatchContext, label: string): unknown {
  if (value === null) return null;
  // RFC 7643 §2.2: a returned:"never" value (password) is not repeated, not even in an error
  const shown = def.returned === 'never' ? `a ${Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value}` : (JSON.stringify(value)?.slice(0, 60) ?? String(value));
  const bad = (expected: string) => fail(ctx, 'invalidValue', `'${label}' is ${expected}, not ${shown}`);
  switch (def.type) {
    case 'string':
    case 'reference':
    case 'binary':
      if (typeof value !== 'string') throw bad(`a ${def.type}`);
      return value;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      // ENTRA-SPEC §6.4: "Boolean-typed attributes may arrive as "True"/"False" strings"
      if (ctx.entra && typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw bad('a boolean');
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw bad('an integer');
      return value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('a decimal');
      return value;
    case 'dateTime':
      if (parseDateTime(value) === undefined) throw bad('an xsd:dateTime (RFC 7643 §2.3.5)');
      return value;
    case 'complex':
      return coerceComplex(def, value, ctx, label);
    default: {
      const never: never = def.type;
      throw new TypeError(`unknown attribute type ${String(never)}`);
    }
  }
}

function coerceComplex(def: AttributeDefinition, value: unknown, ctx: PatchContext, label: string): JsonObject | null {
  let v = value;
  if (ctx.entra && !def.multiValued) {
    // ENTRA-SPEC §6.4: manager as a plain string, as an object, or as a one-element array; "" clears it
    if (v === '') return null;
    if (Array.isArray(v)) {
      if (v.length > 1) throw fail(ctx, 'invalidValue', `'${label}' is single-valued; got ${v.length} values`);
      v = v.length === 0 ? null : v[0];
      if (v === null) return null;
    }
    if (typeof v === 'string' && findSubAttribute(def, 'value')) v = { value: v };
  }
  if (!isObject(v)) throw fail(ctx, 'invalidValue', `'${label}' is complex: its value must be an object of sub-attributes`);
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(v)) {
    if (FORBIDDEN_KEYS.has(key) || FORBIDDEN_KEYS.has(key.toLowerCase())) throw fail(ctx, 'invalidValue', `'${label}' holds the forbidden key '${key}'`);
    const sub = findSubAttribute(def, key);
    if (!sub) throw fail(ctx, 'invalidValue', `'${label}' has no sub-attribute '${key}'`);
    // RFC 7643 §2.5: null is the unassigned state; RFC 7644 §3.5.1: readOnly values sent by a client are ignored
    if (raw === null || raw === undefined || sub.mutability === 'readOnly') continue;
    out[sub.name] = sub.multiValued
      ? (Array.isArray(raw) ? raw : [raw]).map((x) => coerceSingle(sub, x, ctx, `${label}.${sub.name}`))
      : coerceSingle(sub, raw, ctx, `${label}.${sub.name}`);
  }
  return out;
}

/** The elements of a value given for a whole multi-valued attribute: a lone value counts as one element. */
export function coerceMulti(def: AttributeDefinition, value: unknown, ctx: PatchContext, label: string): unknown[] {
  const items = Array.isArray(value) ? value : [value];
  const out: unknown[] = [];
  for (const item of items) {
    const v = coerceSingle(def, item, ctx, label);
    if (v !== null && !(isObject(v) && Object.keys(v).length === 0)) out.push(v);
  }
  return out;
}
