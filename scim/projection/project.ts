/**
 * @module scim/projection/project
 * Which attributes a response carries, RFC 7644 §3.4.2.5 and §3.9 with RFC 7643 §7 "returned":
 * `always` is always returned (id, schemas), `never` never (password), `request` only when named in
 * `attributes`, `default` unless excluded or unless `attributes` is given without naming it.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.9
 *
 * A compiled projection runs for every resource a server returns, so it decides once per
 * attribute name (the decision depends on the name, never on the value) and remembers it; values it
 * keeps whole are shared with the input instead of copied. A complex value is copied only when one
 * of its sub-attributes goes, the resource only when one of its attributes goes: the result may be
 * the input itself, and is to be read, not changed.
 */
import type { AttributeDefinition, AttributeResolver, ScimResource } from '../types.js';
import { resolveAttribute } from '../path/common-attributes.js';
import { isObject } from '../path/values.js';
import type { AttributeListInput, AttributeSelector } from './attribute-list.js';
import { parseAttributeList } from './attribute-list.js';

export interface ProjectionRequest {
  readonly attributes?: AttributeListInput;
  readonly excludedAttributes?: AttributeListInput;
}

export interface ProjectionOptions {
  /** Schema URNs of the resource type, so URN-qualified entries split at the right colon. */
  readonly knownUrns?: readonly string[];
}

/** The result shares unchanged parts with the input (possibly all of it): read it, do not change it. */
export type Projection = (resource: ScimResource) => ScimResource;

interface Pick {
  whole: boolean;
  /** lower-case sub-attribute names */
  readonly subs: Set<string>;
}

interface Selection {
  readonly attributes: Map<string, Pick>;
  readonly schemas: Set<string>;
}

/** What happens to a value: dropped, kept as it is, or kept with some of its sub-attributes. */
type Rule = 'drop' | 'keep' | ComplexRule;

/** The rules for the members of an object: a complex value, or an extension's attributes. */
interface Scope {
  ruleFor(name: string): Rule;
}

interface ComplexRule extends Scope {
  readonly kind: 'complex';
}

/** Remembered decisions per name; names come from resources, so the memory is bounded. */
const MAX_REMEMBERED = 256;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size < MAX_REMEMBERED) map.set(key, value);
  return value;
}

const keyOf = (schema: string, name: string): string => `${schema.toLowerCase()}|${name.toLowerCase()}`;

function select(selectors: readonly AttributeSelector[], resolver: AttributeResolver): Selection {
  const selection: Selection = { attributes: new Map(), schemas: new Set() };
  for (const s of selectors) {
    if (s.attribute === undefined) {
      selection.schemas.add(s.schema!.toLowerCase());
      continue;
    }
    const r = resolveAttribute(resolver, { attribute: s.attribute, ...(s.schema !== undefined ? { schema: s.schema } : {}) });
    // an attribute no schema defines selects nothing (RFC 7644 leaves unknown names undefined)
    if (!r) continue;
    const key = keyOf(r.schema, r.attribute.name);
    const pick = selection.attributes.get(key) ?? { whole: false, subs: new Set<string>() };
    if (s.subAttribute === undefined) pick.whole = true;
    else pick.subs.add((r.subAttribute?.name ?? s.subAttribute).toLowerCase());
    selection.attributes.set(key, pick);
  }
  return selection;
}

/** Compiles the request once; the returned function projects each resource of a list. */
export function compileProjection(request: ProjectionRequest, resolver: AttributeResolver, options: ProjectionOptions = {}): Projection {
  const knownUrns = options.knownUrns ?? [];
  const requested = parseAttributeList(request.attributes, knownUrns, 'attributes');
  const included = requested.length > 0 ? select(requested, resolver) : undefined;
  const excluded = select(parseAttributeList(request.excludedAttributes, knownUrns, 'excludedAttributes'), resolver);

  const decide = (def: AttributeDefinition, schema: string): Rule => {
    if (def.returned === 'never') return 'drop';
    // RFC 7644 §3.9: excludedAttributes "SHALL have no effect on attributes whose schema "returned" setting is "always""
    if (def.returned === 'always') return valueRule(def, undefined, undefined);
    const key = keyOf(schema, def.name);
    const pick = included?.attributes.get(key);
    if (included) {
      if (!pick && !included.schemas.has(schema.toLowerCase())) return 'drop';
    }
    if (def.returned === 'request' && !pick) return 'drop';
    const drop = excluded.attributes.get(key);
    if (drop?.whole || excluded.schemas.has(schema.toLowerCase())) return 'drop';
    return valueRule(def, pick && !pick.whole ? pick.subs : undefined, drop?.subs);
  };

  // top-level name → rule; extension URN (as written) → the rules for its attributes
  const core = new Map<string, Rule>();
  const extensions = new Map<string, Scope>();

  const coreRule = (key: string): Rule => {
    const known = core.get(key);
    if (known !== undefined) return known;
    const r = resolveAttribute(resolver, { attribute: key });
    return remember(core, key, decide(r?.attribute ?? unknownAttribute(key), r?.schema ?? ''));
  };

  const extensionScope = (urn: string): Scope => {
    const known = extensions.get(urn);
    if (known !== undefined) return known;
    const rules = new Map<string, Rule>();
    return remember(extensions, urn, {
      ruleFor(name) {
        const rule = rules.get(name);
        if (rule !== undefined) return rule;
        const def = resolveAttribute(resolver, { schema: urn, attribute: name })?.attribute ?? unknownAttribute(name);
        return remember(rules, name, decide(def, urn));
      },
    });
  };

  // The resource itself when nothing goes (it is only read from then on), else a copy without what goes.
  return (resource) => {
    const source = plain(resource);
    let out: Record<string, unknown> | undefined;
    let dropped: Set<string> | undefined;
    let seen = 0;
    for (const key in source) {
      const value = source[key];
      let kept: unknown = value;
      if (isSchemasKey(key)) {
        if (out !== undefined) out[key] = value;
        seen++;
        continue;
      }
      if (isObject(value) && isUrnKey(key)) {
        kept = projectObject(value, extensionScope(key));
        if (kept === undefined) (dropped ??= new Set()).add(key.toLowerCase());
      } else {
        kept = apply(coreRule(key), value);
      }
      if (out === undefined && (kept !== value || kept === undefined)) out = head(source, seen);
      if (out !== undefined && kept !== undefined) out[key] = kept;
      seen++;
    }
    if (out === undefined) return source as ScimResource;
    // RFC 7643 §3: "schemas" names the schemas the representation uses; an extension projected away goes too
    if (Array.isArray(out.schemas) && dropped !== undefined) {
      out.schemas = (out.schemas as unknown[]).filter((u) => typeof u !== 'string' || !dropped.has(u.toLowerCase()));
    }
    return out as ScimResource;
  };
}

