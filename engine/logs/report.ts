/**
 * @module engine/logs/report
 * The job report: the job's status (ENTRA-SPEC §1.1: code, quarantine, escrows, staged deletes) and
 * per cycle what the portal's "Statistics to date" shows (§2.14): kind, state, counts, duration,
 * throughput and requests sent. Built from the cycle summaries; pure.
 */
import Table from 'cli-table3';
import type { CycleKind, JobStatus, RequestCounts } from '../api.js';
import type { CycleSummary } from './cycles.js';
import type { ProvisioningAction, ProvisioningStatus } from './types.js';

export interface CycleRow {
  readonly cycleId: string;
  readonly kind: CycleKind;
  readonly state: CycleSummary['state'];
  readonly notRun?: CycleSummary['notRun'];
  readonly dryRun: boolean;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly durationMs: number;
  readonly objects: number;
  /** objects / duration; null for a cycle that took no measurable time */
  readonly objectsPerSecond: number | null;
  readonly byAction: Readonly<Partial<Record<ProvisioningAction, number>>>;
  readonly byStatus: Readonly<Partial<Record<ProvisioningStatus, number>>>;
  readonly requests: RequestCounts;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface JobReport {
  /** the status after the last cycle; null when no cycle has run */
  readonly status: JobStatus | null;
  /** oldest first */
  readonly cycles: readonly CycleRow[];
  /** cycles stored, of which `cycles` are the latest */
  readonly totalCycles: number;
}

/** The report over the stored summaries (oldest first), keeping the `last` cycles when given. */
export function jobReport(summaries: readonly CycleSummary[], last?: number): JobReport {
  const shown = last === undefined ? summaries : summaries.slice(Math.max(0, summaries.length - last));
  return {
    status: summaries.at(-1)?.status ?? null,
    cycles: shown.map(cycleRow),
    totalCycles: summaries.length,
  };
}

function cycleRow(s: CycleSummary): CycleRow {
  return {
    cycleId: s.cycleId,
    kind: s.kind,
    state: s.state,
    ...(s.notRun ? { notRun: s.notRun } : {}),
    dryRun: s.dryRun,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    durationMs: s.durationMs,
    objects: s.counts.objects,
    objectsPerSecond: s.durationMs > 0 ? rate(s.counts.objects / (s.durationMs / 1000)) : null,
    byAction: s.counts.byAction,
    byStatus: s.counts.byStatus,
    requests: s.requests,
    ...(s.error ? { error: s.error } : {}),
  };
}

/** The report as text for a terminal. */
export function formatReportText(report: JobReport): string {
  const { status } = report;
  if (!status) return 'Job has not run: no cycle summaries yet.\n';
  const lines = [`Job status: ${status.code}`];
  const q = status.quarantine;
  lines.push(
    q
      ? `Quarantine: ${q.reason} since ${q.currentBegan} (series of ${q.seriesCount} since ${q.seriesBegan}), next attempt ${q.nextAttempt}; ${q.error.code}: ${q.error.message}`
      : 'Quarantine: none',
  );
  lines.push(
    `Escrows: ${status.escrows}${status.escrowsPruned ? ' (pruned during the initial cycle)' : ''} · Staged deletes: ${status.stagedDeletes} · ` +
      `Successive complete failures: ${status.countSuccessiveCompleteFailures} · Initial cycle pending: ${status.initialPending ? 'yes' : 'no'}`,
  );
  const synced = status.synchronizedEntryCountByType.map(({ key, value }) => `${key} ${value}`).join(', ');
  lines.push(`Synchronized: ${synced || 'nothing'}`);
  if (status.lastSuccessfulExecution) lines.push(`Last successful cycle: ${status.lastSuccessfulExecution.activityIdentifier} ended ${status.lastSuccessfulExecution.timeEnded}`);
  lines.push('');
  const shown = report.cycles.length === report.totalCycles ? `${report.totalCycles}` : `latest ${report.cycles.length} of ${report.totalCycles}`;
  lines.push(`Cycles (${shown}):`);
  const table = new Table({
    head: ['cycle', 'kind', 'state', 'started (UTC)', 'by action', 'by status', 'duration', 'objects/s', 'requests'],
    style: { head: [], border: [] },
  });
  for (const c of report.cycles) {
    table.push([
      c.cycleId,
      c.kind + (c.dryRun ? ' (dry run)' : ''),
      c.notRun ? `not run (${c.notRun})` : c.state + (c.error ? `: ${c.error.code}` : ''),
      c.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
      counts(c.byAction) || '-',
      counts(c.byStatus) || '-',
      duration(c.durationMs),
      c.objectsPerSecond === null ? '-' : String(c.objectsPerSecond),
      `${c.requests.total} (${c.requests.reads} reads, ${c.requests.writes} writes)`,
    ]);
  }
  return `${lines.join('\n')}\n${table.toString()}\n`;
}

/** Three significant digits below 100 (0.015, 1.5, 42.7), whole numbers above. */
function rate(perSecond: number): number {
  return perSecond >= 100 ? Math.round(perSecond) : Number(perSecond.toPrecision(3));
}

function counts(byKey: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(byKey)
    .filter(([, n]) => n)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

/** 950 ms, 2.5 s, 3 min 20 s, 1 h 5 min */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s * 10) / 10} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${Math.floor(s - minutes * 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
