/**
 * @module scim/patch/write
 * The "add" and "replace" operations with a path, RFC 7644 §3.5.2.1 and §3.5.2.3: simple values
 * are set; complex values merge their sub-attributes; multi-valued add appends values not already
 * there and replace swaps the whole list; value filters select elements (no match is noTarget,
 * or, in the Entra dialect, creates the element, ENTRA-SPEC §6.5).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2.1
 */
import { findKey, getKey, isObject } from '../path/values.js';
import type { JsonObject } from '../path/values.js';
import type { AttributeDefinition } from '../types.js';
import { coerceMulti, coerceSingle } from './coerce.js';
import { fail } from './context.js';
import type { PatchContext } from './context.js';
import {
  assertMutable, assertRemovable, deleteAttr, ElementIndex, enforcePrimary, getAttr, holder, isAssigned, primaries, pruneExtension, setAttr,
} from './document.js';
import { elementFromFilter, elementsOf } from './target.js';
import type { Target } from './target.js';

export type WriteOp = 'add' | 'replace';

export function applyWrite(doc: JsonObject, op: WriteOp, target: Target, value: unknown, ctx: PatchContext): void {
  if (target.filter) writeFiltered(doc, op, target, value, ctx);
  else if (target.sub) writeSub(doc, op, target, target.sub, value, ctx);
  else writeAttribute(doc, op, target, value, ctx);
}

/** Removes the whole attribute (replace with null / [] / {}, and remove). */
export function unassign(doc: JsonObject, target: Target, ctx: PatchContext): void {
  const h = holder(doc, target.resolved, false);
  if (h === undefined) return;
  const current = getAttr(h, target.attribute);
  if (isAssigned(current)) assertRemovable(target.attribute, ctx, target.label);
  deleteAttr(h, target.attribute);
  pruneExtension(doc, target.resolved);
}

/** Sets the sub-attributes of `incoming` on `existing`, checking each one's mutability. */
export function mergeInto(def: AttributeDefinition, existing: JsonObject, incoming: JsonObject, ctx: PatchContext, label: string): void {
  for (const [name, v] of Object.entries(incoming)) {
    const key = findKey(existing, name) ?? name;
    const sub = def.subAttributes?.find((s) => s.name === name);
    if (sub) assertMutable(sub, existing[key], v, ctx, `${label}.${name}`);
    existing[key] = v;
  }
}

function writeAttribute(doc: JsonObject, op: WriteOp, t: Target, value: unknown, ctx: PatchContext): void {
  const attr = t.attribute;
  const current = getAttr(holder(doc, t.resolved, false), attr);
  if (attr.multiValued) {
    const incoming = coerceMulti(attr, value, ctx, t.label);
    let next: unknown[];
    let before: Set<unknown>;
    if (op === 'replace') {
      // RFC 7644 §3.5.2.3: "If the target location is a multi-valued attribute and no filter is specified, the attribute and all values are replaced."
      if (incoming.length === 0) return unassign(doc, t, ctx);
      next = incoming;
      before = new Set();
    } else {
      if (incoming.length === 0) return;
      // RFC 7644 §3.5.2.1: values are added; a value already present is not added again
      next = elementsOf(current).map((e) => (isObject(e) ? { ...e } : e));
      before = primaries(next);
      // hashed: each new value is compared only with the values sharing its key, not all of them
      const index = new ElementIndex(attr, next);
      for (const v of incoming) {
        const same = index.find(v);
        if (same === undefined) {
          next.push(v);
          index.add(v);
        } else if (isObject(same) && isObject(v)) mergeInto(attr, same, v, ctx, t.label);
      }
    }
    assertMutable(attr, current, next, ctx, t.label);
    setAttr(holder(doc, t.resolved, true)!, attr, next);
    enforcePrimary(attr, before, next, ctx, t.label);
    return;
  }
  const v = coerceSingle(attr, value, ctx, t.label);
  if (v === null || (isObject(v) && Object.keys(v).length === 0)) {
    // RFC 7643 §2.5: null is the unassigned state
    if (op === 'replace') unassign(doc, t, ctx);
    return;
  }
  let next = v;
  if (attr.type === 'complex' && isObject(current) && isObject(v)) {
    // RFC 7644 §3.5.2.1 / §3.5.2.3: a complex value's sub-attributes replace or add; the others are left unchanged
    const merged = { ...current };
    mergeInto(attr, merged, v, ctx, t.label);
    next = merged;
  }
  assertMutable(attr, current, next, ctx, t.label);
  setAttr(holder(doc, t.resolved, true)!, attr, next);
}

