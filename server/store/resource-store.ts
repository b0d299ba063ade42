/**
 * @module server/store/resource-store
 * The store's operations over a StoreState, shared by the memory and the durable store: identity
 * and meta (RFC 7643 §3.1), uniqueness (RFC 7644 §3.3), group membership (RFC 7643 §4.2), indexed
 * queries (RFC 7644 §3.4.2.2). Each write validates everything first, then changes memory in one
 * synchronous step (so checks and write are atomic), then hands the physical changes to the
 * persistence, whose promise the caller awaits.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.3
 */
import { randomUUID } from 'node:crypto';
import { ScimError } from '../../scim/errors.js';
import type { ScimResource } from '../../scim/types.js';
import { buildRecord, nextVersion } from './build.js';
import type { BuildContext } from './build.js';
import { locationOf, membersWithRefs } from './derived.js';
import type { StoredMember } from './derived.js';
import { derivedGroups, mentionsDerived } from './members.js';
import { planMembers } from './member-plan.js';
import { indexedCandidates } from './query-plan.js';
import type { Entry, StoreState } from './state.js';
import { assertUnique } from './uniqueness.js';
import { needsHashing, withHashedPassword } from './password.js';
import type { BatchClaims, UniquenessRules } from './uniqueness.js';
import type { QueryOptions, ResourceStore, ResourceTypeName, StoredResource, StoreOptions, StoreStats } from './types.js';

/** A physical change: replaying it over any state sets that record to this value (idempotent). */
export type Change =
  | { readonly op: 'put'; readonly type: ResourceTypeName; readonly resource: StoredResource }
  | { readonly op: 'delete'; readonly type: ResourceTypeName; readonly id: string }
  /** a group's members changed by a delta (StoreState.patchMembers): O(changed), not O(group) */
  | { readonly op: 'members'; readonly type: 'Group'; readonly id: string; readonly add: readonly StoredMember[]; readonly remove: readonly string[]; readonly meta: StoredResource['meta'] }
  | { readonly op: 'reset' };

/** Where changes go once applied in memory. */
export interface Persistence {
  /** throws when the store can take no more writes (closed, or a disk write failed) */
  assertWritable(): void;
  /** called synchronously right after memory changed; resolves once the changes are durable */
  commit(changes: readonly Change[]): Promise<void>;
  close(): Promise<void>;
  stats(): Omit<StoreStats, 'users' | 'groups'>;
}

