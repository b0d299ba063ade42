/**
 * @module scim/patch/diff
 * The PATCH operations that turn one resource into another, RFC 7644 §3.5.2: `replace` for a
 * changed value or sub-attribute, `add` for a new one, `remove` for one that is gone. A
 * multi-valued attribute whose elements carry a scalar `value` changes by element (remove
 * `emails[value eq "x"]`, add the new elements) when that reproduces the target list exactly;
 * otherwise it is replaced whole. `id`, `meta` and `schemas` are the server's bookkeeping and are
 * never diffed. Extension attributes get URN-qualified paths (RFC 7644 §3.10).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 *
 * Names are paired case-insensitively (RFC 7643 §2.1). null, [] and {} are unassigned (§2.5).
 */
import { eqFilter } from '../filter/build.js';
import { parseAttributePath } from '../path/parse.js';
import { isObject } from '../path/values.js';
import type { JsonObject } from '../path/values.js';
import { FORBIDDEN_KEYS } from '../types.js';
import type { PatchOperation, ScimResource } from '../types.js';
import { deepEqual } from './context.js';
import { canonical } from './document.js';

export interface DiffOptions {
  /**
   * diff only these attributes (`userName`, `name.givenName`, `urn:…:User:employeeNumber`);
   * a path with a value filter selects its whole attribute. Default: every attribute.
   */
  readonly attributes?: readonly string[];
}

const BOOKKEEPING = new Set(['id', 'meta', 'schemas']);

/** The operations, in the order of `after`'s attributes, then those only `before` has. */
export function diffResources(before: ScimResource, after: ScimResource, options: DiffOptions = {}): PatchOperation[] {
  const selection = options.attributes === undefined ? undefined : select(options.attributes);
  const extensions = new Set([...extensionKeys(before), ...extensionKeys(after)]);
  const ops: PatchOperation[] = [];
  for (const [key, b, a] of pairs(before, after)) {
    const lower = key.toLowerCase();
    if (BOOKKEEPING.has(lower)) continue;
    if (extensions.has(lower)) {
      // RFC 7643 §3.3: an extension's attributes sit under its URN; diff them with qualified paths
      const inner = pairs(isObject(b) ? b : {}, isObject(a) ? a : {});
      for (const [name, bb, aa] of inner) diffAttribute(`${key}:${name}`, bb, aa, selection ? selection(lower, name) : 'all', ops);
    } else {
      diffAttribute(key, b, a, selection ? selection('', key) : 'all', ops);
    }
  }
  return ops;
}

/** Which parts of (schema, attribute) to diff: 'all', a set of lower-cased sub-attributes, or undefined (none). */
type Selection = (schema: string, attribute: string) => 'all' | ReadonlySet<string> | undefined;

function select(attributes: readonly string[]): Selection {
  const chosen = new Map<string, 'all' | Set<string>>();
  for (const text of attributes) {
    let path;
    try {
      path = parseAttributePath(text);
    } catch (error) {
      throw new TypeError(`not a SCIM attribute path: ${JSON.stringify(text)} (${(error as Error).message})`);
    }
    const keys = [`${(path.schema ?? '').toLowerCase()}|${path.attribute.toLowerCase()}`];
    // a URN-qualified core attribute (urn:…:core:2.0:User:userName) is a top-level one
    if (path.schema !== undefined) keys.push(`|${path.attribute.toLowerCase()}`);
    for (const key of keys) {
      const current = chosen.get(key);
      if (path.subAttribute === undefined || path.filter !== undefined) chosen.set(key, 'all');
      else if (current !== 'all') chosen.set(key, (current ?? new Set()).add(path.subAttribute.toLowerCase()));
    }
  }
  return (schema, attribute) => chosen.get(`${schema}|${attribute.toLowerCase()}`);
}

function extensionKeys(resource: ScimResource): string[] {
  return Object.keys(resource).filter((k) => k.toLowerCase().startsWith('urn:') && isObject(resource[k])).map((k) => k.toLowerCase());
}

