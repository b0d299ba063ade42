/**
 * @module server/store/query-plan
 * Picks the candidates a filter can match from the indexes, RFC 7644 §3.4.2.2. The hints
 * (scim/filter/index-hints) are `eq` comparisons that must all hold; any hint on an attribute
 * this type indexes bounds the result, so the smallest such candidate set is taken and the
 * compiled predicate decides. Returns undefined when no hint is indexed: the caller scans.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { equalityHints } from '../../scim/filter/index-hints.js';
import type { EqualityHint } from '../../scim/filter/index-hints.js';
import type { FilterNode } from '../../scim/filter/types.js';
import type { StoreState } from './state.js';
import type { ResourceTypeName } from './types.js';

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

function lookup(state: StoreState, type: ResourceTypeName, { attribute, value }: EqualityHint): readonly string[] | undefined {
  // RFC 7643 §3.1: id is caseExact, so the primary map answers exactly.
  if (attribute === 'id') return state.records[type].has(value) ? [value] : [];
  if (attribute === 'members.value') return type === 'Group' ? state.memberOf.get(value) : undefined;
  return state.indexes[type].get(attribute.toLowerCase())?.index.get(value);
}
