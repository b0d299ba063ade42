/**
 * @module server/store/state
 * The in-memory state of a store: records per resource type in creation order, and the indexes
 * kept in step with every put and delete. Puts are physical (a whole record replaces whatever the
 * id held), so replaying a journal over a state that already holds some of it is harmless.
 */
import { MultiIndex } from './multi-index.js';
import type { StoredMember } from './derived.js';
import type { ResourceTypeName, StoredResource } from './types.js';

/** A stored record: a frozen resource and its creation ordinal (creation order of query results). */
export interface Entry {
  readonly resource: StoredResource;
  readonly ord: number;
}

/** One secondary index: the canonical attribute path it covers and the index itself. */
export interface IndexedPath {
  readonly path: string;
  readonly index: MultiIndex;
}

/** The indexes of one resource type, by lower-cased attribute path (how filters are matched). */
export type TypeIndexes = ReadonlyMap<string, IndexedPath>;

function indexesFor(paths: readonly string[]): TypeIndexes {
  return new Map(paths.map((path) => [path.toLowerCase(), { path, index: new MultiIndex() }]));
}

export class StoreState {
  readonly records: Readonly<Record<ResourceTypeName, Map<string, Entry>>> = { User: new Map(), Group: new Map() };
  readonly indexes: Readonly<Record<ResourceTypeName, TypeIndexes>> = {
    User: indexesFor(['userName', 'externalId', 'emails.value']),
    Group: indexesFor(['displayName', 'externalId']),
  };
  /** member id (user or group) → ids of the groups listing it: the reverse index behind `groups` */
  readonly memberOf = new MultiIndex({ fold: false });
  #ord = 0;

  get(type: ResourceTypeName, id: string): Entry | undefined {
    return this.records[type].get(id);
  }

  put(type: ResourceTypeName, resource: StoredResource): void {
    const map = this.records[type];
    const old = map.get(resource.id);
    if (old) this.#unindex(type, old.resource);
    // Map.set on an existing key keeps its position: a replace stays in creation order.
    map.set(resource.id, { resource, ord: old ? old.ord : this.#ord++ });
    this.#index(type, resource);
  }

  /**
   * Changes a group's members by a delta (removals first, then additions appended) without
   * re-indexing the rest of the group: O(changed members) for the indexes, one array copy for the
   * record. Idempotent like put: a removal of a non-member or an addition of a member is skipped.
   */
  patchMembers(id: string, add: readonly StoredMember[], remove: readonly string[], meta: StoredResource['meta']): void {
    const entry = this.records.Group.get(id);
    if (!entry) return;
    const gone = new Set(remove.filter((value) => this.memberOf.has(value, id)));
    const current = (entry.resource.members as readonly StoredMember[] | undefined) ?? [];
    const list = gone.size > 0 ? current.filter((m) => !gone.has(m.value)) : current.slice();
    const added = new Set<string>();
    for (const member of add) {
      if ((this.memberOf.has(member.value, id) && !gone.has(member.value)) || added.has(member.value)) continue;
      added.add(member.value);
      list.push(member);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(entry.resource)) {
      if (key === 'meta' && !('members' in out) && list.length > 0) out.members = Object.freeze(list);
      if (key === 'members') {
        if (list.length > 0) out.members = Object.freeze(list);
      } else out[key] = key === 'meta' ? Object.freeze({ ...meta }) : entry.resource[key];
    }
    for (const value of gone) this.memberOf.remove(value, id);
    for (const value of added) this.memberOf.add(value, id);
    this.records.Group.set(id, { resource: Object.freeze(out) as StoredResource, ord: entry.ord });
  }

  delete(type: ResourceTypeName, id: string): boolean {
    const old = this.records[type].get(id);
    if (!old) return false;
    this.#unindex(type, old.resource);
    this.records[type].delete(id);
    return true;
  }

  clear(): void {
    for (const type of ['User', 'Group'] as const) {
      this.records[type].clear();
      for (const { index } of this.indexes[type].values()) index.clear();
    }
    this.memberOf.clear();
  }

  #index(type: ResourceTypeName, resource: StoredResource): void {
    for (const { path, index } of this.indexes[type].values()) for (const key of indexKeys(resource, path)) index.add(key, resource.id);
    if (type === 'Group') for (const value of memberValues(resource)) this.memberOf.add(value, resource.id);
  }

  #unindex(type: ResourceTypeName, resource: StoredResource): void {
    for (const { path, index } of this.indexes[type].values()) for (const key of indexKeys(resource, path)) index.remove(key, resource.id);
    if (type === 'Group') for (const value of memberValues(resource)) this.memberOf.remove(value, resource.id);
  }
}

/**
 * The string values a resource holds at an indexed path (`attr` or `attr.sub` over a multi-valued
 * attr). Stored resources carry canonical attribute names (the routes canonicalise, RFC 7643 §2.1).
 */
export function indexKeys(resource: StoredResource, path: string): string[] {
  const dot = path.indexOf('.');
  if (dot < 0) {
    const value = resource[path];
    return typeof value === 'string' ? [value] : [];
  }
  const items = resource[path.slice(0, dot)];
  if (!Array.isArray(items)) return [];
  const sub = path.slice(dot + 1);
  const keys: string[] = [];
  for (const item of items) {
    const value = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[sub] : undefined;
    if (typeof value === 'string') keys.push(value);
  }
  return keys;
}

/** member `value`s of a group as stored */
export function memberValues(group: StoredResource): string[] {
  return indexKeys(group, 'members.value');
}
