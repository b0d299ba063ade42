/**
 * @module engine/mapping/flat-values
 * The value of each Entra target attribute name (ENTRA-SPEC §3.2, §3.5) read from a SCIM resource,
 * so that the engine compares the object a mapping produces with the target's current object one
 * attribute at a time (§2.7: only changed attributes are sent). The inverse of build-resource's
 * `place`: `emails[type eq "work"].value` reads the work email's address, an extension path reads
 * the extension object, `manager` reads the manager's id whether the target stores a string or
 * `{ value }` (§6.4), and `active` reads a boolean even when a target echoes "True"/"False".
 * Names match case-insensitively (RFC 7643 §2.1); absent and null values are undefined.
 */
import { getKey, isObject } from '../../scim/path/values.js';
import { FORBIDDEN_KEYS, URN } from '../../scim/types.js';
import type { ScimResource } from '../../scim/types.js';
import { parseTargetPath } from './target-path.js';
import type { TargetPath } from './target-path.js';

/** `{ [name]: value }` for every name (a name that is not an Entra target path reads undefined). */
export function flatValues(resource: ScimResource, targetAttributeNames: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of targetAttributeNames) {
    if (FORBIDDEN_KEYS.has(name)) continue;
    const path = parseTargetPath(name);
    out[name] = path === undefined ? undefined : readTargetPath(resource, path);
  }
  return out;
}

/** The value at one parsed target path, or undefined. */
export function readTargetPath(resource: ScimResource, path: TargetPath): unknown {
  const holder = path.schema === undefined ? resource : getKey(resource, path.schema);
  if (!isObject(holder)) return undefined;
  let value = present(getKey(holder, path.attribute));
  if (path.filter) {
    const { attribute, value: wanted } = path.filter;
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    value = list.find((e) => isObject(e) && sameFilterValue(getKey(e, attribute), wanted));
    if (value === undefined || path.subAttribute === undefined) return value;
    return present(getKey(value as Record<string, unknown>, path.subAttribute));
  }
  if (path.subAttribute !== undefined) return subAttributeOf(value, path.subAttribute);
  if (isManager(path)) return isObject(value) ? present(getKey(value, 'value')) : value;
  if (path.schema === undefined && path.attribute.toLowerCase() === 'active') return booleanOf(value);
  return value;
}

function subAttributeOf(value: unknown, sub: string): unknown {
  if (isObject(value)) return present(getKey(value, sub));
  if (!Array.isArray(value)) return undefined;
  // `emails.value` on a multi-valued attribute: one value per element (RFC 7644 §3.10)
  const values = value.filter(isObject).map((e) => present(getKey(e, sub))).filter((v) => v !== undefined);
  return values.length === 0 ? undefined : values;
}

function isManager(path: TargetPath): boolean {
  return path.attribute.toLowerCase() === 'manager' && (path.schema === undefined || path.schema.toLowerCase() === URN.EnterpriseUser.toLowerCase());
}

/** The filter value is text (`"work"`, `"True"`); the element's may be a string or a boolean. */
function sameFilterValue(actual: unknown, wanted: string): boolean {
  if (typeof actual === 'string') return actual.toLowerCase() === wanted.toLowerCase();
  if (typeof actual === 'boolean' || typeof actual === 'number') return String(actual).toLowerCase() === wanted.toLowerCase();
  return false;
}

function booleanOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

function present(value: unknown): unknown {
  return value === null ? undefined : value;
}