function writeSub(doc: JsonObject, op: WriteOp, t: Target, sub: AttributeDefinition, value: unknown, ctx: PatchContext): void {
  const attr = t.attribute;
  const v = sub.multiValued ? coerceMulti(sub, value, ctx, t.label) : coerceSingle(sub, value, ctx, t.label);
  const clearing = v === null || (Array.isArray(v) && v.length === 0);
  if (clearing && op === 'add') return;
  const current = getAttr(holder(doc, t.resolved, false), attr);
  const targets: JsonObject[] = [];
  if (attr.multiValued) {
    for (const e of elementsOf(current)) if (isObject(e)) targets.push(e);
    if (targets.length === 0) throw fail(ctx, 'noTarget', `'${t.label}': '${attr.name}' has no values to set '${sub.name}' on`);
  } else if (isObject(current)) targets.push(current);
  else if (!clearing) {
    const made: JsonObject = {};
    setAttr(holder(doc, t.resolved, true)!, attr, made);
    targets.push(made);
  }
  const before = primaries(current);
  for (const element of targets) setSub(attr, sub, element, clearing ? null : v, ctx, t.label);
  if (!attr.multiValued && isObject(current) && Object.keys(current).length === 0) unassign(doc, t, ctx);
  enforcePrimary(attr, before, getAttr(holder(doc, t.resolved, false), attr), ctx, t.label);
}

/** Sets (or, with null, removes) one sub-attribute of one element. */
function setSub(attr: AttributeDefinition, sub: AttributeDefinition, element: JsonObject, v: unknown, ctx: PatchContext, label: string): void {
  const key = findKey(element, sub.name);
  const cur = key === undefined ? undefined : element[key];
  if (v === null) {
    if (isAssigned(cur)) assertRemovable(sub, ctx, label);
    if (key !== undefined) delete element[key];
    return;
  }
  if (attr.mutability === 'readOnly') assertMutable(attr, cur, v, ctx, label);
  assertMutable(sub, cur, v, ctx, label);
  element[key ?? sub.name] = v;
}

function writeFiltered(doc: JsonObject, op: WriteOp, t: Target, value: unknown, ctx: PatchContext): void {
  const attr = t.attribute;
  const current = getAttr(holder(doc, t.resolved, false), attr);
  const list = elementsOf(current).map((e) => (isObject(e) ? { ...e } : e));
  const before = primaries(list);
  const matches = list.filter((e) => t.filter!.test(e)) as JsonObject[];
  const sub = t.sub;
  const v = sub ? (sub.multiValued ? coerceMulti(sub, value, ctx, t.label) : coerceSingle(sub, value, ctx, t.label)) : coerceSingle(attr, value, ctx, t.label);
  if (!sub && !isObject(v)) throw fail(ctx, 'invalidValue', `'${t.label}' selects values of '${attr.name}': the value must be an object of sub-attributes`);
  if (matches.length === 0) {
    const created = ctx.entra ? elementFromFilter(t) : undefined;
    // RFC 7644 §3.5.2.3 (SHALL): a value filter that matches no record is noTarget
    if (!created) throw fail(ctx, 'noTarget', `'${t.label}' matches no value of '${attr.name}'`);
    if (v === null) return;
    // ENTRA-SPEC §6.5: create the element the filter describes; later ops on the same filter land in it
    list.push(sub ? { ...created, [sub.name]: v } : { ...created, ...(v as JsonObject) });
  } else if (sub) {
    for (const m of matches) setSub(attr, sub, m, Array.isArray(v) && v.length === 0 ? null : v, ctx, t.label);
  } else if (op === 'add') {
    for (const m of matches) mergeInto(attr, m, v as JsonObject, ctx, t.label);
  } else {
    // RFC 7644 §3.5.2.3: "all matching record values SHALL be replaced"
    for (const m of matches) {
      const replacement = { ...(v as JsonObject) };
      for (const s of attr.subAttributes ?? []) assertMutable(s, getKey(m, s.name), replacement[s.name], ctx, `${t.label}.${s.name}`);
      list[list.indexOf(m)] = replacement;
    }
  }
  assertMutable(attr, current, list, ctx, t.label);
  setAttr(holder(doc, t.resolved, true)!, attr, list);
  enforcePrimary(attr, before, list, ctx, t.label);
}
