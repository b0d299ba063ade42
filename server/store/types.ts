/**
 * @module server/store/types
 * The contract between the HTTP layer (server/routes) and the resource store (server/store).
 * Routes do protocol work (parse, validate, PATCH, project); the store owns identity, meta,
 * indexes, uniqueness, group membership and durability.
 */
import type { ResourceTypeName, ScimResource } from '../../scim/types.js';
import type { FilterNode } from '../../scim/filter/types.js';
import type { MemberStep } from './member-delta.js';

export type { ResourceTypeName };

/** A resource as stored: canonical attribute names, server-assigned id and meta. */
export interface StoredResource extends ScimResource {
  id: string;
  meta: { resourceType: ResourceTypeName; created: string; lastModified: string; location: string; version: string };
}

export interface QueryOptions {
  /** parsed filter: the store takes index hints from it (eq on an indexed attribute, alone or inside `and`) */
  filter?: FilterNode;
  /** the compiled filter (routes compile it with the schema resolver); every candidate is checked with it */
  predicate?: (resource: StoredResource) => boolean;
}

export interface StoreOptions {
  /** base URL used for meta.location and member $ref, e.g. http://127.0.0.1:8080/scim/v2 */
  baseUrl: string;
  clock?: () => Date;
  newId?: () => string;
  /**
   * userName uniqueness compares case-sensitively. A function is asked at every write, so the rule
   * follows the quirk profile in force when it is swapped at runtime (server/start passes one).
   */
  caseExactUserName?: boolean | (() => boolean);
  /** a group member id that exists nowhere is rejected with 400 invalidValue (default true) */
  validateMembers?: boolean;
  /** group displayName is unique, case-insensitively (default true; ENTRA-SPEC §6.6) */
  uniqueGroupDisplayName?: boolean;
}

/** Options of the durable store (`--db FILE`): the snapshot lives at `file`, the journal next to it. */
export interface DurableStoreOptions extends StoreOptions {
  file: string;
  /** compact once the journal holds this many entries (default 50 000) */
  compactAfterEntries?: number;
  /** compact once the journal holds this many bytes and at least the last snapshot's size (default 64 MiB) */
  compactAfterBytes?: number;
}

/** Counters for the admin API and the benchmark. */
export interface StoreStats {
  users: number;
  groups: number;
  /** journal appends (each one write + one fdatasync, however many mutations it carries) */
  journalWrites: number;
  /** mutations in the current journal */
  journalEntries: number;
  journalBytes: number;
  snapshots: number;
  lastSnapshotMs?: number;
  lastSnapshotBytes?: number;
}

/**
 * Resources the store returns are deeply frozen: copy them (structuredClone) before changing them.
 * A returned User carries the derived, read-only `groups` attribute (RFC 7643 §4.1.2).
 */
export interface ResourceStore {
  get(type: ResourceTypeName, id: string): StoredResource | undefined;
  /** every resource of the type matching the filter, in creation order */
  query(type: ResourceTypeName, options?: QueryOptions): StoredResource[];
  /**
   * Like query, but the records come as stored, without derived attributes (`groups`): a caller
   * that returns only some of them (a page) passes those through `view`. The predicate still sees
   * `groups` when the filter names it.
   */
  select(type: ResourceTypeName, options?: QueryOptions): StoredResource[];
  /** a record from `select` as returned: a User with its derived `groups` */
  view(type: ResourceTypeName, record: StoredResource): StoredResource;
  count(type: ResourceTypeName): number;
  /** assigns id and meta; 409 uniqueness on conflict; resolves once durable */
  create(type: ResourceTypeName, resource: ScimResource): Promise<StoredResource>;
  /** replaces the whole resource (id, meta.created kept; version bumped); 404 if absent; resolves once durable */
  replace(type: ResourceTypeName, id: string, resource: ScimResource): Promise<StoredResource>;
  /** 404 if absent; a deleted user leaves every group; resolves once durable */
  delete(type: ResourceTypeName, id: string): Promise<void>;
  /** drops everything (admin reset); resolves once durable */
  reset(): Promise<void>;
  /** flushes and releases files */
  close(): Promise<void>;
  /**
   * Adds and removes group members as a delta (a PATCH that only does that, ./member-delta.ts), in
   * O(changed members); undefined, synchronously, when the delta cannot express the steps (use
   * the general path). 404/400 are thrown synchronously. Resolves once durable, with the group as returned.
   */
  patchMembers?(groupId: string, steps: readonly MemberStep[]): Promise<StoredResource> | undefined;
  /** creates many resources as one all-or-nothing write (seeding, import); resolves once durable */
  createMany?(type: ResourceTypeName, resources: readonly ScimResource[]): Promise<StoredResource[]>;
  stats?(): StoreStats;
}
