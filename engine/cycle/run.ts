/**
 * @module engine/cycle/run
 * One provisioning cycle, top to bottom (DESIGN.md "One walk through the data", ENTRA-SPEC §2.2,
 * §9.2): read the source (a source that fails to load changes nothing), probe the target (§6.3),
 * plan, then export with bounded concurrency — users, then groups, then removals (or stage them all
 * when they exceed the threshold), then references (managers, members) — and finally book escrows,
 * decide quarantine, move the watermark and save. Nothing flows back but the target's responses.
 */
import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import { eqFilter } from '../../scim/filter/build.js';
import type { ScimClient } from '../../scim/client/index.js';
import type { Clock, Sleep } from '../../util/clock.js';
import { matchingMappings } from '../mapping/index.js';
import type { ResolvedObjectMapping } from '../mapping/index.js';
import { assignmentIndex } from '../source/assignment.js';
import { digestDirectory } from '../source/digest.js';
import type { Directory } from '../source/types.js';
import type { JobSettings } from '../job/settings.js';
import type { PatchDialect } from '../wire/dialect.js';
import type { StateStore } from '../state/store.js';
import type { CycleKind, CycleReport, JobStatus, TaskExecution } from '../api.js';
import type { ProvisioningAction, ProvisioningLogEntry, ProvisioningStatus } from '../logs/types.js';
import { EntryBuilder } from './entry.js';
import type { EntryContext } from './entry.js';
import { bookEscrows } from './escrow.js';
import { provision, update } from './objects.js';
import { matchWaves, planCycle } from './plan.js';
import type { CyclePlan, WorkItem } from './plan.js';
import { escrowCause, nextQuarantine } from './quarantine.js';
import type { QuarantineCause } from './quarantine.js';
import { resolveManager, resolveMembers } from './references.js';
import { remove, skip, stage } from './removals.js';
import { createRequester } from './requester.js';
import type { CycleRuntime } from './runtime.js';
import { jobStatusOf } from './status.js';

export interface CycleInput {
  readonly kind: CycleKind;
  readonly jobId: string;
  readonly targetSystem: string;
  readonly client: ScimClient;
  readonly store: StateStore;
  readonly settings: JobSettings;
  readonly dialect: PatchDialect;
  readonly userMapping: ResolvedObjectMapping;
  readonly groupMapping: ResolvedObjectMapping | undefined;
  readonly configDigest: string;
  readonly loadDirectory: () => Promise<Directory>;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly dryRun: boolean;
  /** provision on demand: this one user, no watermark move (§2.13) */
  readonly only?: { readonly kind: 'User'; readonly id: string };
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly phase: string }) => void;
}

export interface CycleOutcome {
  readonly report: CycleReport;
  /** set when the source could not be read: nothing was changed, no cycle counted */
  readonly sourceError?: unknown;
}

const PAGE = 50;

