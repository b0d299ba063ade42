/**
 * @module conformance/reporters/summary
 * The lines every reporter shares: what ran against what, and the closing count.
 */
import type { RunResult, RunSummary } from '../types.js';

/** `scimulator 0.1.0, profile entra, quirks throttled` */
export function runDescription(run: RunResult): string {
  return `${run.tool.name} ${run.tool.version}, profile ${run.profile}${run.quirks ? `, quirks ${run.quirks}` : ''}`;
}

/** `N passed, N failed, N skipped`, then not-run and known failures only when there are any. */
export function summaryLine(summary: RunSummary): string {
  const extra = [
    ...(summary.notRun ? [`${summary.notRun} not run`] : []),
    ...(summary.knownFailures ? [`${summary.knownFailures} known failure(s) from the baseline`] : []),
  ];
  return [`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`, ...extra].join(', ');
}

/** Warnings a reader must not miss: discovery trouble, an interrupted run, baseline checks now passing. */
export function noticeLines(run: RunResult): string[] {
  const lines: string[] = [];
  if (run.discoveryProblems.length) {
    lines.push(`discovery failed even after retrying, so ${run.summary.notRun} check(s) were not run: ${run.discoveryProblems.join('; ')}`);
  }
  if (run.discoveryRetried.length) lines.push(`discovery needed retries (the answers came in the end): ${run.discoveryRetried.join('; ')}`);
  if (run.interrupted) lines.push('interrupted: the run stopped before every selected check had run (partial report)');
  if (run.fixed.length) lines.push(`fixed since the baseline (now passing): ${run.fixed.join(', ')}`);
  return lines;
}

/** Does this result fail the run? Only a MUST failure the baseline does not list. */
export function failsRun(r: { status: string; level: string; knownFailure?: boolean }): boolean {
  return r.status === 'failed' && r.level === 'MUST' && !r.knownFailure;
}
