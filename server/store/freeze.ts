/**
 * @module server/store/freeze
 * Copies a JSON value into the store as a deeply frozen tree. Stored records are immutable values:
 * reads hand them out without copying, and a snapshot can serialise a captured list of records
 * across several event-loop turns while writes go on (a write replaces a record, never edits it).
 */
import { FORBIDDEN_KEYS } from '../../scim/types.js';
import { ScimError } from '../../scim/errors.js';

/**
 * Deep copy of plain JSON data, frozen. `undefined` members are dropped (as JSON would);
 * functions, symbols, bigints and class instances are refused.
 */
export function freezeCopy<T>(value: T, where = 'resource'): T {
  return copy(value, where) as T;
}

function copy(value: unknown, where: string): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw ScimError.invalidValue(`${where}: numbers must be finite`);
      return value;
    case 'object':
      break;
    default:
      throw ScimError.invalidValue(`${where}: a ${typeof value} is not a JSON value`);
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], `${where}[${i}]`);
    return Object.freeze(out);
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw ScimError.invalidValue(`${where}: only plain JSON objects can be stored`);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // Prototype pollution: these names are never assigned as keys (shared rule).
    if (FORBIDDEN_KEYS.has(key)) throw ScimError.invalidValue(`${where}: '${key}' is not an allowed attribute name`);
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    out[key] = copy(member, `${where}.${key}`);
  }
  return Object.freeze(out);
}