export async function runCycle(input: CycleInput): Promise<CycleOutcome> {
  const cycleId = randomUUID();
  const started = input.clock();
  const state = input.store.state;
  const entryContext: EntryContext = { jobId: input.jobId, cycleId, clock: input.clock, targetSystem: input.targetSystem, ...(input.only ? { onDemand: true } : {}) };
  const requester = createRequester({
    client: input.client,
    clock: input.clock,
    sleep: input.sleep,
    attempts: input.settings.attempts,
    retryAfterMode: input.settings.retryAfterMode,
    maxRetryAfterMs: input.settings.maxRetryAfterMs,
    retryAfterBudgetMs: input.settings.retryAfterBudgetMs,
    requestsPerSecond: input.settings.requestsPerSecond,
    dryRun: input.dryRun,
    concurrency: input.settings.concurrency,
  });
  const finish = (entries: ProvisioningLogEntry[], plan: CyclePlan | undefined, error?: { code: string; message: string }): CycleReport =>
    report(input, cycleId, started, entries, requester, plan, error);

  // 1. the source: a partial or broken read must never turn into deletions
  let directory: Directory;
  try {
    directory = await input.loadDirectory();
  } catch (sourceError) {
    return { report: finish([], undefined, { code: 'SourceUnreadable', message: (sourceError as Error).message }), sourceError };
  }

  // 2. the probe (§6.3): a user that cannot exist, by the first matching attribute
  const matchAttribute = matchingMappings(input.userMapping.mapping)[0]?.targetAttributeName ?? 'userName';
  const probe = await requester.send('probe', 'GET', '/Users', { query: { filter: eqFilter(matchAttribute, randomUUID()) } });
  if (!probe.ok) {
    const message = probe.outcome.reason;
    if (probe.outcome.retry === 'quarantine' && !input.dryRun) {
      applyQuarantine(input, { reason: 'EncounteredQuarantineException', code: probe.outcome.errorCode, message });
    }
    // the log says so too: a job whose credentials expired must not go silent
    const entry = new EntryBuilder(entryContext, { id: input.jobId, displayName: 'Test connection', identityType: 'Job' }, 'Job')
      .step('import', 'EntryTestConnection', 'failure', `Testing the connection to ${input.targetSystem} failed`, { Filter: eqFilter(matchAttribute, '<random guid>') })
      .fail({ errorCode: probe.outcome.errorCode, reason: message, errorCategory: probe.outcome.errorCategory });
    const failed = finish([entry.finish()], undefined, { code: probe.outcome.errorCode, message });
    recordExecution(input, failed);
    return { report: failed };
  }

  // 3. the plan
  const index = assignmentIndex(directory);
  const digests = digestDirectory(directory, index);
  const plan = planCycle({
    kind: input.kind,
    directory,
    index,
    digests,
    state,
    settings: input.settings,
    userMapping: input.userMapping.mapping,
    ...(input.groupMapping ? { groupMapping: input.groupMapping.mapping } : {}),
    now: started,
    ...(input.only ? { only: input.only } : {}),
  });

  const rt: CycleRuntime = {
    requester,
    dialect: input.dialect,
    settings: input.settings,
    store: input.store,
    directory,
    index,
    userMapping: input.userMapping,
    groupMapping: input.groupMapping,
    clock: input.clock,
    entryContext,
    expressionContext: { now: input.clock },
    owners: ownersOf(input.store),
    entries: new Map(),
    failures: [],
    succeeded: new Set(),
    currentManagers: new Map(),
    abort: undefined,
  };

  // 4. export, in Entra's order: objects, removals, then references
  // objects in flight: twice the request cap, so the requester always has the next request ready
  const limit = pLimit(input.settings.concurrency * 2);
  const total = Math.ceil((plan.users.length + plan.groups.length) / PAGE) * 2 || 1;
  let done = 0;
  const tick = (phase: string) => {
    done++;
    if (done % PAGE === 0) input.onProgress?.({ done: Math.floor(done / PAGE), total, phase });
  };
  const stopped = () => rt.abort !== undefined || input.signal?.aborted === true;
  const each = async (items: readonly WorkItem[], phase: string, work: (item: WorkItem) => Promise<unknown>) => {
    await Promise.all(items.map((item) => limit(async () => {
      if (stopped()) return;
      await work(item);
      tick(phase);
    })));
  };
  const silent = (item: WorkItem) =>
    input.kind === 'initial' && item.decision.type === 'skip' && item.scope.reason === 'not-assigned' && state[item.kind === 'User' ? 'users' : 'groups'][item.sourceId]?.targetId === undefined;
  const processObject = async (item: WorkItem) => {
    const d = item.decision;
    if (d.type === 'provision') await provision(rt, item);
    else if (d.type === 'update') await update(rt, item);
    else if (d.type === 'skip') {
      // with scope "assigned" an initial cycle reads only assignments: nothing to log for the rest (§2.2)
      if (silent(item)) recordDigest(rt, item);
      else skip(rt, item);
    } else if (d.type === 'forget') {
      delete (item.kind === 'User' ? state.users : state.groups)[item.sourceId];
    }
  };
  for (const wave of matchWaves(plan.users.filter((i) => i.decision.type !== 'remove'))) await each(wave, 'users', processObject);
  for (const wave of matchWaves(plan.groups.filter((i) => i.decision.type !== 'remove'))) await each(wave, 'groups', processObject);

  if (plan.stageRemovals) {
    for (const item of plan.removals) stage(rt, item, input.settings.accidentalDeletionThreshold!, plan.removals.length);
  } else {
    await each(plan.removals, 'removals', (item) => remove(rt, item));
    if (!input.dryRun && plan.removals.length > 0 && !stopped()) {
      state.staged = Object.create(null) as typeof state.staged;
      state.forceDeletes = false;
    }
  }
  await each(plan.users, 'references', (item) => resolveManager(rt, item));
  await each(plan.groups, 'references', (item) => resolveMembers(rt, item));

  const entries = [...rt.entries.values()].map((e) => e.finish());

  // 5. book-keeping: escrows, quarantine, watermark, status
  bookEscrows(state, rt.failures, rt.succeeded, input.clock(), input.settings);
  if (!input.only) {
    const cause: QuarantineCause | undefined = rt.abort
      ? { reason: 'EncounteredQuarantineException', code: rt.abort.errorCode, message: rt.abort.reason }
      : plan.stageRemovals
        ? { reason: 'TooManyDeletes', code: 'TooManyDeletes', message: `This cycle would remove ${plan.removals.length} objects, more than the accidental-deletion threshold of ${input.settings.accidentalDeletionThreshold}; the removals are staged until deletes are allowed.` }
        : escrowCause(state, input.settings);
    if (cause && input.kind === 'initial' && cause.reason !== 'EncounteredQuarantineException' && cause.reason !== 'TooManyDeletes') {
      // §2.11: during the initial cycle the escrows are pruned instead and the job pauses
      state.escrows = Object.create(null) as typeof state.escrows;
      state.status.escrowsPruned = true;
      state.status.code = 'Paused';
    } else {
      applyQuarantine(input, cause);
    }
    if (!stopped()) {
      state.watermark = cycleId;
      state.configDigest = input.configDigest;
    }
  }
  const cycleReport = finish(entries, plan, rt.abort ? { code: rt.abort.errorCode, message: rt.abort.reason } : undefined);
  recordExecution(input, cycleReport);
  return { report: cycleReport };
}

