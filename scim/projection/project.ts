/**
 * @module scim/projection/project
 * Which attributes a response carries, RFC 7644 §3.4.2.5 and §3.9 with RFC 7643 §7 "returned":
 * `always` is always returned (id, schemas), `never` never (password), `request` only when named in
 * `attributes`, `default` unless excluded or unless `attributes` is given without naming it.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.9
 */
import type { AttributeDefinition, AttributeResolver, ScimResource } from '../types.js';
import { resolveAttribute } from '../path/common-attributes.js';
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

  const decide = (def: AttributeDefinition, schema: string, value: unknown): unknown => {
    if (def.returned === 'never') return undefined;
    // RFC 7644 §3.9: excludedAttributes "SHALL have no effect on attributes whose schema "returned" setting is "always""
    if (def.returned === 'always') return subFilter(def, value, undefined, undefined);
    const key = keyOf(schema, def.name);
    const pick = included?.attributes.get(key);
    if (included) {
      if (!pick && !included.schemas.has(schema.toLowerCase())) return undefined;
    }
    if (def.returned === 'request' && !pick) return undefined;
    const drop = excluded.attributes.get(key);
    if (drop?.whole || excluded.schemas.has(schema.toLowerCase())) return undefined;
    return subFilter(def, value, pick && !pick.whole ? pick.subs : undefined, drop?.subs);
  };

  return (resource) => {
    const out: Record<string, unknown> = {};
    const dropped = new Set<string>();
    for (const [key, value] of Object.entries(resource)) {
      if (key.toLowerCase() === 'schemas') {
        out[key] = value;
        continue;
      }
      if (key.toLowerCase().startsWith('urn:') && isObject(value)) {
        const inner: Record<string, unknown> = {};
        for (const [name, v] of Object.entries(value)) {
          const def = resolveAttribute(resolver, { schema: key, attribute: name })?.attribute ?? unknownAttribute(name);
          const kept = decide(def, key, v);
          if (kept !== undefined) inner[name] = kept;
        }
        if (Object.keys(inner).length > 0) out[key] = inner;
        else dropped.add(key.toLowerCase());
        continue;
      }
      const r = resolveAttribute(resolver, { attribute: key });
      const kept = decide(r?.attribute ?? unknownAttribute(key), r?.schema ?? '', value);
      if (kept !== undefined) out[key] = kept;
    }
    // RFC 7643 §3: "schemas" names the schemas the representation uses; an extension projected away goes too
    if (Array.isArray(out.schemas) && dropped.size > 0) {
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies returned/selection/exclusion to the sub-attributes of a complex value; empty results vanish. */
function subFilter(def: AttributeDefinition, value: unknown, only: Set<string> | undefined, drop: Set<string> | undefined): unknown {
  if (def.type !== 'complex' || !def.subAttributes) return value;
  const one = (item: unknown): unknown => {
    if (!isObject(item)) return item;
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(item)) {
      const sub = def.subAttributes!.find((s) => s.name.toLowerCase() === name.toLowerCase());
      const returned = sub?.returned ?? 'default';
      const lower = name.toLowerCase();
      if (returned === 'never') continue;
      if (returned !== 'always') {
        if (only ? !only.has(lower) : returned === 'request') continue;
        if (drop?.has(lower)) continue;
      }
      out[name] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  if (Array.isArray(value)) {
    const items = value.map(one).filter((x) => x !== undefined);
    return items.length > 0 || value.length === 0 ? items : undefined;
  }
  return one(value);
}
