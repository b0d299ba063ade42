/**
 * @module engine/mapping/build-resource
 * Places mapped values into the SCIM body Entra sends (ENTRA-SPEC §3.5): dotted paths become nested
 * objects, filter paths become array elements carrying the filter's key and value, extension paths
 * go under the extension URN, and a user POST lists the core and enterprise schemas (custom
 * extension URNs are not added). Target attribute types turn `"True"` into `true` for Boolean
 * attributes (`"active": true`, §3.5) and numeric text into numbers for Integer ones.
 */
import { URN } from '../../scim/types.js';
import type { ResourceTypeName, ScimResource } from '../../scim/types.js';
import { isObject } from '../../scim/path/values.js';
import type { TargetPath } from './target-path.js';
import type { AttributeType } from './types.js';

/** Group POSTs carry Microsoft's ADSCIM group schema besides the core one (§3.5). */
export const ADSCIM_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

export function resourceTypeOf(targetObjectName: string): ResourceTypeName | undefined {
  if (targetObjectName === 'User' || targetObjectName === URN.User || targetObjectName === URN.EnterpriseUser) return 'User';
  if (targetObjectName === 'Group' || targetObjectName === URN.Group) return 'Group';
  return undefined;
}

export function emptyResource(targetObjectName: string): ScimResource {
  const type = resourceTypeOf(targetObjectName);
  if (type === 'User') return { schemas: [URN.User, URN.EnterpriseUser], meta: { resourceType: 'User' } };
  if (type === 'Group') return { schemas: [URN.Group, ADSCIM_GROUP], meta: { resourceType: 'Group' } };
  return { schemas: [targetObjectName] };
}

/** Converts an evaluated value to the target attribute's type; booleans travel as JSON booleans. */
export function coerceToTarget(value: unknown, type: AttributeType | undefined): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (type === 'Boolean' && typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  if (type === 'Integer' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return value;
}

function filterValue(attribute: string, value: string): unknown {
  // `roles[primary eq "True"]`: primary is a SCIM boolean
  if (attribute === 'primary' || /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

export interface PlaceOptions {
  /** attribute → filter `type` whose element Entra marks `primary: true` (the work email, §6.4) */
  readonly primaryTypes: Readonly<Record<string, string>>;
}

/** Writes `value` at `path` in `resource` (mutates the object under construction only). */
export function place(resource: ScimResource, path: TargetPath, value: unknown, options: PlaceOptions): void {
  let container: Record<string, unknown> = resource;
  if (path.schema !== undefined) {
    const existing = resource[path.schema];
    container = isObject(existing) ? existing : (resource[path.schema] = {}) as Record<string, unknown>;
  }
  if (path.filter) {
    const list = Array.isArray(container[path.attribute]) ? (container[path.attribute] as Record<string, unknown>[]) : [];
    container[path.attribute] = list;
    const key = path.filter.attribute;
    const wanted = filterValue(key, path.filter.value);
    let element = list.find((e) => e[key] === wanted);
    if (!element) {
      element = options.primaryTypes[path.attribute] === path.filter.value && key === 'type' ? { primary: true, [key]: wanted } : { [key]: wanted };
      list.push(element);
    }
    element[path.subAttribute ?? 'value'] = value;
    return;
  }
  if (path.subAttribute !== undefined) {
    const existing = container[path.attribute];
    const parent = isObject(existing) ? existing : (container[path.attribute] = {}) as Record<string, unknown>;
    parent[path.subAttribute] = value;
    return;
  }
  container[path.attribute] = value;
}

