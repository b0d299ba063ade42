/**
 * @module engine
 * The provisioning engine's in-process API (engine/api.ts): `openJob(config, options)` gives a job
 * that runs initial and incremental cycles, provisions one user on demand, restarts with a reset
 * scope, pauses and starts, and reports its status and provisioning logs. The CLI and the pilot
 * both use this; neither reaches into the cycle.
 */
import { readFile } from 'node:fs/promises';
import { createScimClient } from '../scim/client/index.js';
import type { ScimClient } from '../scim/client/index.js';
import { systemClock, realSleep } from '../util/clock.js';
import { importSchema, loadDefaultSchema, objectMappings, resourceTypeOf } from './mapping/index.js';
import type { ResolvedObjectMapping } from './mapping/index.js';
import type { SynchronizationSchema } from './mapping/types.js';
import { ConfigValidationError } from './mapping/validation-error.js';
import { loadDirectoryFile } from './source/load.js';
import { digestOf } from './source/digest.js';
import { openLogStore } from './logs/store.js';
import { appendCycleSummary, toCycleSummary } from './logs/cycles.js';
import { jobSettings } from './job/settings.js';
import { clientAuth } from './job/credentials.js';
import { dialectOf } from './wire/dialect.js';
import { memoryStore, openStateStore } from './state/store.js';
import { cloneState, emptyState } from './state/types.js';
import type { EngineState } from './state/types.js';
import { runCycle } from './cycle/run.js';
import { jobStatusOf } from './cycle/status.js';
import type { CycleInput } from './cycle/run.js';
import type { CycleKind, CycleReport, EngineOptions, OnDemandResult, ProvisioningJob, ResetScope } from './api.js';
import type { JobConfig } from './job/types.js';

export type * from './api.js';
export type { JobConfig } from './job/types.js';
export { loadJob, parseJob, jobProblems } from './job/load.js';
export type { LoadedJob, JobOverrides } from './job/load.js';
export { StateLockedError, StateCorruptError } from './state/store.js';
export { ConfigValidationError } from './mapping/validation-error.js';

const LOG_SLICE = 1000;

export class UnknownSourceObjectError extends Error {
  override readonly name = 'UnknownSourceObjectError';
}

