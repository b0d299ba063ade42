/**
 * @module engine/cycle/plan
 * The cycle's plan, decided without a single request (ENTRA-SPEC §2.2, §2.4, §2.9, §2.10, §9.2):
 * which objects this cycle looks at (initial: all; incremental: what changed since the last
 * cycle's digests, plus escrows that are due), whether each is in scope, and what it calls for —
 * provision (match, then create or link), update, disable, delete, or a skip with Entra's reason.
 * Removals are counted here so accidental-deletion prevention can hold them all back at once.
 * Pure: the directory, the state and the clock in; the plan out.
 */
import { decideScope } from '../scoping/index.js';
import { matchesFilter } from '../scoping/index.js';
import { mapObject, matchingMappings } from '../mapping/index.js';
import { flatValues } from '../mapping/flat-values.js';
import { userSourceObject, groupSourceObject } from '../source/source-object.js';
import type { AssignmentIndex } from '../source/assignment.js';
import type { DirectoryDigests } from '../source/digest.js';
import type { Directory, DirectoryGroup, DirectoryUser } from '../source/types.js';
import type { Filter, ObjectMapping } from '../mapping/types.js';
import type { SourceObject } from '../expressions/index.js';
import type { JobSettings } from '../job/settings.js';
import type { CycleKind } from '../api.js';
import { objectKey } from '../state/types.js';
import type { EngineState, ObjectKind, ObjectRecord } from '../state/types.js';

export type OutOfScopeReason = 'not-assigned' | 'inactive' | 'soft-deleted' | 'scoping-filter' | 'hard-deleted' | 'groups-off';

export interface ScopeFacts {
  readonly inScope: boolean;
  readonly reason?: OutOfScopeReason;
  readonly assigned: boolean;
  readonly active: boolean;
  readonly softDeleted: boolean;
  readonly passesFilter: boolean;
}

export type Decision =
  | { readonly type: 'provision' }
  | { readonly type: 'update' }
  | { readonly type: 'remove'; readonly action: 'disable' | 'delete' }
  | { readonly type: 'skip'; readonly code: string; readonly reason: string }
  /** gone from the source and never managed by this job: dropped from state, no request, no entry */
  | { readonly type: 'forget' };

export interface WorkItem {
  readonly kind: ObjectKind;
  readonly sourceId: string;
  /** Entra's change type, as the import step names it (EntryImportAdd/Update/Delete) */
  readonly change: 'Add' | 'Update' | 'Delete';
  readonly source?: DirectoryUser | DirectoryGroup;
  /** the bag mappings and scoping read; absent for a hard-deleted object */
  readonly sourceObject?: SourceObject;
  readonly digest?: string;
  readonly scope: ScopeFacts;
  readonly decision: Decision;
  /** picked up because an escrowed failure is due, not because the source changed */
  readonly retry: boolean;
  /** unlinked objects: the mapped value of each matching attribute that has one, in priority order (§2.5) */
  readonly matching?: readonly MatchingValue[];
}

export interface PlanInput {
  readonly kind: CycleKind;
  readonly directory: Directory;
  readonly index: AssignmentIndex;
  readonly digests: DirectoryDigests;
  readonly state: EngineState;
  readonly settings: JobSettings;
  readonly userMapping: ObjectMapping;
  readonly groupMapping?: ObjectMapping;
  readonly now: Date;
  /** only these source ids (provision on demand) */
  readonly only?: { readonly kind: ObjectKind; readonly id: string };
}

export interface CyclePlan {
  readonly users: readonly WorkItem[];
  readonly groups: readonly WorkItem[];
  /** items whose decision is a removal (disable or delete), users and groups */
  readonly removals: readonly WorkItem[];
  /** accidental-deletion prevention holds every removal back this cycle (§2.10) */
  readonly stageRemovals: boolean;
  /** objects not looked at: unchanged, or escrowed and not yet due */
  readonly unchanged: number;
  readonly deferred: number;
}

export function planCycle(input: PlanInput): CyclePlan {
  const users = planKind(input, 'User');
  const groups = input.groupMapping && input.settings.provisionGroups ? planKind(input, 'Group') : { items: [], unchanged: 0, deferred: 0 };
  const removals = [...users.items, ...groups.items].filter((i) => i.decision.type === 'remove');
  const threshold = input.settings.accidentalDeletionThreshold;
  const stageRemovals = threshold !== null && removals.length > threshold && !input.state.forceDeletes;
  return {
    users: users.items,
    groups: groups.items,
    removals,
    stageRemovals,
    unchanged: users.unchanged + groups.unchanged,
    deferred: users.deferred + groups.deferred,
  };
}

