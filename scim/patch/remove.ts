/**
 * @module scim/patch/remove
 * The "remove" operation, RFC 7644 §3.5.2.2: an attribute, a sub-attribute, or the values a value
 * filter selects. Removing what is not there is a no-op. In the Entra dialect a `value` array
 * names the values to remove (`{"op":"Remove","path":"members","value":[{"value":"id"}]}`,
 * ENTRA-SPEC §6.5).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2.2
 */
import { findKey, isObject } from '../path/values.js';
import type { JsonObject } from '../path/values.js';
import { coerceMulti } from './coerce.js';
import { fail } from './context.js';
import type { PatchContext } from './context.js';
import { assertRemovable, ElementIndex, getAttr, holder, isAssigned, setAttr } from './document.js';
import { elementsOf } from './target.js';
import type { Target } from './target.js';
import { unassign } from './write.js';

export function applyRemove(doc: JsonObject, t: Target, value: unknown, hasValue: boolean, ctx: PatchContext): void {
  const attr = t.attribute;
  const current = getAttr(holder(doc, t.resolved, false), attr);
  if (t.filter) {
    const list = elementsOf(current);
    const matches = list.filter((e) => t.filter!.test(e));
    if (matches.length === 0) return;
    if (t.sub) return removeSub(matches, t, ctx);
    // RFC 7644 §3.5.2.2: "the values matched by the filter are removed"
    const matched = new Set(matches);
    return keep(doc, t, list.filter((e) => !matched.has(e)), ctx);
  }
  if (t.sub) {
    const elements = attr.multiValued ? elementsOf(current) : isObject(current) ? [current] : [];
    removeSub(elements, t, ctx);
    if (!attr.multiValued && isObject(current) && Object.keys(current).length === 0) unassign(doc, t, ctx);
    return;
  }
  if (hasValue && value !== null && value !== undefined) {
    if (!ctx.entra) {
      throw fail(ctx, 'invalidValue', `'remove' takes no 'value' (RFC 7644 §3.5.2.2); select values with a filter, e.g. ${attr.name}[value eq "…"]`);
    }
    if (attr.multiValued) {
      // ENTRA-SPEC §6.5: remove the listed values; a value that is not there (a non-member) is not an error
      const gone = new ElementIndex(attr, coerceMulti(attr, value, ctx, t.label));
      const list = elementsOf(current);
      const rest = list.filter((e) => !gone.has(e));
      if (rest.length !== list.length) keep(doc, t, rest, ctx);
      return;
    }
  }
  unassign(doc, t, ctx);
}

function removeSub(elements: unknown[], t: Target, ctx: PatchContext): void {
  const sub = t.sub!;
  for (const element of elements) {
    if (!isObject(element)) continue;
    const key = findKey(element, sub.name);
    if (key === undefined) continue;
    if (isAssigned(element[key])) assertRemovable(sub, ctx, t.label);
    delete element[key];
  }
}

/** Keeps `rest` as the attribute's values; none left means the attribute is unassigned. */
function keep(doc: JsonObject, t: Target, rest: unknown[], ctx: PatchContext): void {
  // RFC 7644 §3.5.2.2: "If no other values remain after removal of the selected values, the multi-valued attribute SHALL be considered unassigned."
  if (rest.length === 0) return unassign(doc, t, ctx);
  if (t.attribute.mutability === 'readOnly' || t.attribute.mutability === 'immutable') {
    throw fail(ctx, 'mutability', `'${t.label}' is ${t.attribute.mutability} (RFC 7643 §2.2)`);
  }
  setAttr(holder(doc, t.resolved, true)!, t.attribute, rest);
}
