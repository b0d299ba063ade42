/**
 * @module server/store/query-plan
 * Picks the candidates a filter can match from the indexes, RFC 7644 §3.4.2.2. The hints
 * (scim/filter/index-hints) are every `eq` comparison that must hold; this store answers those on
 * core-schema attributes it indexes (`id`, `members.value` and the type's secondary indexes,
 * server/store/state) and ignores the rest. Any answered hint bounds the result, so the smallest
 * candidate set is taken and the compiled predicate decides. Returns undefined when no hint is
 * indexed: the caller scans.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { equalityHints } from '../../scim/filter/index-hints.js';
import type { EqualityHint } from '../../scim/filter/index-hints.js';
import type { FilterNode } from '../../scim/filter/types.js';
import type { StoreState } from './state.js';
import type { ResourceTypeName } from './types.js';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:';

export function indexedCandidates(state: StoreState, type: ResourceTypeName, filter: FilterNode): readonly string[] | undefined {
  let best: readonly string[] | undefined;
  for (const hint of equalityHints(filter) ?? []) {
    const ids = lookup(state, type, hint);
    if (ids === undefined) continue;
    if (ids.length === 0) return ids;
    if (best === undefined || ids.length < best.length) best = ids;
  }
  return best;
}

function lookup(state: StoreState, type: ResourceTypeName, { schema, attribute, value }: EqualityHint): readonly string[] | undefined {
  // the indexes hold core attributes only; an extension attribute of the same name is another one
  if (schema !== undefined && !schema.toLowerCase().startsWith(CORE)) return undefined;
  // RFC 7643 §3.1: id is caseExact, so the primary map answers exactly.
  if (attribute === 'id') return state.records[type].has(value) ? [value] : [];
  // RFC 7644 §3.4.2.2: a complex attribute compared directly (`emails eq "x"`) compares its value
  const indexes = state.indexes[type];
  const path = indexes.has(attribute) || attribute.includes('.') ? attribute : `${attribute}.value`;
  if (path === 'members.value') return type === 'Group' ? state.memberOf.get(value) : undefined;
  return indexes.get(path)?.index.get(value);
}
