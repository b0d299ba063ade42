/**
 * @module engine/cycle/quarantine
 * Whether a job goes into, stays in or leaves quarantine after a cycle (ENTRA-SPEC §2.11, §2.10):
 * an exception (credentials, a target that is not SCIM) or too many deletes at once quarantine at
 * once; escrows do once at least `minFailures` exist and they exceed `failureRatio` of the job's
 * objects or `maxFailures`, or `absoluteMax` counting reference failures. While quarantined, the
 * cadence backs off towards once a day; after `disableAfter` the job is disabled. Pure.
 */
import type { QuarantineInfo, QuarantineReason } from '../api.js';
import type { JobSettings } from '../job/settings.js';
import { objectKey } from '../state/types.js';
import type { EngineState } from '../state/types.js';
import { DAY } from '../job/duration.js';

export interface QuarantineCause {
  readonly reason: QuarantineReason;
  readonly code: string;
  readonly message: string;
}

export function escrowCause(state: EngineState, settings: JobSettings): QuarantineCause | undefined {
  const escrows = Object.values(state.escrows);
  const failing = new Set(Object.entries(state.escrows).filter(([, e]) => !e.reference).map(([key]) => key));
  const failures = failing.size;
  const all = escrows.length;
  // the healthy objects: linked and not failing (a failing linked object counts once, as a failure)
  const healthy = (kind: 'User' | 'Group', records: EngineState['users']) =>
    Object.entries(records).filter(([id, r]) => r.targetId && !failing.has(objectKey(kind, id))).length;
  const objects = healthy('User', state.users) + healthy('Group', state.groups);
  const q = settings.quarantine;
  if (all > q.absoluteMax) {
    return { reason: 'EncounteredTotalEscrowThreshold', code: 'EscrowThresholdExceeded', message: `${all} objects are failing (including reference failures), more than ${q.absoluteMax}.` };
  }
  if (failures < q.minFailures) return undefined;
  if (failures > q.maxFailures) {
    return { reason: 'EncounteredTotalEscrowThreshold', code: 'EscrowThresholdExceeded', message: `${failures} objects are failing, more than ${q.maxFailures}.` };
  }
  if (failures > q.failureRatio * Math.max(1, objects + failures)) {
    return { reason: 'EncounteredEscrowProportionThreshold', code: 'EscrowProportionExceeded', message: `${failures} of ${objects + failures} objects are failing, more than ${Math.round(q.failureRatio * 100)} %.` };
  }
  return undefined;
}

/** The quarantine after this cycle, or null when the job is healthy. */
export function nextQuarantine(previous: QuarantineInfo | null, cause: QuarantineCause | undefined, now: Date, settings: JobSettings): QuarantineInfo | null {
  if (!cause) return null;
  const seriesCount = (previous?.seriesCount ?? 0) + 1;
  // the cadence slows towards once a day (§2.3)
  const interval = Math.min(settings.cycleIntervalMs * 2 ** (seriesCount - 1), DAY);
  return {
    reason: cause.reason,
    currentBegan: previous && previous.reason === cause.reason ? previous.currentBegan : now.toISOString(),
    seriesBegan: previous?.seriesBegan ?? now.toISOString(),
    seriesCount,
    nextAttempt: new Date(now.getTime() + interval).toISOString(),
    error: { code: cause.code, message: cause.message, tenantActionable: true },
  };
}

export function quarantineExpired(quarantine: QuarantineInfo | null, now: Date, settings: JobSettings): boolean {
  return quarantine !== null && now.getTime() - Date.parse(quarantine.seriesBegan) > settings.quarantine.disableAfterMs;
}