/** [name, before value, after value] for every name either object has, paired case-insensitively. */
function pairs(before: JsonObject, after: JsonObject): [string, unknown, unknown][] {
  const out: [string, unknown, unknown][] = [];
  const seen = new Set<string>();
  const beforeKeys = new Map(Object.keys(before).map((k) => [k.toLowerCase(), k]));
  for (const key of Object.keys(after)) {
    const lower = key.toLowerCase();
    if (FORBIDDEN_KEYS.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    const b = beforeKeys.get(lower);
    out.push([key, b === undefined ? undefined : before[b], after[key]]);
  }
  for (const [lower, key] of beforeKeys) {
    if (FORBIDDEN_KEYS.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    out.push([key, before[key], undefined]);
  }
  return out;
}

/** RFC 7643 §2.5: null, [] and {} are unassigned. */
function assigned(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

function diffAttribute(path: string, before: unknown, after: unknown, selection: 'all' | ReadonlySet<string> | undefined, ops: PatchOperation[]): void {
  if (selection === undefined) return;
  const b = assigned(before) ? before : undefined;
  const a = assigned(after) ? after : undefined;
  if (b === undefined && a === undefined) return;
  if (deepEqual(b, a)) return;
  const subs = selection === 'all' ? undefined : selection;
  if (subs !== undefined || (isObject(b) && isObject(a))) return diffComplex(path, isObject(b) ? b : {}, isObject(a) ? a : {}, subs, ops);
  if (a === undefined) return void ops.push({ op: 'remove', path });
  // RFC 7644 §3.5.2.1: add merges a value into an equal one, even one added by the same operation
  if (b === undefined) return void ops.push({ op: Array.isArray(a) && mergesOnAdd(a) ? 'replace' : 'add', path, value: a });
  if (Array.isArray(b) && Array.isArray(a) && diffElements(path, b, a, ops)) return;
  ops.push({ op: 'replace', path, value: a });
}

/**
 * Whether adding `list` to an empty attribute could keep fewer elements than it holds: two share a
 * `value` (compared case-insensitively, as the laxest attribute compares), or two without one are
 * equal. Conservative: replace, which sets the list as it is, is right either way.
 */
function mergesOnAdd(list: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (const element of list) {
    const value = isObject(element) ? element.value : undefined;
    const key = value === undefined ? `s${canonical(element)}` : `v${typeof value === 'string' ? value.toLowerCase() : canonical(value)}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** Sub-attribute by sub-attribute (RFC 7644 §3.5.2: `name.givenName`). */
function diffComplex(path: string, before: JsonObject, after: JsonObject, subs: ReadonlySet<string> | undefined, ops: PatchOperation[]): void {
  for (const [name, b, a] of pairs(before, after)) {
    if (subs !== undefined && !subs.has(name.toLowerCase())) continue;
    const sub = `${path}.${name}`;
    const bb = assigned(b) ? b : undefined;
    const aa = assigned(a) ? a : undefined;
    if (deepEqual(bb, aa)) continue;
    if (aa === undefined) ops.push({ op: 'remove', path: sub });
    else ops.push({ op: bb === undefined ? 'add' : 'replace', path: sub, value: aa });
  }
}

/**
 * Element-wise operations for a multi-valued attribute whose elements all carry a scalar `value`,
 * when removing and appending reproduces `after` exactly; false when it must be replaced whole.
 */
function diffElements(path: string, before: readonly unknown[], after: readonly unknown[], ops: PatchOperation[]): boolean {
  const scalarValue = (e: unknown): string | number | boolean | undefined => {
    if (!isObject(e)) return undefined;
    const v = e.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  };
  if (![...before, ...after].every((e) => scalarValue(e) !== undefined)) return false;
  // a value filter may match case-insensitively (RFC 7643 §2.4 caseExact false), so each value must be unique that way
  const norm = (e: unknown) => String(scalarValue(e)).toLowerCase();
  const unique = (list: readonly unknown[]) => new Set(list.map(norm)).size === list.length;
  if (!unique(before) || !unique(after)) return false;
  const removed = before.filter((e) => !after.some((x) => deepEqual(x, e)));
  const kept = before.filter((e) => !removed.includes(e));
  const added = after.filter((e) => !before.some((x) => deepEqual(x, e)));
  // RFC 7644 §3.5.2.1: add merges into an element with the same value, so an added value must be new
  if (added.some((e) => kept.some((k) => norm(k) === norm(e)))) return false;
  if (!deepEqual([...kept, ...added], after)) return false;
  const ownOps: PatchOperation[] = removed.map((e) => ({ op: 'remove', path: `${path}[${eqFilter('value', scalarValue(e)!)}]` }));
  // removing every value and adding new ones is no shorter than a replace
  if (kept.length === 0 && added.length > 0) return false;
  if (added.length > 0) ownOps.push({ op: 'add', path, value: added });
  ops.push(...ownOps);
  return true;
}