function planKind(input: PlanInput, kind: ObjectKind): { items: WorkItem[]; unchanged: number; deferred: number } {
  const { state, now } = input;
  const records = kind === 'User' ? state.users : state.groups;
  const digests = kind === 'User' ? input.digests.users : input.digests.groups;
  const objects: readonly (DirectoryUser | DirectoryGroup)[] = kind === 'User' ? input.directory.users : input.directory.groups;
  const items: WorkItem[] = [];
  let unchanged = 0;
  let deferred = 0;
  const wanted = (id: string) => !input.only || (input.only.kind === kind && input.only.id === id);

  for (const object of objects) {
    if (!wanted(object.id)) continue;
    const record = records[object.id];
    const digest = digests.get(object.id);
    const escrow = state.escrows[objectKey(kind, object.id)];
    const changed = input.kind === 'initial' || input.only !== undefined || record?.digest !== digest;
    const due = escrow !== undefined && Date.parse(escrow.nextRetry) <= now.getTime();
    if (!changed && !due) {
      unchanged++;
      continue;
    }
    // an escrowed failure waits for its retry slot unless the source has changed since (§2.11)
    if (escrow && !due && escrow.digest === digest && input.only === undefined) {
      deferred++;
      continue;
    }
    items.push(planObject(input, kind, object, record, digest, escrow !== undefined && !changed));
  }
  // gone from the file: hard-deleted in the source (§2.2 step 6)
  const present = new Set(objects.map((o) => o.id));
  for (const [id, record] of Object.entries(records)) {
    if (present.has(id) || !wanted(id)) continue;
    const scope: ScopeFacts = { inScope: false, reason: 'hard-deleted', assigned: false, active: false, softDeleted: true, passesFilter: false };
    const decision: Decision =
      record.targetId && record.managed && flowAllows(kind === 'User' ? input.userMapping : input.groupMapping, 'Delete')
        ? { type: 'remove', action: 'delete' }
        : { type: 'forget' };
    items.push({ kind, sourceId: id, change: 'Delete', scope, decision, retry: false });
  }
  return { items, unchanged, deferred };
}

function planObject(
  input: PlanInput,
  kind: ObjectKind,
  object: DirectoryUser | DirectoryGroup,
  record: ObjectRecord | undefined,
  digest: string | undefined,
  retry: boolean,
): WorkItem {
  const mapping = kind === 'User' ? input.userMapping : input.groupMapping!;
  const scope = scopeOf(input, kind, object);
  const sourceObject =
    kind === 'User'
      ? userSourceObject(object as DirectoryUser, { isSoftDeleted: !scope.inScope, index: input.index })
      : groupSourceObject(object as DirectoryGroup, { isSoftDeleted: !scope.inScope });
  const linked = record?.targetId !== undefined;
  const change = linked ? (scope.inScope ? 'Update' : 'Delete') : 'Add';
  const matching = linked ? [] : matchingValues(sourceObject, mapping).filter((m) => m.value !== undefined && m.value !== null && m.value !== '');
  const item = (decision: Decision): WorkItem => ({ kind, sourceId: object.id, change, source: object, sourceObject, ...(digest ? { digest } : {}), scope, decision, retry, ...(matching.length > 0 ? { matching } : {}) });

  // §2.4 step 5: without a value for any matching attribute the object is not imported
  if (!linked && matching.length === 0) {
    return item({ type: 'skip', code: 'ImportSkipped', reason: `The ${kind.toLowerCase()} has no value for any matching attribute (${matchingNames(mapping).join(', ')}), so it was not imported.` });
  }
  if (scope.inScope) {
    if (linked) return item({ type: 'update' });
    if (!flowAllows(mapping, 'Add')) return item({ type: 'skip', code: 'EntrySynchronizationSkipped', reason: `Create is turned off for this object mapping (target object actions: ${mapping.flowTypes}).` });
    return item({ type: 'provision' });
  }
  const why = outOfScopeSentence(kind, scope);
  if (!linked) return item({ type: 'skip', code: 'EntrySynchronizationSkipped', reason: `${why} No action is needed: it was never provisioned.` });
  if (input.settings.skipOutOfScopeDeletions) {
    return item({ type: 'skip', code: 'SkipOutOfScopeDeletions', reason: `${why} SkipOutOfScopeDeletions is set, so it is left as it is in the target.` });
  }
  // groups have no `active`: out of scope they are deleted (§2.9, the gallery validation's expectation)
  const action = kind === 'Group' || input.settings.deprovisionMode === 'delete' ? 'delete' : 'disable';
  if (action === 'delete' && !flowAllows(mapping, 'Delete')) {
    return item({ type: 'skip', code: 'EntrySynchronizationSkipped', reason: `${why} Delete is turned off for this object mapping (target object actions: ${mapping.flowTypes}).` });
  }
  if (action === 'disable' && record?.active === false) {
    return item({ type: 'skip', code: 'RedundantExport', reason: `${why} It is already disabled in the target.` });
  }
  return item({ type: 'remove', action });
}

