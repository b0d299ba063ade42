/**
 * @module scim/filter/index-hints
 * Equality hints a store can answer from an index instead of scanning, RFC 7644 §3.4.2.2.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 *
 * `equalityHints(node)` returns `{ attribute, value }[]` or `undefined`:
 * - `attribute` is one of the canonical names `'id' | 'externalId' | 'userName' | 'displayName'
 *   | 'emails.value' | 'members.value'` (whatever case the filter used);
 * - `value` is the comparison string exactly as the filter wrote it (no case folding: the store
 *   folds per its own index, e.g. userName is caseExact false, id and externalId are caseExact);
 * - every hint is a necessary condition (they come from `eq` comparisons standing alone or inside
 *   a top-level `and` chain, including `emails[value eq "x"]` and `emails[type eq "work" and
 *   value eq "x"]`), so the store may pick any one hint, take its candidates, and re-check each
 *   candidate with the compiled predicate, which stays the source of truth;
 * - `undefined` when there is no such comparison (e.g. the top level is an `or`, a `not`, or only
 *   `co`/`sw`/…): the store scans.
 * Hints are only taken from unqualified or core-schema-qualified attribute paths.
 */
import type { AttributePathRef, FilterNode } from './types.js';

export interface EqualityHint {
  readonly attribute: IndexedAttribute;
  readonly value: string;
}

export type IndexedAttribute = 'id' | 'externalId' | 'userName' | 'displayName' | 'emails.value' | 'members.value';

const INDEXED: ReadonlyMap<string, IndexedAttribute> = new Map(
  (['id', 'externalId', 'userName', 'displayName', 'emails.value', 'members.value'] as const).map((a) => [a.toLowerCase(), a]),
);

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:';

function indexed(path: AttributePathRef, parent?: string): IndexedAttribute | undefined {
  if (path.schema !== undefined && !path.schema.toLowerCase().startsWith(CORE)) return undefined;
  const name = parent !== undefined ? `${parent}.${path.attribute}` : path.subAttribute !== undefined ? `${path.attribute}.${path.subAttribute}` : path.attribute;
  // `emails eq "x"` compares emails.value (RFC 7644 §3.4.2.2 multi-valued complex without sub-attribute)
  return INDEXED.get(name.toLowerCase()) ?? INDEXED.get(`${name.toLowerCase()}.value`);
}

function collect(node: FilterNode, out: EqualityHint[], parent?: string): void {
  switch (node.type) {
    case 'compare': {
      const attribute = indexed(node.path, parent);
      if (node.op === 'eq' && typeof node.value === 'string' && attribute) out.push({ attribute, value: node.value });
      return;
    }
    case 'and':
      for (const f of node.filters) collect(f, out, parent);
      return;
    case 'valuePath':
      if (parent === undefined && (node.path.schema === undefined || node.path.schema.toLowerCase().startsWith(CORE))) {
        collect(node.filter, out, node.path.attribute);
      }
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
