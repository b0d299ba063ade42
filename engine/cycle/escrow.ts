/**
 * @module engine/cycle/escrow
 * The escrow book (ENTRA-SPEC §2.11): a failed export is parked and retried on a schedule relative
 * to its first failure — the next cycle, then 6 h, 12 h, 24 h after it, then every 24 h — and
 * dropped after 28 days; a success clears it. Pure: the state's escrows in, changed in place.
 */
import { objectKey } from '../state/types.js';
import type { EngineState } from '../state/types.js';
import type { Failure } from './runtime.js';

export interface EscrowSettings {
  readonly retrySchedule: readonly number[];
  readonly escrowDropAfterMs: number;
}

export function nextRetry(firstFailure: number, lastFailure: number, attempts: number, schedule: readonly number[]): number {
  if (attempts - 1 < schedule.length) return Math.max(lastFailure, firstFailure + schedule[attempts - 1]!);
  return lastFailure + (schedule[schedule.length - 1] || 24 * 3600_000);
}

export function bookEscrows(state: EngineState, failures: readonly Failure[], succeeded: ReadonlySet<string>, now: Date, settings: EscrowSettings): { escrowed: number; dropped: number } {
  const t = now.getTime();
  const failed = new Set<string>();
  for (const f of failures) {
    if (f.outcome.retry === 'quarantine' || f.outcome.retry === 'none') continue;
    const key = objectKey(f.kind, f.sourceId);
    failed.add(key);
    const previous = state.escrows[key];
    const first = previous ? Date.parse(previous.firstFailure) : t;
    const attempts = (previous?.attempts ?? 0) + 1;
    state.escrows[key] = {
      kind: f.kind,
      sourceId: f.sourceId,
      firstFailure: new Date(first).toISOString(),
      lastFailure: now.toISOString(),
      attempts,
      nextRetry: new Date(nextRetry(first, t, attempts, settings.retrySchedule)).toISOString(),
      errorCode: f.outcome.errorCode,
      reason: f.outcome.reason,
      ...(f.digest !== undefined ? { digest: f.digest } : {}),
      reference: f.reference && !(previous && !previous.reference),
    };
  }
  let dropped = 0;
  for (const [key, escrow] of Object.entries(state.escrows)) {
    if (succeeded.has(key) && !failed.has(key)) {
      delete state.escrows[key];
      continue;
    }
    if (t - Date.parse(escrow.firstFailure) > settings.escrowDropAfterMs) {
      delete state.escrows[key];
      dropped++;
    }
  }
  return { escrowed: failed.size, dropped };
}