export async function openJob(config: JobConfig, options: EngineOptions & { stateDir?: string } = {}): Promise<ProvisioningJob> {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const settings = jobSettings(config);
  const schema = options.schema ?? (config.mapping ? await readSchema(config.mapping) : loadDefaultSchema());
  const { user: userMapping, group: groupMapping } = mappingsOf(schema);
  const jobId = `scim.scimulator.${config.name ?? 'job'}`;
  const targetSystem = config.target.displayName ?? safeHost(config.target.url);
  const configDigest = digestOf({
    user: userMapping.mapping,
    group: groupMapping?.mapping ?? null,
    scope: settings.scope,
    scopingFilters: settings.scopingFilters,
    provisionGroups: settings.provisionGroups,
  });
  const dir = options.memoryState ? undefined : (options.stateDir ?? config.state);
  const store = await openStateStore({ ...(dir ? { dir } : {}), jobId });
  let logs;
  try {
    logs = await openLogStore({ ...(dir ? { dir } : {}), clock });
  } catch (error) {
    await store.close();
    throw error;
  }
  // built on first use: pausing or reading status needs no credentials
  let client: ScimClient | undefined;
  const clientOf = (): ScimClient => (client ??= createScimClient({
    baseUrl: config.target.url,
    ...(config.target.auth ? { auth: clientAuth(config.target.auth)! } : {}),
    timeoutMs: settings.timeoutMs,
    connections: settings.concurrency,
    clock,
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  }));
  const loadDirectory = options.loadDirectory
    ? async () => options.loadDirectory!()
    : () => loadDirectoryFile(config.source.path, { ...(config.source.format ? { format: config.source.format } : {}), ...(config.source.groupsColumn ? { groupsColumn: config.source.groupsColumn } : {}) });

  const cycleInput = (kind: CycleKind, dryRun: boolean, extra: Partial<CycleInput> = {}): CycleInput => ({
    kind, jobId, targetSystem, client: clientOf(), store, settings,
    dialect: extra.only ? 'legacy' : dialectOf(config.target.url, settings.dialect),
    userMapping, groupMapping, configDigest, loadDirectory, clock, sleep, dryRun,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...extra,
  });

  let running: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  };

  const job: ProvisioningJob = {
    config,
    run: (runOptions = {}) => serial(async () => {
      const state = store.state;
      const requested = runOptions.cycle ?? 'auto';
      const kind: CycleKind = requested === 'auto' ? (state.watermark === null || state.configDigest !== configDigest ? 'initial' : 'incremental') : requested;
      if (state.status.code === 'Disabled' || state.status.code === 'Paused') {
        return notRun(kind, state.status.code === 'Disabled' ? 'disabled' : 'paused');
      }
      if (state.status.quarantine && clock().getTime() - Date.parse(state.status.quarantine.seriesBegan) > settings.quarantine.disableAfterMs) {
        state.status.code = 'Disabled';
        await store.save();
        return notRun(kind, 'disabled');
      }
      const dryRun = runOptions.dryRun ?? false;
      // a dry run works on a copy: no state changes, no logs
      const target = dryRun ? memoryStore(cloneState(state)) : store;
      const { report } = await runCycle({ ...cycleInput(kind, dryRun, { store: target }), ...(runOptions.signal ? { signal: runOptions.signal } : {}) });
      if (!dryRun) {
        await store.save();
        // in slices: one write of a 100k-entry cycle was a string of hundreds of megabytes
        for (let i = 0; i < report.entries.length; i += LOG_SLICE) await logs.append(report.entries.slice(i, i + LOG_SLICE));
        if (dir) await appendCycleSummary(dir, toCycleSummary(report));
      }
      return report;
    }),
    provisionOnDemand: (userId) => serial(async (): Promise<OnDemandResult> => {
      const directory = await loadDirectory();
      if (!directory.users.some((u) => u.id === userId || u.userPrincipalName?.toLowerCase() === userId.toLowerCase())) {
        throw new UnknownSourceObjectError(`no user ${userId} in the source directory`);
      }
      const id = directory.users.find((u) => u.id === userId || u.userPrincipalName?.toLowerCase() === userId.toLowerCase())!.id;
      const { report } = await runCycle(cycleInput('incremental', false, { only: { kind: 'User', id }, loadDirectory: async () => directory }));
      await store.save();
      await logs.append(report.entries);
      const entry = report.entries[0];
      if (!entry) throw new Error(report.error ? `${report.error.code}: ${report.error.message}` : `user ${userId} produced no log entry`);
      const status = entry.provisioningStatusInfo.status;
      return { result: status === 'failure' ? 'Failure' : status === 'skipped' ? 'Skipped' : 'Success', entry };
    }),
    restart: (resetScope = ['Watermark', 'Escrows', 'QuarantineState']) => serial(async () => {
      const scopes = new Set<ResetScope>(resetScope.includes('Full') ? ['Watermark', 'Escrows', 'QuarantineState', 'ConnectorDataStore', 'ForceDeletes'] : resetScope);
      let state = store.state;
      if (scopes.has('ConnectorDataStore')) {
        const fresh = emptyState(state.jobId);
        fresh.status = state.status;
        store.replace(fresh);
        state = fresh;
      }
      if (scopes.has('Watermark')) {
        state.watermark = null;
        for (const records of [state.users, state.groups]) for (const r of Object.values(records)) delete r.digest;
      }
      if (scopes.has('Escrows')) state.escrows = Object.create(null) as EngineState['escrows'];
      if (scopes.has('QuarantineState')) state.status.quarantine = null;
      if (scopes.has('ForceDeletes')) state.forceDeletes = true;
      if (state.status.code === 'Quarantine' && (scopes.has('QuarantineState') || scopes.has('ForceDeletes'))) {
        state.status.quarantine = null;
        state.status.code = 'Active';
      }
      if (state.status.code === 'Paused' || state.status.code === 'Disabled') state.status.code = 'Active';
      await store.save();
    }),
    pause: () => serial(async () => {
      store.state.status.code = 'Paused';
      await store.save();
    }),
    start: () => serial(async () => {
      const status = store.state.status;
      // Start clears quarantine (§2.1)
      status.quarantine = null;
      status.code = store.state.watermark === null && status.lastExecution === null ? 'NotRun' : 'Active';
      await store.save();
    }),
    status: () => jobStatusOf(store.state, configDigest),
    logs: (query) => logs.query(query),
    close: async () => {
      await running;
      await client?.close();
      await logs.close();
      await store.close();
    },
  };
  return job;

  function notRun(kind: CycleKind, why: 'paused' | 'disabled' | 'not-due'): CycleReport {
    const now = clock().toISOString();
    return {
      cycleId: '', kind, notRun: why, dryRun: false, state: 'Succeeded', startedAt: now, endedAt: now, durationMs: 0,
      counts: { byAction: {}, byStatus: {}, objects: 0 },
      requests: { total: 0, reads: 0, writes: 0, byMethod: {} },
      entries: [], plannedRequests: [], status: jobStatusOf(store.state, configDigest),
    };
  }
}

async function readSchema(path: string): Promise<SynchronizationSchema> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigValidationError(`mapping ${path}`, [`(file): cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  try {
    return importSchema(JSON.parse(text));
  } catch (error) {
    if (error instanceof ConfigValidationError) throw error;
    throw new ConfigValidationError(`mapping ${path}`, [`(file): not JSON: ${(error as Error).message}`]);
  }
}

function mappingsOf(schema: SynchronizationSchema): { user: ResolvedObjectMapping; group: ResolvedObjectMapping | undefined } {
  const all = objectMappings(schema).filter((m) => m.mapping.enabled !== false);
  const user = all.find((m) => resourceTypeOf(m.mapping.targetObjectName) === 'User' && m.mapping.sourceObjectName.toLowerCase() === 'user');
  const group = all.find((m) => resourceTypeOf(m.mapping.targetObjectName) === 'Group' && m.mapping.sourceObjectName.toLowerCase() === 'group');
  if (!user) throw new ConfigValidationError('synchronization schema', ['synchronizationRules: no enabled object mapping from User to a SCIM User']);
  return { user, group };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
