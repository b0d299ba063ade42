/**
 * @module server/store/member-delta
 * Recognises a PATCH that only adds or removes group members, RFC 7644 §3.5.2 (and the Entra
 * dialect, ENTRA-SPEC §6.5): `add` on `members` with a list of `{ value }`, `remove` on
 * `members[value eq "…"]`, or `remove` on `members` with a list of values. Such a PATCH is applied
 * by the store as a delta (./resource-store.ts patchMembers), costing O(changed members) instead of
 * rewriting the whole group. Anything else returns undefined and takes the general PATCH path,
 * which gives the same result.
 */
import { URN } from '../../scim/types.js';

/** one step of a member PATCH, in request order */
export type MemberStep =
  | { readonly kind: 'add'; readonly members: readonly Readonly<Record<string, unknown>>[] }
  | { readonly kind: 'remove'; readonly values: readonly string[] };

/** what memberDelta reads of an operation (scim/patch's NormalizedOperation) */
export interface MemberOperationLike {
  readonly op: string;
  readonly path?: string;
  readonly hasValue?: boolean;
  readonly value?: unknown;
}

const MEMBERS_PATHS = new Set(['members', `${URN.Group.toLowerCase()}:members`]);
// members[value eq "…"]: the JSON string literal is decoded with JSON.parse
const BY_VALUE = /^(?:urn:ietf:params:scim:schemas:core:2\.0:group:)?members\[\s*value\s+eq\s+("(?:[^"\\]|\\.)*")\s*\]$/i;
// sub-attributes the fast path understands; `$ref` is derived anew either way
const MEMBER_KEYS = new Set(['value', 'display', 'type', '$ref']);

export function memberDelta(operations: readonly MemberOperationLike[]): MemberStep[] | undefined {
  const steps: MemberStep[] = [];
  for (const operation of operations) {
    const op = operation.op.toLowerCase();
    const path = operation.path?.trim();
    if (path === undefined) return undefined;
    const lower = path.toLowerCase();
    if (op === 'add' && MEMBERS_PATHS.has(lower)) {
      const members = plainMembers(operation.value, true);
      if (!members || members.length === 0) return undefined;
      steps.push({ kind: 'add', members });
    } else if (op === 'remove' && MEMBERS_PATHS.has(lower) && operation.value !== undefined && operation.value !== null) {
      // ENTRA-SPEC §6.5: the values to remove are listed in `value`; a type would narrow the match
      const members = plainMembers(operation.value, false);
      if (!members || members.length === 0) return undefined;
      steps.push({ kind: 'remove', values: members.map((m) => m.value as string) });
    } else if (op === 'remove' && (operation.value === undefined || operation.value === null)) {
      const match = BY_VALUE.exec(path);
      if (!match) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(match[1]!);
      } catch {
        return undefined;
      }
      if (typeof value !== 'string') return undefined;
      steps.push({ kind: 'remove', values: [value] });
    } else return undefined;
  }
  return steps;
}

/** `[{ "value": "id", … }]` with only known sub-attributes, all strings; undefined otherwise */
function plainMembers(value: unknown, forAdd: boolean): Readonly<Record<string, unknown>>[] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const member of value) {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return undefined;
    const keys = Object.keys(member);
    // exact spellings only: canonicalising other cases is the general path's job
    if (!keys.every((k) => MEMBER_KEYS.has(k) && typeof (member as Record<string, unknown>)[k] === 'string')) return undefined;
    if (typeof (member as { value?: unknown }).value !== 'string') return undefined;
    const type = (member as { type?: string }).type;
    if (type !== undefined && (!forAdd || (type !== 'User' && type !== 'Group'))) return undefined;
    if (!forAdd && (member as { display?: unknown }).display !== undefined) return undefined;
  }
  return value as Record<string, unknown>[];
}
