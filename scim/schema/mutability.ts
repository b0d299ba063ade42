/**
 * @module scim/schema/mutability
 * What a write may change, RFC 7643 §7 "mutability" and RFC 7644 §3.5.1: readOnly input is ignored,
 * an immutable value that is already set must match, writeOnly values are stored but never returned.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.1
 */
import type { AttributeDefinition } from '../types.js';
import { ScimError } from '../errors.js';
import type { SchemaSection } from './layout.js';
import { isPlainObject } from './layout.js';

/**
 * RFC 7644 §3.5.1 (readOnly): "Any values provided SHALL be ignored." Drops readOnly attributes and
 * readOnly sub-attributes (e.g. manager.displayName, meta, id, groups) from a canonical body, in place.
 */
export function dropReadOnly(body: Record<string, unknown>, sections: readonly SchemaSection[]): void {
  for (const section of sections) {
    const holder = section.extension ? body[section.urn] : body;
    if (!isPlainObject(holder)) continue;
    dropIn(holder, section.attributes);
  }
}

function dropIn(holder: Record<string, unknown>, attributes: readonly AttributeDefinition[]): void {
  for (const def of attributes) {
    if (!Object.hasOwn(holder, def.name)) continue;
    if (def.mutability === 'readOnly') {
      delete holder[def.name];
      continue;
    }
    if (def.type !== 'complex' || !def.subAttributes) continue;
    const values = def.multiValued && Array.isArray(holder[def.name]) ? (holder[def.name] as unknown[]) : [holder[def.name]];
    for (const v of values) if (isPlainObject(v)) dropIn(v, def.subAttributes);
  }
}

/**
 * RFC 7644 §3.5.1 (immutable, MUST): "If one or more values are already set for the attribute, the
 * input value(s) MUST match" → 400 mutability. Setting a value that had none is allowed. An immutable
 * value left out of a replace keeps its stored value, since it can be neither changed nor cleared.
 * Elements of multi-valued complex attributes (members) have no identity across a replace, so their
 * immutable sub-attributes are not compared here; PATCH enforces them per element.
 */
export function enforceImmutable(
  body: Record<string, unknown>,
  existing: Record<string, unknown>,
  sections: readonly SchemaSection[],
): void {
  const changed: string[] = [];
  for (const section of sections) {
    const before = section.extension ? existing[section.urn] : existing;
    if (!isPlainObject(before)) continue;
    let after = section.extension ? body[section.urn] : body;
    if (!isPlainObject(after)) {
      if (!section.attributes.some((a) => a.mutability === 'immutable' && Object.hasOwn(before, a.name))) continue;
      after = body[section.urn] = {};
    }
    compareIn(after as Record<string, unknown>, before, section.attributes, section.extension ? `${section.urn}:` : '', changed);
  }
  if (changed.length > 0) throw ScimError.mutability(`Immutable attributes cannot be changed: ${changed.join(', ')}`);
}

function compareIn(
  after: Record<string, unknown>,
  before: Record<string, unknown>,
  attributes: readonly AttributeDefinition[],
  prefix: string,
  changed: string[],
): void {
  for (const def of attributes) {
    const old = before[def.name];
    if (old === undefined || old === null) continue;
    if (def.mutability === 'immutable') {
      if (!Object.hasOwn(after, def.name)) after[def.name] = structuredClone(old);
      else if (!sameValue(def, after[def.name], old)) changed.push(prefix + def.name);
      continue;
    }
    if (def.type === 'complex' && !def.multiValued && def.subAttributes && isPlainObject(old)) {
      const next = after[def.name];
      if (next === undefined) {
        if (!def.subAttributes.some((s) => s.mutability === 'immutable' && Object.hasOwn(old, s.name))) continue;
        after[def.name] = {};
      } else if (!isPlainObject(next)) continue;
      compareIn(after[def.name] as Record<string, unknown>, old, def.subAttributes, `${prefix}${def.name}.`, changed);
    }
  }
}

/** Equality as the attribute's caseExact characteristic defines it (RFC 7643 §2.2). */
export function sameValue(def: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    return def.caseExact || def.type === 'binary' ? a === b : a.toLowerCase() === b.toLowerCase();
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(def, x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => {
      const sub = def.subAttributes?.find((s) => s.name === k) ?? def;
      return sameValue(sub, a[k], b[k]);
    });
  }
  return a === b;
}