export function scopeOf(input: Pick<PlanInput, 'settings' | 'index' | 'userMapping' | 'groupMapping'>, kind: ObjectKind, object: DirectoryUser | DirectoryGroup): ScopeFacts {
  const { settings, index } = input;
  const softDeleted = Boolean(object.deletedDateTime);
  if (kind === 'Group') {
    const assigned = settings.scope === 'all' || index.isGroupAssigned(object.id);
    const filter = settings.scopingFilters.groups !== undefined ? settings.scopingFilters.groups : input.groupMapping?.scope;
    const passesFilter = matchesFilter(groupSourceObject(object as DirectoryGroup), filter ?? null);
    const reason: OutOfScopeReason | undefined = !settings.provisionGroups ? 'groups-off' : !assigned ? 'not-assigned' : softDeleted ? 'soft-deleted' : !passesFilter ? 'scoping-filter' : undefined;
    return { inScope: reason === undefined, ...(reason ? { reason } : {}), assigned, active: true, softDeleted, passesFilter };
  }
  const user = object as DirectoryUser;
  const assigned = index.isUserAssigned(user.id);
  const active = user.accountEnabled !== false;
  const filter: Filter | null | undefined = settings.scopingFilters.users !== undefined ? settings.scopingFilters.users : input.userMapping.scope;
  const bag = userSourceObject(user, { isSoftDeleted: false, index });
  const passesFilter = matchesFilter(bag, filter ?? null);
  const decision = decideScope(bag, { scope: settings.scope, assigned, active, filter: filter ?? null });
  let reason: OutOfScopeReason | undefined = decision.inScope ? undefined : decision.reason;
  if (softDeleted && (reason === undefined || reason === 'inactive')) reason = 'soft-deleted';
  return { inScope: reason === undefined, ...(reason ? { reason } : {}), assigned: settings.scope === 'all' || assigned, active, softDeleted, passesFilter };
}

export function outOfScopeSentence(kind: ObjectKind, scope: ScopeFacts): string {
  const noun = kind === 'User' ? 'user' : 'group';
  switch (scope.reason) {
    case 'not-assigned':
      return `The ${noun} is not assigned to the application.`;
    case 'inactive':
      return `The ${noun} is disabled in the source (accountEnabled is false).`;
    case 'soft-deleted':
      return `The ${noun} is soft-deleted in the source.`;
    case 'scoping-filter':
      return `The ${noun} does not pass the scoping filter.`;
    case 'hard-deleted':
      return `The ${noun} was deleted from the source.`;
    case 'groups-off':
      return 'Group provisioning is turned off for this job.';
    default:
      return `The ${noun} is in scope.`;
  }
}

/** "Target object actions" (§2.6): `flowTypes` like "Add, Update, Delete"; absent means all. */
export function flowAllows(mapping: ObjectMapping | undefined, action: 'Add' | 'Update' | 'Delete'): boolean {
  if (!mapping?.flowTypes) return true;
  return mapping.flowTypes.split(',').some((t) => t.trim().toLowerCase() === action.toLowerCase());
}

function matchingNames(mapping: ObjectMapping): string[] {
  return matchingMappings(mapping).map((m) => m.targetAttributeName);
}

/** The mapped target value of each matching attribute, in priority order (§2.5): undefined when it has none. */
export interface MatchingValue {
  readonly attribute: string;
  readonly value: unknown;
}

export function matchingValues(sourceObject: SourceObject, mapping: ObjectMapping): MatchingValue[] {
  const matching = matchingMappings(mapping);
  if (matching.length === 0) return [];
  const mapped = mapObject(sourceObject, { ...mapping, attributeMappings: matching }, { mode: 'create' });
  const names = matching.map((m) => m.targetAttributeName);
  const flat = flatValues(mapped.resource, names);
  return names.map((attribute) => ({ attribute, value: flat[attribute] }));
}

/**
 * Objects to provision split in waves so that two sharing a matching value never match or create
 * at the same time: the later one then finds the first one's object and fails with
 * DuplicateSourceEntries instead of creating a twin (§2.5).
 */
export function matchWaves(items: readonly WorkItem[]): WorkItem[][] {
  const waves: { items: WorkItem[]; keys: Set<string> }[] = [];
  for (const item of items) {
    const keys = item.decision.type === 'provision' ? (item.matching ?? []).map((m) => `${m.attribute.toLowerCase()}=${String(m.value).toLowerCase()}`) : [];
    let wave = waves.find((w) => !keys.some((k) => w.keys.has(k)));
    if (!wave) waves.push((wave = { items: [], keys: new Set() }));
    wave.items.push(item);
    for (const k of keys) wave.keys.add(k);
  }
  return waves.map((w) => w.items);
}
