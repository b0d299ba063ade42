/**
 * @module server/store/members
 * Group membership, RFC 7643 §4.2 (Group `members`) and §4.1.2 (User `groups`, readOnly, derived).
 * Members are stored as `{ value, display, type }` and returned with a `$ref` (./derived.ts); a
 * user's `groups` is computed from the reverse index each time the user is returned, so it can
 * never go stale.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-4.2
 */
import { ScimError } from '../../scim/errors.js';
import type { AttributePathRef, FilterNode } from '../../scim/filter/types.js';
import { locationOf } from './derived.js';
import type { StoredMember } from './derived.js';
import type { StoreState } from './state.js';
import type { ResourceTypeName, StoredResource } from './types.js';

export interface MemberOptions {
  validateMembers: boolean;
  /** the group being written (a group cannot contain itself) */
  groupId: string;
}

/** Normalises a `members` value: one entry per id, `type` from where the id lives (a given `$ref` is derived anew). */
export function normaliseMembers(state: StoreState, members: unknown, options: MemberOptions): StoredMember[] {
  if (members === undefined || members === null) return [];
  if (!Array.isArray(members)) throw ScimError.invalidValue("'members' must be an array");
  const out: StoredMember[] = [];
  const seen = new Set<string>();
  members.forEach((member: unknown, i) => {
    const value = memberValue(member, `members[${i}]`, options);
    // Entra sends the same member twice in one PATCH at times; a member is listed once.
    if (seen.has(value)) return;
    seen.add(value);
    out.push(normaliseMember(state, member as Record<string, unknown>, `members[${i}]`, options));
  });
  return out;
}

/** The `value` of one given member, checked: a non-empty string that is not the group itself. */
export function memberValue(member: unknown, where: string, options: MemberOptions): string {
  const value = member !== null && typeof member === 'object' ? (member as Record<string, unknown>).value : undefined;
  if (typeof value !== 'string' || value === '') throw ScimError.invalidValue(`${where}: 'value' must be a non-empty string`);
  if (value === options.groupId) throw ScimError.invalidValue(`${where}: a group cannot be a member of itself`);
  return value;
}

/** One member as stored, `{ value, display, type }`; its value was checked by memberValue. */
export function normaliseMember(state: StoreState, given: Record<string, unknown>, where: string, options: MemberOptions): StoredMember {
  const value = given.value as string;
  const user = state.get('User', value);
  const group = user ? undefined : state.get('Group', value);
  if (!user && !group && options.validateMembers) {
    throw ScimError.invalidValue(`${where}: no User or Group has id '${value}'`);
  }
  const type: ResourceTypeName = group || (!user && given.type === 'Group') ? 'Group' : 'User';
  const display = typeof given.display === 'string' ? given.display : displayOf(user?.resource ?? group?.resource);
  return display === undefined ? { value, type } : { value, display, type };
}

/** RFC 7643 §4.1.2: `groups` of a member, `type: 'direct'`, in group creation order. */
export function derivedGroups(state: StoreState, memberId: string, baseUrl: string): Record<string, string>[] {
  const entries = state.memberOf.get(memberId).map((id) => state.get('Group', id)).filter((e) => e !== undefined);
  entries.sort((a, b) => a.ord - b.ord);
  return entries.map(({ resource }) => {
    const ref: Record<string, string> = { value: resource.id, $ref: locationOf(baseUrl, 'Group', resource.id) };
    if (typeof resource.displayName === 'string') ref.display = resource.displayName;
    ref.type = 'direct';
    return ref;
  });
}

/**
 * Whether a filter may read a derived attribute (a user's `groups`, `meta.location`, a member's
 * `$ref`; plain, URN-qualified or in a value path): if not, its predicate gives the same answer
 * on the stored record as on the record as returned.
 */
export function mentionsDerived(filter: FilterNode): boolean {
  switch (filter.type) {
    case 'and':
    case 'or':
      return filter.filters.some(mentionsDerived);
    case 'not':
      return mentionsDerived(filter.filter);
    case 'compare':
    case 'present':
      return names(filter.path);
    case 'valuePath':
      return names(filter.path) || mentionsDerived(filter.filter);
    default: {
      const never: never = filter;
      throw new TypeError(`unknown filter node ${JSON.stringify(never)}`);
    }
  }
}

const DERIVED = /groups|location|\$ref/i;

/** Whether an attribute path (a sortBy, a filter path) may name an attribute the store derives. */
export function namesDerived(path: string): boolean {
  return DERIVED.test(path);
}

function names(path: AttributePathRef): boolean {
  return DERIVED.test(path.attribute) || DERIVED.test(path.subAttribute ?? '') || DERIVED.test(path.schema ?? '');
}

function displayOf(resource: StoredResource | undefined): string | undefined {
  if (!resource) return undefined;
  if (typeof resource.displayName === 'string') return resource.displayName;
  return typeof resource.userName === 'string' ? resource.userName : undefined;
}
