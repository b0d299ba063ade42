/**
 * @module engine/wire/dialect
 * The PATCH operations and POST bodies Entra sends, in its two PATCH dialects (ENTRA-SPEC §6.2,
 * §6.4, §6.5). Pure: the engine decides what changed; this module only spells it.
 * - `legacy` (the default): capitalised op names, one `Replace` per attribute with its path,
 *   booleans as the strings "True"/"False", members removed by value list;
 * - `compliant` (the `aadOptscim062020` flag): RFC 7644 lower-case ops, real booleans, every
 *   attribute without a value filter in one path-less `replace` keyed by dotted / URN paths, and
 *   one `remove` with a `members[value eq "…"]` path per removed member.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { eqFilter } from '../../scim/filter/build.js';
import { FORBIDDEN_KEYS, URN } from '../../scim/types.js';
import type { PatchOperation, ScimResource } from '../../scim/types.js';
import { emptyResource } from '../mapping/build-resource.js';
import { parseTargetPath } from '../mapping/target-path.js';
import type { PatchDialectSetting } from '../job/types.js';

export type PatchDialect = 'legacy' | 'compliant';

/** One changed target attribute: its Entra target attribute name and new value (null/undefined: cleared). */
export interface AttributeChange {
  readonly path: string;
  readonly value: unknown;
  /** the target holds no value yet: a simple path gets `Add` rather than `Replace` (§6.5) */
  readonly isNew?: boolean;
}

export const MANAGER_PATH = `${URN.EnterpriseUser}:manager`;

/** The dialect a job speaks: the setting, or for `auto` the flag in the Tenant URL's query (§6.2). */
export function dialectOf(targetUrl: string, setting: PatchDialectSetting = 'auto'): PatchDialect {
  if (setting === 'legacy' || setting === 'compliant') return setting;
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    throw new TypeError(`not a target URL: ${JSON.stringify(targetUrl)}`);
  }
  // flags are bare query keys (`?aadOptscim062020`); AzureAdScimPatch2017 downgrades, and is today's default anyway
  const flags = new Set([...url.searchParams.keys()].map((k) => k.toLowerCase()));
  if (flags.has('azureadscimpatch2017')) return 'legacy';
  return flags.has('aadoptscim062020') ? 'compliant' : 'legacy';
}

const OP_NAMES: Readonly<Record<PatchDialect, Readonly<Record<'add' | 'replace' | 'remove', string>>>> = {
  legacy: { add: 'Add', replace: 'Replace', remove: 'Remove' },
  compliant: { add: 'add', replace: 'replace', remove: 'remove' },
};

function op(dialect: PatchDialect, name: 'add' | 'replace' | 'remove'): string {
  return OP_NAMES[dialect][name];
}

/** The legacy dialect sends booleans as "True"/"False" (§6.4 Disable user, §6.5). */
function wireValue(value: unknown, dialect: PatchDialect): unknown {
  if (dialect === 'legacy' && typeof value === 'boolean') return value ? 'True' : 'False';
  return value;
}

const cleared = (value: unknown): boolean => value === null || value === undefined;

/**
 * The operations that set `changes` on an object (§6.5 "Several attributes changed"); a cleared
 * value becomes a `remove` of its path. Throws TypeError for a name that is not an Entra target path.
 */
export function attributeOps(changes: readonly AttributeChange[], dialect: PatchDialect): PatchOperation[] {
  const ops: PatchOperation[] = [];
  let combined: Record<string, unknown> | undefined;
  for (const { path, value, isNew } of changes) {
    const target = parseTargetPath(path);
    if (target === undefined) throw new TypeError(`not a target attribute name Entra can send: ${JSON.stringify(path)}`);
    if (cleared(value)) {
      ops.push({ op: op(dialect, 'remove'), path });
    } else if (dialect === 'legacy' || target.filter !== undefined) {
      // §6.5: "Add single-value string", "Extension attribute add"; a filter path keeps Replace,
      // which creates the filtered element when missing
      const name = isNew && target.filter === undefined ? 'add' : 'replace';
      ops.push({ op: op(dialect, name), path, value: wireValue(value, dialect) });
    } else {
      if (combined === undefined) {
        // the one path-less replace sits where its first attribute came
        combined = {};
        ops.push({ op: op(dialect, 'replace'), value: combined });
      }
      // keys are dotted / URN paths, not nested objects (§6.5); parseTargetPath refused prototype keys
      combined[path] = value;
    }
  }
  return ops;
}

