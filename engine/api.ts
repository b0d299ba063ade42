/**
 * @module engine/api
 * What the engine offers the CLI and the pilot in-process: open a job, run cycles, provision one
 * user on demand, restart, read status and logs. Types only; engine/index.ts implements them.
 */
import type { Clock, Sleep } from '../util/clock.js';
import type { Exchange } from '../scim/client/index.js';
import type { SynchronizationSchema } from './mapping/types.js';
import type { Directory } from './source/types.js';
import type { JobConfig } from './job/types.js';
import type { LogQuery, ProvisioningAction, ProvisioningLogEntry, ProvisioningStatus } from './logs/types.js';

export type CycleKind = 'initial' | 'incremental';

/** §2.12 */
export type ResetScope = 'Watermark' | 'Escrows' | 'QuarantineState' | 'ConnectorDataStore' | 'ForceDeletes' | 'Full';

export type QuarantineReason =
  | 'EncounteredBaseEscrowThreshold'
  | 'EncounteredTotalEscrowThreshold'
  | 'EncounteredEscrowProportionThreshold'
  | 'EncounteredQuarantineException'
  | 'TooManyDeletes';

export interface QuarantineInfo {
  readonly reason: QuarantineReason;
  readonly currentBegan: string;
  readonly seriesBegan: string;
  readonly seriesCount: number;
  readonly nextAttempt: string;
  readonly error: { readonly code: string; readonly message: string; readonly tenantActionable: boolean };
}

export interface TaskExecution {
  readonly activityIdentifier: string;
  readonly kind: CycleKind;
  readonly state: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
  readonly timeBegan: string;
  readonly timeEnded: string;
  readonly countImported: number;
  readonly countExported: number;
  readonly countEscrowed: number;
  readonly error?: string;
}

/** §1.1 */
export interface JobStatus {
  readonly code: 'NotRun' | 'Active' | 'Paused' | 'Quarantine' | 'Disabled';
  readonly quarantine: QuarantineInfo | null;
  readonly countSuccessiveCompleteFailures: number;
  readonly escrowsPruned: boolean;
  readonly lastExecution: TaskExecution | null;
  readonly lastSuccessfulExecution: TaskExecution | null;
  readonly lastSuccessfulExecutionWithExports: TaskExecution | null;
  readonly synchronizedEntryCountByType: readonly { readonly key: string; readonly value: number }[];
  /** escrowed objects waiting for a retry */
  readonly escrows: number;
  /** removals held back by accidental-deletion prevention */
  readonly stagedDeletes: number;
  /** the next cycle will be an initial cycle (new state, restart, changed mapping or scoping) */
  readonly initialPending: boolean;
}

export interface RequestCounts {
  readonly total: number;
  /** GET (probe, matching, reads of linked objects) */
  readonly reads: number;
  /** POST, PATCH, PUT, DELETE */
  readonly writes: number;
  readonly byMethod: Readonly<Record<string, number>>;
}

export interface CycleReport {
  readonly cycleId: string;
  readonly kind: CycleKind;
  /** set when no cycle ran: the job is paused, disabled, or quarantined and not yet due */
  readonly notRun?: 'paused' | 'disabled' | 'not-due';
  readonly dryRun: boolean;
  readonly state: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
  readonly startedAt: string;
  readonly endedAt: string;
  readonly durationMs: number;
  /** a failure of the whole cycle (probe failed, source unreadable): nothing was changed */
  readonly error?: { readonly code: string; readonly message: string };
  readonly counts: {
    readonly byAction: Readonly<Partial<Record<ProvisioningAction, number>>>;
    readonly byStatus: Readonly<Partial<Record<ProvisioningStatus, number>>>;
    readonly objects: number;
  };
  readonly requests: RequestCounts;
  readonly entries: readonly ProvisioningLogEntry[];
  /** dry run: the writes the cycle would have sent */
  readonly plannedRequests: readonly { readonly method: string; readonly path: string; readonly body?: unknown }[];
  readonly status: JobStatus;
}

export interface OnDemandResult {
  readonly result: 'Success' | 'Skipped' | 'Failure';
  readonly entry: ProvisioningLogEntry;
}

export interface EngineOptions {
  readonly clock?: Clock;
  /** how the engine waits (Retry-After); a manual clock's sleep makes waits instant */
  readonly sleep?: Sleep;
  /** read the directory from here instead of job.source (the pilot edits one in memory) */
  readonly loadDirectory?: () => Directory | Promise<Directory>;
  /** the mapping schema itself instead of the job's file */
  readonly schema?: SynchronizationSchema;
  /** keep state in memory only (no state directory) */
  readonly memoryState?: boolean;
  /** pages of work done / total, for a progress bar (§2.14) */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly phase: string }) => void;
  /** every HTTP exchange with the target, secrets redacted */
  readonly onExchange?: (exchange: Exchange) => void;
}

export interface ProvisioningJob {
  readonly config: JobConfig;
  run(options?: { readonly cycle?: 'auto' | CycleKind; readonly dryRun?: boolean; readonly signal?: AbortSignal }): Promise<CycleReport>;
  provisionOnDemand(userId: string): Promise<OnDemandResult>;
  /** §2.12; omitted = Watermark, Escrows, QuarantineState */
  restart(resetScope?: readonly ResetScope[]): Promise<void>;
  pause(): Promise<void>;
  start(): Promise<void>;
  status(): JobStatus;
  logs(query?: LogQuery): Promise<ProvisioningLogEntry[]>;
  close(): Promise<void>;
}
