/**
 * @module scim/filter/index-hints
 * Equality hints a store can answer from an index instead of scanning, RFC 7644 §3.4.2.2.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 *
 * `equalityHints(node)` returns `{ schema?, attribute, value }[]` or `undefined`, for every `eq`
 * on a string value whatever the attribute: which attributes are worth an index is the store's
 * policy (server/store/query-plan picks the hints it can answer and ignores the rest).
 * - `attribute` is the path lower-cased, sub-attribute dotted: `'username'`, `'emails.value'`,
 *   `'members.value'`; a complex attribute compared directly stays bare (`emails eq "x"` gives
 *   `'emails'`, which RFC 7644 §3.4.2.2 reads as its `value`);
 * - `schema` is the URN when the filter qualified the path, as written;
 * - `value` is the comparison string exactly as the filter wrote it (no case folding: the store
 *   folds per its own index, e.g. userName is caseExact false, id and externalId are caseExact);
 * - every hint is a necessary condition (they come from `eq` comparisons standing alone or inside
 *   a top-level `and` chain, including `emails[value eq "x"]` and `emails[type eq "work" and
 *   value eq "x"]`), so the store may pick any one hint, take its candidates, and re-check each
 *   candidate with the compiled predicate, which stays the source of truth;
 * - `undefined` when there is no such comparison (e.g. the top level is an `or`, a `not`, or only
 *   `co`/`sw`/…): the store scans.
 */
import type { AttributePathRef, FilterNode } from './types.js';

export interface EqualityHint {
  /** the schema URN when the path was URN-qualified */
  readonly schema?: string;
  /** lower-cased `attribute` or `attribute.subattribute` */
  readonly attribute: string;
  readonly value: string;
}

function hintPath(path: AttributePathRef, parent?: AttributePathRef): { schema?: string; attribute: string } {
  const name = parent !== undefined ? `${parent.attribute}.${path.attribute}` : path.subAttribute !== undefined ? `${path.attribute}.${path.subAttribute}` : path.attribute;
  const schema = parent?.schema ?? path.schema;
  return { ...(schema !== undefined ? { schema } : {}), attribute: name.toLowerCase() };
}

function collect(node: FilterNode, out: EqualityHint[], parent?: AttributePathRef): void {
  switch (node.type) {
    case 'compare':
      if (node.op === 'eq' && typeof node.value === 'string') out.push({ ...hintPath(node.path, parent), value: node.value });
      return;
    case 'and':
      for (const f of node.filters) collect(f, out, parent);
      return;
    case 'valuePath':
      if (parent === undefined) collect(node.filter, out, node.path);
      return;
    default:
      return;
  }
}

/** The equality hints of `node` (see the module header for the exact contract). */
export function equalityHints(node: FilterNode): EqualityHint[] | undefined {
  const out: EqualityHint[] = [];
  collect(node, out);
  return out.length > 0 ? out : undefined;
}