/** Projects one resource; for lists, compile once with compileProjection. */
export function project(resource: ScimResource, request: ProjectionRequest, resolver: AttributeResolver, options: ProjectionOptions = {}): ScimResource {
  const knownUrns = options.knownUrns ?? (Array.isArray(resource.schemas) ? resource.schemas.filter((s) => typeof s === 'string') : []);
  return compileProjection(request, resolver, { knownUrns })(resource);
}

function unknownAttribute(name: string): AttributeDefinition {
  return { name, type: 'string', multiValued: false, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none' };
}


// Only ASCII letters lower-case to the letters of `schemas` and `urn:`, so the cheap checks in
// front of toLowerCase (which allocates for every name with a capital) reject nothing that matches.
function isSchemasKey(key: string): boolean {
  return key === 'schemas' || (key.length === 7 && key.toLowerCase() === 'schemas');
}

function isUrnKey(key: string): boolean {
  return (key.charCodeAt(0) | 0x20) === 0x75 /* u */ && key.toLowerCase().startsWith('urn:');
}

function valueRule(def: AttributeDefinition, only: Set<string> | undefined, drop: Set<string> | undefined): Rule {
  if (def.type !== 'complex' || !def.subAttributes) return 'keep';
  const subs = new Map<string, AttributeDefinition>();
  // the first definition of a name wins, as a case-insensitive search from the start would find it
  for (const s of def.subAttributes) if (!subs.has(s.name.toLowerCase())) subs.set(s.name.toLowerCase(), s);
  const seen = new Map<string, Rule>();
  return {
    kind: 'complex',
    // returned never/request and the selection decide whether a sub-attribute survives
    ruleFor(name) {
      const known = seen.get(name);
      if (known !== undefined) return known;
      const lower = name.toLowerCase();
      const returned = subs.get(lower)?.returned ?? 'default';
      let keep = returned !== 'never';
      if (keep && returned !== 'always') {
        if (only ? !only.has(lower) : returned === 'request') keep = false;
        else if (drop?.has(lower)) keep = false;
      }
      return remember(seen, name, keep ? 'keep' : 'drop');
    },
  };
}

/** Applies a rule to a value: complex values lose the sub-attributes it drops; empty results vanish. */
function apply(rule: Rule, value: unknown): unknown {
  if (rule === 'keep') return value;
  if (rule === 'drop') return undefined;
  if (!Array.isArray(value)) return isObject(value) ? projectObject(value, rule) : value;
  let items: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const kept = isObject(item) ? projectObject(item, rule) : item;
    if (items === undefined && (kept !== item || kept === undefined)) items = value.slice(0, i);
    if (items !== undefined && kept !== undefined) items.push(kept);
  }
  if (items === undefined) return value;
  return items.length > 0 || value.length === 0 ? items : undefined;
}

/**
 * The members of `value` that survive their rules: the object itself when every member survives
 * unchanged, a copy when some go, undefined when none is left.
 */
function projectObject(value: Record<string, unknown>, scope: Scope): Record<string, unknown> | undefined {
  const source = plain(value);
  let out: Record<string, unknown> | undefined;
  let seen = 0;
  for (const name in source) {
    const v = source[name];
    const kept = apply(scope.ruleFor(name), v);
    if (out === undefined && (kept !== v || kept === undefined)) out = head(source, seen);
    if (out !== undefined && kept !== undefined) out[name] = kept;
    seen++;
  }
  if (out === undefined) return seen > 0 ? source : undefined;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A plain object with the same own enumerable members (`for…in` then sees exactly those); one with
 * a prototype of its own is copied, as JSON would see it.
 */
function plain<T extends object>(value: T): Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null ? value : { ...value }) as Record<string, unknown>;
}

/** A copy of the first `count` members. */
function head(source: Record<string, unknown>, count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let i = 0;
  for (const name in source) {
    if (i++ === count) break;
    out[name] = source[name];
  }
  return out;
}
