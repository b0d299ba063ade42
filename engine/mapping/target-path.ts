/**
 * @module engine/mapping/target-path
 * Reads an Entra target attribute name (ENTRA-SPEC §3.1–3.2, §3.5): `userName`, `name.givenName`,
 * `emails[type eq "work"].value`, `roles[primary eq "True"].value`, and extension paths
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`. The grammar is SCIM's
 * (scim/path); Entra's attribute list only ever uses one `[sub eq "value"]` test as the filter,
 * so anything richer is not a name Entra can send.
 */
import { parseAttributePath } from '../../scim/path/parse.js';
import { URN } from '../../scim/types.js';

export interface TargetPath {
  /** the extension schema URN the attribute lives under; absent for core attributes */
  readonly schema?: string;
  readonly attribute: string;
  readonly filter?: { readonly attribute: string; readonly value: string };
  readonly subAttribute?: string;
}

const CORE = new Set<string>([URN.User.toLowerCase(), URN.Group.toLowerCase()]);
const KNOWN_URNS = [URN.User, URN.Group, URN.EnterpriseUser];

/**
 * Target attribute names come from a mapping's few dozen entries and are read for every object of
 * every cycle: each name is parsed once (results are frozen, so sharing them is safe).
 */
const CACHE = new Map<string, TargetPath | undefined>();
const CACHE_MAX = 10_000;

/** The path, or undefined when the name is not one Entra can send. */
export function parseTargetPath(name: string): TargetPath | undefined {
  if (CACHE.has(name)) return CACHE.get(name);
  const path = parseUncached(name);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(name, path === undefined ? undefined : Object.freeze({ ...path, ...(path.filter ? { filter: Object.freeze({ ...path.filter }) } : {}) }));
  return CACHE.get(name);
}

function parseUncached(name: string): TargetPath | undefined {
  let parsed;
  try {
    parsed = parseAttributePath(name, { knownUrns: KNOWN_URNS });
  } catch {
    return undefined;
  }
  const { schema, attribute, filter, subAttribute } = parsed;
  let test: TargetPath['filter'];
  if (filter) {
    if (filter.type !== 'compare' || filter.op !== 'eq' || typeof filter.value !== 'string') return undefined;
    if (filter.path.schema !== undefined || filter.path.subAttribute !== undefined) return undefined;
    test = { attribute: filter.path.attribute, value: filter.value };
  }
  return {
    ...(schema !== undefined && !CORE.has(schema.toLowerCase()) ? { schema } : {}),
    attribute,
    ...(test ? { filter: test } : {}),
    ...(subAttribute !== undefined ? { subAttribute } : {}),
  };
}
