/**
 * @module server/quirks/fields
 * Attribute rules stricter or looser than the schema: fields the app requires, fields it drops
 * silently, fields it will not change once set, and a userName format (many apps want an email).
 * Errors follow RFC 7644 §3.12: invalidValue for missing or malformed values, mutability for changes.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
import { ScimError } from '../../scim/errors.js';
import { findKey, isPresentValue } from '../../scim/path/values.js';
import type { ScimResource } from '../../scim/types.js';
import type { ResourceTypeName, StoredResource } from '../store/types.js';
import type { CompiledPath, PathCompiler } from './compiled-path.js';
import type { PerType, QuirkProfile } from './profile.js';

type Paths = ReadonlyMap<ResourceTypeName, readonly CompiledPath[]>;

export function compilePerType(lists: PerType<readonly string[]>, compile: PathCompiler): Paths {
  const out = new Map<ResourceTypeName, CompiledPath[]>();
  for (const type of ['User', 'Group'] as const) {
    const list = lists[type];
    if (list) out.set(type, list.map((text) => compile(type, text)));
  }
  return out;
}

/** Drops the ignored attributes, as an app does that has no column for them. */
export function dropIgnored(paths: Paths, resourceType: ResourceTypeName, resource: ScimResource): ScimResource {
  let out = resource;
  for (const path of paths.get(resourceType) ?? []) out = path.remove(out);
  return out;
}

export function checkRequired(paths: Paths, resourceType: ResourceTypeName, resource: ScimResource): void {
  for (const path of paths.get(resourceType) ?? []) {
    if (!path.read(resource).some(isPresentValue)) {
      throw ScimError.invalidValue(`Attribute '${path.text}' is required`);
    }
  }
}

/**
 * RFC 7643 §2.2 `immutable`: may be set when no value exists yet, never changed afterwards;
 * the app applies it to attributes the schema calls readWrite.
 */
export function checkImmutable(paths: Paths, resourceType: ResourceTypeName, existing: StoredResource | undefined, resource: ScimResource): void {
  if (!existing) return;
  for (const path of paths.get(resourceType) ?? []) {
    const before = path.read(existing);
    if (before.length === 0) continue;
    if (JSON.stringify(before) !== JSON.stringify(path.read(resource))) {
      throw ScimError.mutability(`Attribute '${path.text}' cannot be changed once set`);
    }
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type UserNameCheck = (resource: ScimResource) => void;

export function createUserNameCheck(format: NonNullable<QuirkProfile['userNameFormat']>): UserNameCheck {
  const pattern = format === 'email' ? EMAIL : new RegExp(format.pattern, 'u');
  const detail = format === 'email' ? 'userName must be an email address' : (format.detail ?? `userName must match ${format.pattern}`);
  return (resource) => {
    const key = findKey(resource, 'userName');
    const userName = key === undefined ? undefined : resource[key];
    if (typeof userName === 'string' && !pattern.test(userName)) throw ScimError.invalidValue(`${detail} (got '${userName}')`);
  };
}
