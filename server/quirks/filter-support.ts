/**
 * @module server/quirks/filter-support
 * Apps that understand only some filters (RFC 7644 §3.4.2.2 lets a provider refuse with 400
 * invalidFilter), and the dangerous real-world case: the filter is ignored and every resource is
 * returned, so a client matching on `userName eq "x"` takes the first user of the list for x.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { ScimError } from '../../scim/errors.js';
import { formatAttrRef, parseAttrRef } from '../../scim/path/attr-ref.js';
import type { AttributePathRef, FilterNode } from '../../scim/filter/types.js';
import type { FilterOperator, FilterSupportQuirk } from './profile.js';

export type FilterGate = (filter: FilterNode) => FilterNode | undefined;

export function createFilterGate(quirk: FilterSupportQuirk): FilterGate {
  const attributes = quirk.attributes?.map((text) => parseAttrRef(text, (d) => new TypeError(d)));
  const operators = quirk.operators ? new Set<string>(quirk.operators) : undefined;
  return (filter) => {
    const problem = firstUnsupported(filter, undefined, attributes, operators);
    if (problem === undefined) return filter;
    if (quirk.unsupported === 'ignore') return undefined;
    throw ScimError.invalidFilter(`Unsupported filter: ${problem}`);
  };
}

function firstUnsupported(
  node: FilterNode,
  parent: AttributePathRef | undefined,
  attributes: readonly AttributePathRef[] | undefined,
  operators: ReadonlySet<string> | undefined,
): string | undefined {
  const opProblem = (op: FilterOperator): string | undefined => (operators && !operators.has(op) ? `operator '${op}' is not supported` : undefined);
  switch (node.type) {
    case 'compare':
    case 'present': {
      const path = parent ? { ...(parent.schema !== undefined ? { schema: parent.schema } : {}), attribute: parent.attribute, subAttribute: node.path.attribute } : node.path;
      if (attributes && !attributes.some((a) => samePath(a, path))) return `filtering on '${formatAttrRef(path)}' is not supported`;
      return opProblem(node.type === 'present' ? 'pr' : node.op);
    }
    case 'and':
    case 'or':
      return opProblem(node.type) ?? firstOf(node.filters, (f) => firstUnsupported(f, parent, attributes, operators));
    case 'not':
      return opProblem('not') ?? firstUnsupported(node.filter, parent, attributes, operators);
    case 'valuePath':
      return firstUnsupported(node.filter, node.path, attributes, operators);
    default: {
      const never: never = node;
      throw new TypeError(`unknown filter node ${JSON.stringify(never)}`);
    }
  }
}

function firstOf<T>(items: readonly T[], fn: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const found = fn(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** RFC 7643 §2.1: attribute names are case-insensitive; an unqualified name matches any schema. */
function samePath(allowed: AttributePathRef, path: AttributePathRef): boolean {
  const eq = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  if (allowed.schema !== undefined && path.schema !== undefined && !eq(allowed.schema, path.schema)) return false;
  return eq(allowed.attribute, path.attribute) && eq(allowed.subAttribute, path.subAttribute);
}
