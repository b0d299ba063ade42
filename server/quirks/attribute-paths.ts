/**
 * @module server/quirks/attribute-paths
 * Builds CompiledPaths on the project's path parser, schema resolver and value access (scim/path,
 * scim/schema, scim/filter): names resolve case-insensitively (RFC 7643 §2.1), extension
 * attributes live under their schema URN (§3.3), a value filter selects elements of a multi-valued
 * attribute (RFC 7644 §3.10). Writes are copy-on-write: stored resources are frozen.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.10
 */
import { compileValueFilter } from '../../scim/filter/evaluate.js';
import { resolveAttribute } from '../../scim/path/common-attributes.js';
import { findKey, getKey, isObject } from '../../scim/path/values.js';
import type { JsonObject } from '../../scim/path/values.js';
import type { AttributePath } from '../../scim/path/types.js';
import { defaultSchemaRegistry } from '../../scim/schema/registry.js';
import type { SchemaRegistry } from '../../scim/schema/registry.js';
import type { ResolvedAttribute, ScimResource } from '../../scim/types.js';
import type { ResourceTypeName } from '../store/types.js';
import type { CompiledPath, PathCompiler } from './compiled-path.js';
import { parseProfilePath } from './parse-path.js';

const REMOVE: unique symbol = Symbol('remove');
type Rewrite = (raw: unknown) => unknown | typeof REMOVE;

export function createPathCompiler(registry: SchemaRegistry = defaultSchemaRegistry()): PathCompiler {
  const compile = (resourceType: ResourceTypeName, text: string): CompiledPath => {
    const path = parseProfilePath(text, registry.schemaUrns(resourceType));
    const ref = { ...(path.schema !== undefined ? { schema: path.schema } : {}), attribute: path.attribute };
    const parent = resolveAttribute(registry.resolver(resourceType), ref);
    if (!parent) throw new TypeError(`'${text}' is not an attribute of ${resourceType}`);
    let resolved: ResolvedAttribute = parent;
    if (path.subAttribute !== undefined) {
      const sub = parent.attribute.subAttributes?.find((s) => s.name.toLowerCase() === path.subAttribute!.toLowerCase());
      if (!sub) throw new TypeError(`'${text}': ${parent.attribute.name} has no sub-attribute '${path.subAttribute}'`);
      resolved = { ...parent, subAttribute: sub };
    }
    if (path.filter !== undefined && !(parent.attribute.multiValued && parent.attribute.type === 'complex')) {
      throw new TypeError(`'${text}': a value filter needs a multi-valued complex attribute`);
    }
    const selects = path.filter === undefined ? () => true : compileValueFilter(path.filter, parent);
    return pathOver(text, resolved, selects);
  };
  return Object.assign(compile, {
    hasValueFilter(text: string): boolean | undefined {
      try {
        return parseProfilePath(text, []).filter !== undefined;
      } catch {
        return undefined;
      }
    },
  });
}

function pathOver(text: string, resolved: ResolvedAttribute, selects: (element: unknown) => boolean): CompiledPath {
  const name = resolved.attribute.name;
  const sub = resolved.subAttribute?.name;
  const leaves = (raw: unknown): unknown[] => {
    const elements = Array.isArray(raw) ? raw.filter(selects) : raw === undefined || raw === null ? [] : [raw];
    if (sub === undefined) return elements.filter((v) => v !== undefined && v !== null);
    return elements.flatMap((e) => {
      const v = isObject(e) ? getKey(e, sub) : undefined;
      return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    });
  };
  /** Rewrites each selected element (or the sub-attribute inside it); unchanged input comes back as is. */
  const rewrite = (raw: unknown, fn: Rewrite): unknown => {
    const one = (element: unknown): unknown => {
      if (sub === undefined) return fn(element);
      if (!isObject(element)) return element;
      const key = findKey(element, sub);
      if (key === undefined || element[key] === null) return element;
      const next = fn(element[key]);
      if (next === element[key]) return element;
      const copy: JsonObject = { ...element };
      if (next === REMOVE) delete copy[key];
      else copy[key] = next;
      return copy;
    };
    if (Array.isArray(raw)) {
      let changed = false;
      const out: unknown[] = [];
      for (const element of raw) {
        const next = selects(element) ? one(element) : element;
        if (next !== element) changed = true;
        if (next !== REMOVE) out.push(next);
      }
      if (!changed) return raw;
      return out.length === 0 ? REMOVE : out;
    }
    return raw === undefined || raw === null ? raw : one(raw);
  };
  const apply = (resource: ScimResource, fn: Rewrite): ScimResource => {
    const holderKey = resolved.extension ? findKey(resource, resolved.schema) : undefined;
    if (resolved.extension && holderKey === undefined) return resource;
    const holder = (holderKey === undefined ? resource : resource[holderKey]) as unknown;
    if (!isObject(holder)) return resource;
    const key = findKey(holder, name);
    if (key === undefined) return resource;
    const next = rewrite(holder[key], fn);
    if (next === holder[key]) return resource;
    const copy: JsonObject = { ...holder };
    if (next === REMOVE) delete copy[key];
    else copy[key] = next;
    return holderKey === undefined ? (copy as ScimResource) : { ...resource, [holderKey]: copy };
  };
  return {
    text,
    read(resource) {
      const holder = resolved.extension ? getKey(resource, resolved.schema) : resource;
      return isObject(holder) ? leaves(getKey(holder, name)) : [];
    },
    map: (resource, fn) => apply(resource, fn),
    remove: (resource) => apply(resource, () => REMOVE),
  };
}

export type { AttributePath };