function recordDigest(rt: CycleRuntime, item: WorkItem): void {
  const records = item.kind === 'User' ? rt.store.state.users : rt.store.state.groups;
  if (item.digest !== undefined) (records[item.sourceId] ??= {}).digest = item.digest;
}

function ownersOf(store: StateStore): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [id, r] of Object.entries(store.state.users)) if (r.targetId) owners.set(r.targetId, `User:${id}`);
  for (const [id, r] of Object.entries(store.state.groups)) if (r.targetId) owners.set(r.targetId, `Group:${id}`);
  return owners;
}

function applyQuarantine(input: CycleInput, cause: QuarantineCause | undefined): void {
  const status = input.store.state.status;
  const now = input.clock();
  status.quarantine = nextQuarantine(status.quarantine, cause, now, input.settings);
  if (status.quarantine) status.code = 'Quarantine';
  else if (status.code === 'Quarantine' || status.code === 'NotRun') status.code = 'Active';
}

function recordExecution(input: CycleInput, report: CycleReport): void {
  if (input.dryRun || input.only) return;
  const status = input.store.state.status;
  const execution: TaskExecution = {
    activityIdentifier: report.cycleId,
    kind: report.kind,
    state: report.state,
    timeBegan: report.startedAt,
    timeEnded: report.endedAt,
    countImported: report.counts.objects,
    countExported: report.entries.filter((e) => e.provisioningStatusInfo.status !== 'failure' && e.provisioningAction !== 'other' && e.provisioningAction !== 'stagedDelete').length,
    countEscrowed: Object.keys(input.store.state.escrows).length,
    ...(report.error ? { error: report.error.message } : {}),
  };
  status.lastExecution = execution;
  if (report.state === 'Failed') status.countSuccessiveCompleteFailures++;
  else status.countSuccessiveCompleteFailures = 0;
  if (report.state === 'Succeeded') {
    status.lastSuccessfulExecution = execution;
    if (execution.countExported > 0) status.lastSuccessfulExecutionWithExports = execution;
  }
}

function report(
  input: CycleInput,
  cycleId: string,
  started: Date,
  entries: ProvisioningLogEntry[],
  requester: ReturnType<typeof createRequester>,
  plan: CyclePlan | undefined,
  error?: { code: string; message: string },
): CycleReport {
  const ended = input.clock();
  const byAction: Partial<Record<ProvisioningAction, number>> = {};
  const byStatus: Partial<Record<ProvisioningStatus, number>> = {};
  for (const e of entries) {
    byAction[e.provisioningAction] = (byAction[e.provisioningAction] ?? 0) + 1;
    byStatus[e.provisioningStatusInfo.status] = (byStatus[e.provisioningStatusInfo.status] ?? 0) + 1;
  }
  const failed = error !== undefined;
  const state = failed ? 'Failed' : (byStatus.failure ?? 0) > 0 || plan?.stageRemovals ? 'EntryLevelErrors' : 'Succeeded';
  const status: JobStatus = jobStatusOf(input.store.state);
  return {
    cycleId,
    kind: input.kind,
    dryRun: input.dryRun,
    state,
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    durationMs: Math.max(0, ended.getTime() - started.getTime()),
    ...(error ? { error } : {}),
    counts: { byAction, byStatus, objects: plan ? plan.users.length + plan.groups.length : 0 },
    requests: requester.counts(),
    entries,
    plannedRequests: requester.planned,
    status,
  };
}

