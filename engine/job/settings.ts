/**
 * @module engine/job/settings
 * A job file with every default of ENTRA-SPEC §9.3 filled in and every duration in milliseconds:
 * what the cycle reads, so no default is decided in two places.
 */
import { durationMs, DAY, HOUR, MINUTE } from './duration.js';
import type { JobConfig, PatchDialectSetting, ScopeSetting } from './types.js';
import type { Filter } from '../mapping/types.js';

export interface JobSettings {
  readonly scope: ScopeSetting;
  readonly scopingFilters: { readonly users?: Filter | null; readonly groups?: Filter | null };
  readonly provisionGroups: boolean;
  readonly deprovisionMode: 'disable' | 'delete';
  readonly skipOutOfScopeDeletions: boolean;
  readonly accidentalDeletionThreshold: number | null;
  readonly dialect: PatchDialectSetting;
  readonly retrySchedule: readonly number[];
  readonly escrowDropAfterMs: number;
  readonly retryAfterMode: 'honor' | 'nextCycle';
  readonly maxRetryAfterMs: number;
  readonly retryAfterBudgetMs: number;
  readonly attempts: number;
  readonly quarantine: {
    readonly minFailures: number;
    readonly failureRatio: number;
    readonly maxFailures: number;
    readonly absoluteMax: number;
    readonly disableAfterMs: number;
  };
  readonly concurrency: number;
  readonly requestsPerSecond: number | null;
  readonly memberBatchSize: number;
  readonly cycleIntervalMs: number;
  readonly timeoutMs: number;
}

export function jobSettings(job: JobConfig): JobSettings {
  return {
    scope: job.scope ?? 'assigned',
    scopingFilters: job.scopingFilters ?? {},
    provisionGroups: job.provisionGroups ?? true,
    deprovisionMode: job.deprovision?.mode ?? 'disable',
    skipOutOfScopeDeletions: job.deprovision?.skipOutOfScopeDeletions ?? false,
    accidentalDeletionThreshold: job.accidentalDeletionThreshold ?? null,
    dialect: job.dialect ?? 'auto',
    retrySchedule: (job.retry?.schedule ?? [0, 6 * HOUR, 12 * HOUR, 24 * HOUR]).map(durationMs),
    escrowDropAfterMs: durationMs(job.retry?.dropAfter ?? 28 * DAY),
    retryAfterMode: job.retry?.retryAfterMode ?? 'honor',
    maxRetryAfterMs: job.retry?.maxRetryAfterMs ?? 60_000,
    retryAfterBudgetMs: job.retry?.retryAfterBudgetMs ?? 600_000,
    attempts: job.retry?.attempts ?? 3,
    quarantine: {
      minFailures: job.quarantine?.minFailures ?? 5000,
      failureRatio: job.quarantine?.failureRatio ?? 0.4,
      maxFailures: job.quarantine?.maxFailures ?? 40_000,
      absoluteMax: job.quarantine?.absoluteMax ?? 60_000,
      disableAfterMs: durationMs(job.quarantine?.disableAfter ?? 28 * DAY),
    },
    concurrency: job.concurrency ?? 4,
    requestsPerSecond: job.requestsPerSecond ?? null,
    memberBatchSize: job.memberBatchSize ?? 100,
    cycleIntervalMs: durationMs(job.cycleInterval ?? 40 * MINUTE),
    timeoutMs: job.target.timeoutMs ?? 10_000,
  };
}
