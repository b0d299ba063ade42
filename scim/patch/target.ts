/**
 * @module scim/patch/target
 * Resolves an operation's path to what it targets: an attribute, a sub-attribute, or the values of
 * a multi-valued attribute selected by a value filter, RFC 7644 §3.5.2 (path ABNF) and §3.10.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { compileValueFilter } from '../filter/evaluate.js';
import type { FilterNode } from '../filter/types.js';
import { findSubAttribute, resolveAttribute } from '../path/common-attributes.js';
import { parseAttributePath } from '../path/parse.js';
import type { JsonObject } from '../path/values.js';
import type { AttributeDefinition, ResolvedAttribute } from '../types.js';
import { fail, within } from './context.js';
import type { PatchContext } from './context.js';

export interface Target {
  readonly resolved: ResolvedAttribute;
  readonly attribute: AttributeDefinition;
  /** the sub-attribute named after the attribute (`name.givenName`) or after the filter (`emails[…].value`) */
  readonly sub?: AttributeDefinition;
  readonly filter?: { readonly node: FilterNode; readonly test: (element: unknown) => boolean };
  readonly label: string;
}

export function resolveTarget(path: string, ctx: PatchContext): Target {
  const parsed = within(ctx, 'invalidPath', () => parseAttributePath(path, { knownUrns: ctx.knownUrns }));
  const resolved = resolveAttribute(ctx.resolver, { schema: parsed.schema, attribute: parsed.attribute });
  if (!resolved) throw fail(ctx, 'invalidPath', `unknown attribute '${path}'`);
  const attribute = resolved.attribute;
  let sub: AttributeDefinition | undefined;
  if (parsed.subAttribute !== undefined) {
    sub = attribute.type === 'complex' ? findSubAttribute(attribute, parsed.subAttribute) : undefined;
    if (!sub) throw fail(ctx, 'invalidPath', `'${attribute.name}' has no sub-attribute '${parsed.subAttribute}'`);
  }
  const label = sub ? `${attribute.name}.${sub.name}` : attribute.name;
  if (!parsed.filter) return { resolved, attribute, ...(sub ? { sub } : {}), label };
  if (attribute.type !== 'complex' || !attribute.multiValued) {
    throw fail(ctx, 'invalidPath', `'${path}': a value filter needs a multi-valued complex attribute`);
  }
  const node = parsed.filter;
  const test = within(ctx, 'invalidPath', () => compileValueFilter(node, resolved));
  return { resolved, attribute, ...(sub ? { sub } : {}), filter: { node, test }, label: path };
}

/**
 * ENTRA-SPEC §6.5: add/replace on `emails[type eq "work"].value` with no work email creates the
 * element from the filter's equality conditions. undefined when the filter is not a plain `eq`
 * (or an `and` of them) on sub-attributes, or the element would not match it.
 */
export function elementFromFilter(target: Target): JsonObject | undefined {
  if (!target.filter) return undefined;
  const element: JsonObject = {};
  const collect = (node: FilterNode): boolean => {
    if (node.type === 'and') return node.filters.every(collect);
    if (node.type !== 'compare' || node.op !== 'eq' || node.value === null) return false;
    const sub = findSubAttribute(target.attribute, node.path.attribute);
    if (!sub || sub.mutability === 'readOnly') return false;
    element[sub.name] = node.value;
    return true;
  };
  if (!collect(target.filter.node) || !target.filter.test(element)) return undefined;
  return element;
}

/** The current elements of a multi-valued attribute value (anything else counts as none). */
export function elementsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