/** Disable / re-enable (§6.4): `active` always with its own path, in both dialects. */
export function activeOps(active: boolean, dialect: PatchDialect): PatchOperation[] {
  return [{ op: op(dialect, 'replace'), path: 'active', value: wireValue(active, dialect) }];
}

/** Sets the manager as a plain string id (§6.4), or removes it for null. */
export function managerOps(managerTargetId: string | null, dialect: PatchDialect): PatchOperation[] {
  if (managerTargetId === null) return [{ op: op(dialect, 'remove'), path: MANAGER_PATH }];
  return [{ op: op(dialect, 'add'), path: MANAGER_PATH, value: managerTargetId }];
}

/**
 * Membership changes as PATCH requests (one operation list per request), each carrying at most
 * `batchSize` members (§6.4: several members per PATCH; the batch size is a job knob). Additions
 * come before removals.
 */
export function memberOps(add: readonly string[], remove: readonly string[], dialect: PatchDialect, batchSize: number): PatchOperation[][] {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new TypeError(`batchSize must be a positive integer, not ${batchSize}`);
  const work = [...add.map((id) => ({ kind: 'add' as const, id })), ...remove.map((id) => ({ kind: 'remove' as const, id }))];
  const requests: PatchOperation[][] = [];
  for (let i = 0; i < work.length; i += batchSize) {
    const chunk = work.slice(i, i + batchSize);
    const adds = chunk.filter((w) => w.kind === 'add').map((w) => w.id);
    const removes = chunk.filter((w) => w.kind === 'remove').map((w) => w.id);
    const ops: PatchOperation[] = [];
    if (adds.length > 0) {
      const value = dialect === 'legacy' ? adds.map((id) => ({ $ref: null, value: id })) : adds.map((id) => ({ value: id }));
      ops.push({ op: op(dialect, 'add'), path: 'members', value });
    }
    if (removes.length > 0) {
      if (dialect === 'legacy') ops.push({ op: 'Remove', path: 'members', value: removes.map((id) => ({ value: id })) });
      else for (const id of removes) ops.push({ op: 'remove', path: `members[${eqFilter('value', id)}]` });
    }
    requests.push(ops);
  }
  return requests;
}

/**
 * A user POST body (§3.5, §6.4): the core and enterprise schemas, `meta.resourceType`, no `id`,
 * null values left out, and `roles: []` when the mapping produced no roles, as in Microsoft's sample.
 */
export function createUserBody(resource: ScimResource): ScimResource {
  const body = createBody(resource, 'User');
  if (!Object.keys(body).some((k) => k.toLowerCase() === 'roles')) body.roles = [];
  return body;
}

/** A group POST body (§3.5, §6.4): core and ADSCIM group schemas, `meta.resourceType`, never members. */
export function createGroupBody(resource: ScimResource): ScimResource {
  const body = createBody(resource, 'Group');
  for (const key of Object.keys(body)) if (key.toLowerCase() === 'members') delete body[key];
  return body;
}

function createBody(resource: ScimResource, type: 'User' | 'Group'): ScimResource {
  const { schemas, meta } = emptyResource(type);
  const body: ScimResource = { schemas };
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (lower === 'schemas' || lower === 'meta' || lower === 'id' || FORBIDDEN_KEYS.has(key) || cleared(value)) continue;
    body[key] = copyValue(value);
  }
  body.meta = meta;
  return body;
}

/** A copy of a mapped JSON value (structuredClone was most of a create body's cost); no prototype keys. */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!FORBIDDEN_KEYS.has(k)) out[k] = copyValue(v);
  return out;
}
