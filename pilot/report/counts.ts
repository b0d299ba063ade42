/**
 * @module pilot/report/counts
 * The verdict counts every reporter closes with, taken from the matrix itself so a summary can
 * never disagree with the rows above it.
 */
import type { PilotResult, Verdict } from '../result.js';

export type Counts = Record<Verdict, number>;

export function expectationCounts(result: PilotResult): Counts {
  return tally(result.scenarios.flatMap((s) => s.expectations.map((e) => e.status)));
}

export function scenarioCounts(result: PilotResult): Counts {
  return tally(result.scenarios.map((s) => s.status));
}

function tally(verdicts: readonly Verdict[]): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const v of verdicts) counts[v] += 1;
  return counts;
}

export function countsLine({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