/** Applies one change to a state: the single code path for live writes and journal replay. */
export function applyChange(state: StoreState, change: Change): void {
  switch (change.op) {
    case 'put': state.put(change.type, change.resource); return;
    case 'delete': state.delete(change.type, change.id); return;
    case 'members': state.patchMembers(change.id, change.add, change.remove, change.meta); return;
    case 'reset': state.clear(); return;
    default: {
      const never: never = change;
      throw new TypeError(`unknown change ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A string as one flat sequence: randomUUID() builds ids by concatenation, and V8 keeps such a
 * string as a tree of fragments (a rope, ~5 nodes of 32 bytes for a UUID) for as long as it lives.
 */
function flat(id: string): string {
  return typeof id === 'string' && id.length > 12 ? (JSON.parse(JSON.stringify(id)) as string) : id;
}

/** The journaled change for a member delta: the group's meta moves on like any write. */
function memberChange(group: StoredResource, add: readonly StoredMember[], remove: readonly string[], now: string): Change {
  return { op: 'members', type: 'Group', id: group.id, add, remove, meta: { ...group.meta, lastModified: now, version: nextVersion(group.meta.version) } };
}

export function createStoreCore(state: StoreState, options: StoreOptions, persistence: Persistence): ResourceStore {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const caseExactUserName = options.caseExactUserName;
  const rules: UniquenessRules = {
    // asked at every write: the rule belongs to whoever passed the function (the quirks in force)
    get caseExactUserName() {
      return typeof caseExactUserName === 'function' ? caseExactUserName() : (caseExactUserName ?? false);
    },
    uniqueGroupDisplayName: options.uniqueGroupDisplayName ?? true,
  };
  const validateMembers = options.validateMembers ?? true;

  const schemas = new Map<string, readonly string[]>();
  const context = (): BuildContext => ({ state, schemas, validateMembers, now: clock().toISOString() });

  function freshId(type: ResourceTypeName, taken?: ReadonlySet<string>): string {
    const id = flat(newId());
    if (typeof id !== 'string' || id === '' || state.get(type, id) || taken?.has(id)) {
      throw new TypeError(`newId() returned an unusable or duplicate id: ${String(id)}`);
    }
    return id;
  }

  // RFC 7643 §3.1 meta.location, §4.2 member $ref and §4.1.2 a user's `groups` are derived
  // whenever the resource is returned (./derived.ts): they follow the current base URL.
  function view(type: ResourceTypeName, resource: StoredResource): StoredResource {
    const { meta, ...rest } = resource;
    if (type === 'User') {
      const groups = derivedGroups(state, resource.id, baseUrl);
      if (groups.length > 0) rest.groups = Object.freeze(groups.map((g) => Object.freeze(g)));
    } else if (Array.isArray(rest.members)) {
      // Built on first read: a member PATCH, or a list that excludes members, never pays for
      // the `$ref`s of a 50k-member group (an enumerable getter reads like a plain property).
      const stored = rest.members as StoredMember[];
      let members: unknown[] | undefined;
      Object.defineProperty(rest, 'members', { enumerable: true, get: () => (members ??= membersWithRefs(baseUrl, stored) as unknown[]) });
    }
    rest.meta = Object.freeze({ resourceType: meta.resourceType, created: meta.created, lastModified: meta.lastModified, location: locationOf(baseUrl, type, resource.id), version: meta.version });
    return Object.freeze(rest) as StoredResource;
  }

  // Paging through an unfiltered list reads every record of the type per page; between writes
  // the list is the same, so it is kept (frozen: callers copy before they reorder).
  const all = new Map<ResourceTypeName, StoredResource[]>();
  function everything(type: ResourceTypeName): StoredResource[] {
    let list = all.get(type);
    if (!list) all.set(type, (list = Object.freeze(Array.from(state.records[type].values(), (e) => e.resource)) as StoredResource[]));
    return list;
  }

  function commit(changes: readonly Change[]): Promise<void> {
    persistence.assertWritable();
    all.clear();
    for (const change of changes) applyChange(state, change);
    return persistence.commit(changes);
  }

  /** the entries a filter can match (all of the type when no index applies), in creation order */
  function candidates(type: ResourceTypeName, filter: QueryOptions['filter']): Iterable<Entry> {
    const ids = filter ? indexedCandidates(state, type, filter) : undefined;
    if (ids === undefined) return state.records[type].values();
    if (ids.length === 1) {
      const hit = state.get(type, ids[0]!);
      return hit ? [hit] : [];
    }
    const hits = ids.map((id) => state.get(type, id)).filter((e) => e !== undefined);
    return hits.sort((a, b) => a.ord - b.ord);
  }

  function existing(type: ResourceTypeName, id: string): Entry {
    const entry = state.get(type, id);
    if (!entry) throw ScimError.notFound(`${type} ${id} not found`);
    return entry;
  }

  return {
    get(type, id) {
      const entry = state.get(type, id);
      return entry && view(type, entry.resource);
    },

    query(type, query: QueryOptions = {}) {
      const out: StoredResource[] = [];
      for (const entry of candidates(type, query.filter)) {
        const resource = view(type, entry.resource);
        if (!query.predicate || query.predicate(resource)) out.push(resource);
      }
      return out;
    },

    select(type, query: QueryOptions = {}) {
      const { predicate } = query;
      if (!predicate && !query.filter) return everything(type);
      const out: StoredResource[] = [];
      if (!predicate) {
        for (const entry of candidates(type, query.filter)) out.push(entry.resource);
        return out;
      }
      // Deriving `groups` for every candidate is the expensive part of a scan at 100k users:
      // only a filter that names a derived attribute needs the record as returned.
      const derived = !query.filter || mentionsDerived(query.filter);
      for (const entry of candidates(type, query.filter)) {
        if (predicate(derived ? view(type, entry.resource) : entry.resource)) out.push(entry.resource);
      }
      return out;
    },

    view,

    count(type) {
      return state.records[type].size;
    },

    async create(type, rawInput) {
      persistence.assertWritable();
      const input = needsHashing(rawInput) ? await withHashedPassword(rawInput) : rawInput;
      const record = buildRecord(context(), type, freshId(type), input);
      assertUnique(state, type, record, rules);
      await commit([{ op: 'put', type, resource: record }]);
      return view(type, record);
    },

    async createMany(type, inputs) {
      const ctx = context();
      const claims: BatchClaims = new Map();
      const ids = new Set<string>();
      const records = inputs.map((input, i) => {
        try {
          const id = freshId(type, ids);
          ids.add(id);
          const record = buildRecord(ctx, type, id, input);
          assertUnique(state, type, record, rules, claims);
          return record;
        } catch (error) {
          if (error instanceof ScimError) throw new ScimError(error.status, error.scimType, `resource ${i}: ${error.message}`);
          throw error;
        }
      });
      await commit(records.map((resource) => ({ op: 'put', type, resource })));
      return records.map((record) => view(type, record));
    },

    async replace(type, id, rawInput) {
      let input = rawInput;
      if (needsHashing(rawInput)) {
        // The only wait inside a write: the callers computed `input` from the version they read,
        // so a write that landed meanwhile would be silently overwritten. Refuse instead.
        const before = existing(type, id).resource.meta.version;
        input = await withHashedPassword(rawInput);
        if (existing(type, id).resource.meta.version !== before) throw new ScimError(409, undefined, `${type} ${id} changed while its new password was being hashed: read it again and retry`);
      }
      const { resource: old } = existing(type, id);
      const record = buildRecord(context(), type, id, input, { created: old.meta.created, version: old.meta.version });
      assertUnique(state, type, record, rules);
      await commit([{ op: 'put', type, resource: record }]);
      return view(type, record);
    },

    async delete(type, id) {
      existing(type, id);
      const now = clock().toISOString();
      const gone = new Set([id]);
      // A deleted resource leaves every group that listed it: those groups change (version, lastModified).
      const groups = state.memberOf.get(id).map((gid) => state.get('Group', gid)).filter((e) => e !== undefined);
      const changes: Change[] = [{ op: 'delete', type, id }];
      for (const { resource } of groups) if (resource.id !== id) changes.push(memberChange(resource, [], [...gone], now));
      await commit(changes);
    },

    // Not async: "not expressible" is answered synchronously, so the caller's general path runs
    // in the same turn as its read (no other write can slip in between).
    patchMembers(id, steps) {
      persistence.assertWritable();
      const { resource: group } = existing('Group', id);
      const delta = planMembers(state, group, steps, { validateMembers, groupId: id });
      if (delta === undefined) return undefined;
      if (delta.add.length === 0 && delta.remove.length === 0) return Promise.resolve(view('Group', group));
      return commit([memberChange(group, delta.add, delta.remove, clock().toISOString())]).then(() => view('Group', state.get('Group', id)?.resource ?? group));
    },

    async reset() {
      await commit([{ op: 'reset' }]);
    },

    close() {
      return persistence.close();
    },

    stats() {
      return { users: state.records.User.size, groups: state.records.Group.size, ...persistence.stats() };
    },
  };
}
