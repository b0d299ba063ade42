/**
 * @module scim/schema/canonicalize
 * Rewrites a resource body to the schema's spelling: attribute names are case-insensitive
 * (RFC 7643 §2.1) and come back as the schema writes them, URN-qualified top-level keys are folded
 * into their extension object (RFC 7644 §3.10), null values are unassigned (RFC 7643 §2.5), and
 * every unknown attribute is collected. https://datatracker.ietf.org/doc/html/rfc7643#section-2.1
 */
import type { AttributeDefinition } from '../types.js';
import { FORBIDDEN_KEYS } from '../types.js';
import { ScimError } from '../errors.js';
import type { SchemaRegistry } from './registry.js';
import type { SchemaSection } from './layout.js';
import { findAttribute, isPlainObject, resourceLayout } from './layout.js';
import { splitSchemaUrn } from './urn.js';

export interface CanonicalizeOptions {
  readonly registry: SchemaRegistry;
  readonly resourceType: string;
  /** "True"/"False" strings (any case) become booleans on boolean attributes (Entra, ENTRA-SPEC §6.5). */
  readonly lenientBooleans?: boolean;
}

export interface Canonicalized {
  /** Attributes in canonical spelling; extension attributes under their URN. `schemas` is left out. */
  readonly body: Record<string, unknown>;
  /** Paths of attributes no schema of the resource type defines. */
  readonly unknown: readonly string[];
  /** Attributes given more than once under different spellings ("userName" and "USERNAME"). */
  readonly duplicates: readonly string[];
  /** Values that cannot be folded (`path: problem`), e.g. an extension that is not an object. */
  readonly problems: readonly string[];
}

/** "True"/"FALSE" → boolean; anything else unchanged. */
export function coerceBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

/**
 * RFC 7644 §3.12 / house rule: `__proto__`, `constructor` and `prototype` are rejected at any depth.
 * JSON.parse makes `__proto__` an own property, so own keys are what is checked.
 */
export function assertNoForbiddenKeys(value: unknown, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoForbiddenKeys(v, `${path}[${i}]`));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) throw ScimError.invalidSyntax(`Attribute name "${key}" is not allowed (at ${at})`);
    assertNoForbiddenKeys(value[key], at);
  }
}

export function canonicalizeResource(input: Record<string, unknown>, options: CanonicalizeOptions): Canonicalized {
  const sections = resourceLayout(options.registry, options.resourceType);
  const core = sections[0]!;
  const urns = sections.map((s) => s.urn);
  const body: Record<string, unknown> = {};
  const unknown: string[] = [];
  const problems: string[] = [];
  const duplicates: string[] = [];
  const lenient = options.lenientBooleans === true;

  const value = (def: AttributeDefinition, v: unknown, path: string): unknown => {
    if (v === null) return undefined;
    if (def.multiValued && Array.isArray(v)) return v.map((item, i) => single(def, item, `${path}[${i}]`)).filter((x) => x !== undefined);
    return single(def, v, path);
  };
  const single = (def: AttributeDefinition, v: unknown, path: string): unknown => {
    if (v === null) return undefined;
    if (def.type === 'complex' && isPlainObject(v)) return complex(def, v, path);
    if (def.type === 'boolean' && lenient) return coerceBoolean(v);
    return v;
  };
  const complex = (def: AttributeDefinition, v: Record<string, unknown>, path: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(v)) {
      const subDef = findAttribute(def.subAttributes, key);
      if (!subDef) {
        unknown.push(`${path}.${key}`);
        continue;
      }
      put(out, subDef, value(subDef, sub, `${path}.${subDef.name}`), `${path}.${subDef.name}`);
    }
    return out;
  };
  const put = (target: Record<string, unknown>, def: AttributeDefinition, v: unknown, path: string): void => {
    if (v === undefined) return;
    if (Object.hasOwn(target, def.name)) {
      // the same attribute spelled twice ("userName" and "USERNAME") cannot be told apart
      duplicates.push(path);
      return;
    }
    target[def.name] = v;
  };
  const extensionTarget = (section: SchemaSection): Record<string, unknown> | undefined => {
    const existing = body[section.urn];
    if (existing === undefined) {
      const created: Record<string, unknown> = {};
      body[section.urn] = created;
      return created;
    }
    return isPlainObject(existing) ? existing : undefined;
  };
  // attr or attr.sub inside one schema section
  const putPath = (section: SchemaSection, target: Record<string, unknown>, rest: string, v: unknown, label: string): void => {
    const [name = '', subName, ...extra] = rest.split('.');
    const def = findAttribute(section.attributes, name);
    if (!def || extra.length > 0) {
      unknown.push(label);
      return;
    }
    const path = section.extension ? `${section.urn}:${def.name}` : def.name;
    if (subName === undefined) {
      put(target, def, value(def, v, path), path);
      return;
    }
    const subDef = def.type === 'complex' && !def.multiValued ? findAttribute(def.subAttributes, subName) : undefined;
    if (!subDef) {
      unknown.push(label);
      return;
    }
    const holder = target[def.name] ?? (target[def.name] = {});
    if (!isPlainObject(holder)) {
      duplicates.push(path);
      return;
    }
    put(holder, subDef, value(subDef, v, `${path}.${subDef.name}`), `${path}.${subDef.name}`);
  };

  for (const [key, v] of Object.entries(input)) {
    if (key.toLowerCase() === 'schemas') continue;
    const split = splitSchemaUrn(key, urns);
    if (split.schema === undefined) {
      // dotted keys are PATCH path syntax (RFC 7644 §3.5.2), not resource body syntax
      if (key.includes('.')) unknown.push(key);
      else putPath(core, body, key, v, key);
      continue;
    }
    const section = split.known ? sections.find((s) => s.urn === split.schema) : undefined;
    if (!section) {
      unknown.push(key);
      continue;
    }
    if (split.rest !== '') {
      // RFC 7644 §3.10: "urn:…:User:department" names the attribute of that schema
      const target = section.extension ? extensionTarget(section) : body;
      if (!target) problems.push(`${section.urn}: must be an object`);
      else putPath(section, target, split.rest, v, key);
      continue;
    }
    if (!section.extension) {
      unknown.push(key);
      continue;
    }
    if (v === null) continue;
    if (!isPlainObject(v)) {
      problems.push(`${section.urn}: must be an object`);
      continue;
    }
    const target = extensionTarget(section);
    if (!target) continue;
    for (const [name, sub] of Object.entries(v)) {
      if (name.includes('.')) unknown.push(`${section.urn}:${name}`);
      else putPath(section, target, name, sub, `${section.urn}:${name}`);
    }
  }
  for (const section of sections) {
    if (section.extension && isPlainObject(body[section.urn]) && Object.keys(body[section.urn] as object).length === 0) delete body[section.urn];
  }
  return { body, unknown, duplicates, problems };
}
