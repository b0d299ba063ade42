/**
 * @module scim/sort
 * Sorting, RFC 7644 §3.4.2.3: one comparator per (sortBy, sortOrder, resolver).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.3
 */
import { ScimError } from './errors.js';
import { parseDateTime } from './filter/compare.js';
import { parseAttrRef } from './path/attr-ref.js';
import type { AttrRefOptions } from './path/attr-ref.js';
import { findSubAttribute, resolveAttribute } from './path/common-attributes.js';
import { getKey, isObject, readAttribute } from './path/values.js';
import type { AttributeDefinition, AttributeResolver, ResolvedAttribute } from './types.js';

export type SortOrder = 'ascending' | 'descending';

type SortKey = string | number | boolean;

/**
 * The value a resource is ordered by. RFC 7644 §3.4.2.3: "if it's a multi-valued attribute,
 * resources are sorted by the value of the primary attribute, if any, or else the first value in
 * the list, if any".
 */
function sortValue(resource: object, resolved: ResolvedAttribute): unknown {
  const raw = readAttribute(resource as Record<string, unknown>, resolved);
  let element = raw;
  if (Array.isArray(raw)) {
    element = raw.find((e) => isObject(e) && getKey(e, 'primary') === true) ?? raw[0];
  }
  if (resolved.subAttribute) return isObject(element) ? getKey(element, resolved.subAttribute.name) : undefined;
  if (resolved.attribute.type === 'complex') return isObject(element) ? getKey(element, 'value') : undefined;
  return element;
}

function toKey(value: unknown, def: AttributeDefinition): SortKey | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (def.type) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'dateTime':
      return parseDateTime(value) ?? (typeof value === 'string' ? value : undefined);
    default:
      if (typeof value !== 'string') return undefined;
      // RFC 7644 §3.4.2.3 (MUST): case-insensitive attributes sort case-insensitively, caseExact ones case-sensitively
      return def.caseExact ? value : value.toLowerCase();
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a !== typeof b) return typeof a < typeof b ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface CompiledSort {
  readonly key: (resource: object) => SortKey | undefined;
  readonly sign: 1 | -1;
}

function compileSort(sortBy: string, sortOrder: SortOrder | undefined, resolver: AttributeResolver, options: AttrRefOptions): CompiledSort {
  if (sortOrder !== undefined && sortOrder !== 'ascending' && sortOrder !== 'descending') {
    throw ScimError.invalidValue(`sortOrder must be "ascending" or "descending", not ${JSON.stringify(sortOrder)}`);
  }
  const ref = parseAttrRef(sortBy, (detail) => ScimError.invalidValue(`sortBy: ${detail}`), options);
  const resolved = resolveAttribute(resolver, ref);
  if (!resolved) throw ScimError.invalidValue(`sortBy: unknown attribute '${sortBy}'`);
  const def = resolved.subAttribute ?? (resolved.attribute.type === 'complex' ? findSubAttribute(resolved.attribute, 'value') : resolved.attribute);
  if (!def) throw ScimError.invalidValue(`sortBy: '${sortBy}' is complex; name a sub-attribute (RFC 7644 §3.4.2.3), e.g. '${sortBy}.${resolved.attribute.subAttributes?.[0]?.name ?? 'value'}'`);
  // RFC 7643 §2.2 / §4.1.1: a `returned: "never"` value (password) is never disclosed, and an
  // order by it discloses it by comparison (a client plants known values and reads where each
  // user lands). RFC 7644 §3.4.2.3 says the sortBy attribute's value SHALL order the results, so
  // silently ignoring it would answer a different order than asked: refuse, as an unknown one is.
  if (resolved.attribute.returned === 'never' || def.returned === 'never') {
    throw ScimError.invalidValue(`sortBy: '${sortBy}' is never returned (RFC 7643 §2.2) and cannot be sorted by`);
  }
  return { key: (r) => toKey(sortValue(r, resolved), def), sign: sortOrder === 'descending' ? -1 : 1 };
}

function compareSortKeys(ka: SortKey | undefined, kb: SortKey | undefined, sign: 1 | -1): number {
  // RFC 7644 §3.4.2.3: resources without data "are ordered last if ascending and first if descending"
  if (ka === undefined || kb === undefined) return ka === kb ? 0 : (ka === undefined ? 1 : -1) * sign;
  return compareKeys(ka, kb) * sign;
}

/**
 * A comparator for Array.prototype.sort (which is stable, so equal keys keep their order).
 * Unknown, malformed or `returned: "never"` sortBy, or a sortOrder other than
 * ascending/descending → ScimError invalidValue; sortOrder defaults to ascending (RFC 7644 §3.4.2.3).
 */
export function compareForSort(
  sortBy: string,
  sortOrder: SortOrder | undefined,
  resolver: AttributeResolver,
  options: AttrRefOptions = {},
): (a: object, b: object) => number {
  const { key, sign } = compileSort(sortBy, sortOrder, resolver, options);
  return (a, b) => compareSortKeys(key(a), key(b), sign);
}

/** A stably sorted copy of `resources`, computing each sort key once. */
export function sortResources<T extends object>(
  resources: readonly T[],
  sortBy: string,
  sortOrder: SortOrder | undefined,
  resolver: AttributeResolver,
  options: AttrRefOptions = {},
): T[] {
  const { key, sign } = compileSort(sortBy, sortOrder, resolver, options);
  return resources
    .map((resource) => ({ resource, key: key(resource) }))
    .sort((a, b) => compareSortKeys(a.key, b.key, sign))
    .map((d) => d.resource);
}
