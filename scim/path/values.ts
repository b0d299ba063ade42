/**
 * @module scim/path/values
 * Reads the values at an attribute path of a resource: extension attributes live under their
 * schema URN (RFC 7643 §3.3), attribute names match case-insensitively (RFC 7643 §2.1), and a
 * sub-attribute of a multi-valued attribute yields one value per element (RFC 7644 §3.10).
 * Used by filter evaluation, sorting and projection.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-2.1
 */
import type { ResolvedAttribute } from '../types.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own key of `object` that equals `name` case-insensitively (an exact match wins). */
export function findKey(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return key;
  return undefined;
}

/** `object[name]`, case-insensitively; undefined when absent. */
export function getKey(object: JsonObject, name: string): unknown {
  const key = findKey(object, name);
  return key === undefined ? undefined : object[key];
}

/** The object holding the attribute: the resource itself, or its extension object. */
export function attributeHolder(resource: JsonObject, resolved: ResolvedAttribute): JsonObject | undefined {
  if (!resolved.extension) return resource;
  const holder = getKey(resource, resolved.schema);
  return isObject(holder) ? holder : undefined;
}

/** The raw value of the resolved attribute (not the sub-attribute): a scalar, object, array or undefined. */
export function readAttribute(resource: JsonObject, resolved: ResolvedAttribute): unknown {
  const holder = attributeHolder(resource, resolved);
  return holder === undefined ? undefined : getKey(holder, resolved.attribute.name);
}

/**
 * Every value at the resolved path, flattened: `emails` gives each email object, `emails.value`
 * each address, `name.givenName` one string. Absent and null values are left out.
 */
export function collectValues(resource: JsonObject, resolved: ResolvedAttribute): unknown[] {
  const raw = readAttribute(resource, resolved);
  const elements = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  if (resolved.subAttribute === undefined) return elements.filter((v) => v !== undefined && v !== null);
  const name = resolved.subAttribute.name;
  const out: unknown[] = [];
  for (const element of elements) {
    if (!isObject(element)) continue;
    const v = getKey(element, name);
    if (Array.isArray(v)) out.push(...v.filter((x) => x !== undefined && x !== null));
    else if (v !== undefined && v !== null) out.push(v);
  }
  return out;
}

/**
 * RFC 7644 §3.4.2.2 `pr`: "If the attribute has a non-empty value, or if it contains a non-empty
 * node for complex attributes, there is a match". null, "", [] and {} are empty.
 */
export function isPresentValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(isPresentValue);
  if (isObject(value)) return Object.values(value).some(isPresentValue);
  return true;
}
