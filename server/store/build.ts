/**
 * @module server/store/build
 * Turns a resource a caller sends into the frozen record the store keeps: server-assigned `id`
 * and `meta` (RFC 7643 §3.1), read-only attributes dropped, members normalised.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
import { ScimError } from '../../scim/errors.js';
import type { ScimResource } from '../../scim/types.js';
import { freezeCopy } from './freeze.js';
import { normaliseMembers } from './members.js';
import { hashPasswordSync, isPasswordHash } from './password.js';
import type { StoreState } from './state.js';
import type { ResourceTypeName, StoredResource } from './types.js';

export interface BuildContext {
  state: StoreState;
  /** frozen `schemas` arrays shared by every record listing the same URNs (per store) */
  schemas: Map<string, readonly string[]>;
  validateMembers: boolean;
  now: string;
}

/** What the record inherits from the one it replaces. */
export interface Previous {
  created: string;
  version: string;
}

// RFC 7643 §3.1: id and meta are assigned by the service provider; §4.1.2: a user's `groups` is
// readOnly and derived from group membership, so whatever a client sends there is ignored.
const SERVER_OWNED: Readonly<Record<ResourceTypeName, ReadonlySet<string>>> = {
  User: new Set(['id', 'meta', 'groups']),
  Group: new Set(['id', 'meta']),
};

export function buildRecord(
  ctx: BuildContext,
  type: ResourceTypeName,
  id: string,
  input: ScimResource,
  previous?: Previous,
): StoredResource {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw ScimError.invalidSyntax('a resource must be a JSON object');
  // RFC 7643 §3: every resource names its schemas.
  if (!Array.isArray(input.schemas) || !input.schemas.every((s) => typeof s === 'string')) {
    throw ScimError.invalidSyntax("'schemas' must be an array of schema URNs");
  }
  const out: Record<string, unknown> = {};
  out.schemas = sharedSchemas(ctx.schemas, input.schemas);
  out.id = id;
  for (const key of Object.keys(input)) {
    if (key === 'schemas' || SERVER_OWNED[type].has(key.toLowerCase())) continue;
    if (type === 'Group' && key === 'members') {
      const members = normaliseMembers(ctx.state, input.members, { validateMembers: ctx.validateMembers, groupId: id });
      out.members = freezeCopy(members, 'members');
      continue;
    }
    if (key === 'password' && typeof input.password === 'string') {
      // RFC 7643 §4.1.1: kept as a salted hash (create and replace hash off the loop before this)
      out.password = isPasswordHash(input.password) ? input.password : hashPasswordSync(input.password);
      continue;
    }
    if (input[key] !== undefined) out[key] = freezeCopy(input[key], key);
  }
  requireName(type, out);
  // meta.location is derived when the record is returned (./derived.ts).
  out.meta = Object.freeze({
    resourceType: type,
    created: previous?.created ?? ctx.now,
    lastModified: ctx.now,
    version: previous ? nextVersion(previous.version) : weakEtag(1),
  });
  return Object.freeze(out) as StoredResource;
}

// 100k records list a handful of distinct URN sets: one frozen array (and its strings) each.
function sharedSchemas(seen: Map<string, readonly string[]>, schemas: readonly string[]): readonly string[] {
  const key = JSON.stringify(schemas);
  let shared = seen.get(key);
  if (!shared) seen.set(key, (shared = freezeCopy(JSON.parse(JSON.stringify(schemas)) as string[], 'schemas')));
  return shared;
}

/** RFC 7644 §3.14: a weak entity tag, bumped on every change of the resource. */
export function weakEtag(n: number): string {
  return `W/"${n}"`;
}

export function nextVersion(version: string): string {
  const n = /^W\/"(\d+)"$/.exec(version);
  return weakEtag(n ? Number(n[1]) + 1 : 1);
}

// RFC 7643 §4.1.1 (User userName) and §4.2 (Group displayName) are REQUIRED; the store indexes
// and keeps them unique, so it refuses a record without one.
function requireName(type: ResourceTypeName, resource: Record<string, unknown>): void {
  const attribute = type === 'User' ? 'userName' : 'displayName';
  const value = resource[attribute];
  if (typeof value !== 'string' || value.trim() === '') {
    throw ScimError.invalidValue(`'${attribute}' is required and must be a non-empty string`);
  }
}
