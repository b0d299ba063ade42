/**
 * @module engine/state/types
 * What a job remembers between cycles (ENTRA-SPEC §1): the connector data store (each source
 * object's link to its target object and what was last exported), the watermark, escrows, removals
 * staged by accidental-deletion prevention, and the job status of §1.1.
 */
import type { QuarantineInfo, TaskExecution } from '../api.js';

export type ObjectKind = 'User' | 'Group';

export interface ObjectRecord {
  /** digest of the source object when it was last processed successfully */
  digest?: string;
  /** the target's `id`, once created or matched */
  targetId?: string;
  /**
   * created or matched by this job and not released: only such objects are ever changed or
   * deleted. Unassigning releases a user (§2.9: a later delete sends no DELETE).
   */
  managed?: boolean;
  /** `active` as last exported (users) */
  active?: boolean;
  /** the manager's source id as last exported (users) */
  manager?: string | null;
  /** member target ids as last exported (groups) */
  members?: string[];
  /** for logs and reports */
  displayName?: string;
  /**
   * attributes the target keeps different from what was sent (a truncating app): the value sent and
   * the value stored, so the next cycle reports the difference instead of resending it forever
   */
  drift?: Record<string, { sent: unknown; stored: unknown }>;
}

export interface EscrowEntry {
  readonly kind: ObjectKind;
  readonly sourceId: string;
  readonly firstFailure: string;
  lastFailure: string;
  attempts: number;
  nextRetry: string;
  errorCode: string;
  reason: string;
  /** the source object's digest when it failed: a source change retries at once */
  digest?: string;
  /** a manager or member reference failure: not counted toward the 40 % / 40,000 thresholds (§2.11) */
  reference: boolean;
}

export interface StagedRemoval {
  readonly kind: ObjectKind;
  readonly sourceId: string;
  readonly action: 'disable' | 'delete';
  readonly reason: string;
}

export interface JobStatusState {
  code: 'NotRun' | 'Active' | 'Paused' | 'Quarantine' | 'Disabled';
  quarantine: QuarantineInfo | null;
  countSuccessiveCompleteFailures: number;
  escrowsPruned: boolean;
  lastExecution: TaskExecution | null;
  lastSuccessfulExecution: TaskExecution | null;
  lastSuccessfulExecutionWithExports: TaskExecution | null;
}

export interface EngineState {
  version: 1;
  jobId: string;
  /** digest of mapping + scope + scoping filters: a change means the next cycle is initial (§2.2) */
  configDigest: string | null;
  /** the last completed cycle; null: the next cycle is initial */
  watermark: string | null;
  status: JobStatusState;
  users: Record<string, ObjectRecord>;
  groups: Record<string, ObjectRecord>;
  /** key `User:<id>` / `Group:<id>` */
  escrows: Record<string, EscrowEntry>;
  staged: Record<string, StagedRemoval>;
  /** set by restart ForceDeletes / --allow-deletes: the next cycle executes staged removals */
  forceDeletes: boolean;
}

export function objectKey(kind: ObjectKind, sourceId: string): string {
  return `${kind}:${sourceId}`;
}

export function emptyState(jobId: string): EngineState {
  return {
    version: 1,
    jobId,
    configDigest: null,
    watermark: null,
    status: {
      code: 'NotRun',
      quarantine: null,
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      lastExecution: null,
      lastSuccessfulExecution: null,
      lastSuccessfulExecutionWithExports: null,
    },
    users: Object.create(null) as Record<string, ObjectRecord>,
    groups: Object.create(null) as Record<string, ObjectRecord>,
    escrows: Object.create(null) as Record<string, EscrowEntry>,
    staged: Object.create(null) as Record<string, StagedRemoval>,
    forceDeletes: false,
  };
}

/** Records keyed by source ids carry no prototype (`__proto__` is just an id); changes `state` in place. */
export function prototypeFreeRecords(state: EngineState): EngineState {
  for (const key of ['users', 'groups', 'escrows', 'staged'] as const) {
    state[key] = Object.assign(Object.create(null), state[key] ?? {}) as never;
  }
  return state;
}

/** A deep copy (a dry run's state). */
export function cloneState(state: EngineState): EngineState {
  return prototypeFreeRecords(structuredClone(state));
}
