/**
 * @module engine/present/cycle-text
 * A cycle report and an on-demand run as a person reads them at a terminal: what the cycle did
 * (counts by action and status, requests, duration, job status), the failures with Entra's error
 * codes, and for on-demand the panel's steps (ENTRA-SPEC §2.13). Pure: text out.
 */
import type { CycleReport, OnDemandResult } from '../api.js';
import type { ProvisioningLogEntry } from '../logs/types.js';

const MAX_LISTED = 15;

export function formatCycleText(report: CycleReport): string {
  const lines: string[] = [];
  if (report.notRun) {
    lines.push(`No cycle ran: the job is ${report.notRun === 'not-due' ? 'quarantined and not due yet' : report.notRun}.`);
    lines.push(statusLine(report));
    return lines.join('\n');
  }
  const title = `${report.dryRun ? 'Dry run of an' : 'Ran an'} ${report.kind} cycle ${report.cycleId.slice(0, 8)}: ${report.state} in ${seconds(report.durationMs)}`;
  lines.push(title);
  if (report.error) lines.push(`  error: ${report.error.code}: ${report.error.message}`);
  const actions = Object.entries(report.counts.byAction).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const statuses = Object.entries(report.counts.byStatus).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  lines.push(`  objects looked at: ${report.counts.objects}; actions: ${actions}; statuses: ${statuses}`);
  const perSecond = report.durationMs > 0 ? ` (${Math.round((report.requests.total / report.durationMs) * 1000)} req/s)` : '';
  lines.push(`  requests: ${report.requests.total} (${report.requests.reads} reads, ${report.requests.writes} writes)${perSecond}`);
  const problems = report.entries.filter((e) => e.provisioningStatusInfo.status === 'failure' || e.provisioningStatusInfo.status === 'warning' || e.provisioningAction === 'stagedDelete');
  if (problems.length > 0) {
    lines.push(`  ${problems.length} entr${problems.length === 1 ? 'y needs' : 'ies need'} attention:`);
    for (const e of problems.slice(0, MAX_LISTED)) lines.push(`    ${entryLine(e)}`);
    if (problems.length > MAX_LISTED) lines.push(`    … and ${problems.length - MAX_LISTED} more (scimulator logs --status failure)`);
  }
  if (report.dryRun) {
    lines.push(`  would send ${report.plannedRequests.length} write${report.plannedRequests.length === 1 ? '' : 's'}:`);
    for (const r of report.plannedRequests.slice(0, 50)) lines.push(`    ${r.method} ${r.path}${r.body === undefined ? '' : ` ${compact(r.body)}`}`);
    if (report.plannedRequests.length > 50) lines.push(`    … and ${report.plannedRequests.length - 50} more (--format json lists them all)`);
  }
  lines.push(statusLine(report));
  return lines.join('\n');
}

function statusLine(report: CycleReport): string {
  const s = report.status;
  const q = s.quarantine ? ` (${s.quarantine.reason}: ${s.quarantine.error.message}; next attempt ${s.quarantine.nextAttempt})` : '';
  const counts = s.synchronizedEntryCountByType.map((c) => `${c.value} ${c.key.toLowerCase()}s`).join(', ');
  return `  job: ${s.code}${q}; linked: ${counts}; escrows: ${s.escrows}; staged deletes: ${s.stagedDeletes}`;
}

export function entryLine(e: ProvisioningLogEntry): string {
  const info = e.provisioningStatusInfo;
  const code = info.errorInformation ? ` ${info.errorInformation.errorCode}: ${info.errorInformation.reason}` : '';
  return `${e.sourceIdentity.displayName} (${e.sourceIdentity.id}): ${e.provisioningAction} ${info.status}${code}`;
}

/** The on-demand panel: each step with its status and details, then the result. */
export function formatOnDemandText(result: OnDemandResult): string {
  const e = result.entry;
  const lines = [`Provision on demand: ${e.sourceIdentity.displayName} (${e.sourceIdentity.id})`];
  e.provisioningSteps.forEach((step, i) => {
    lines.push(`  ${i + 1}. [${step.status}] ${step.provisioningStepType}: ${step.description}`);
    for (const [k, v] of Object.entries(step.details)) lines.push(`       ${k}: ${v}`);
  });
  if (e.modifiedProperties.length > 0) {
    lines.push('  modified properties:');
    for (const p of e.modifiedProperties) lines.push(`    ${p.displayName}: ${p.oldValue ?? '(none)'} → ${p.newValue ?? '(none)'}`);
  }
  const err = e.provisioningStatusInfo.errorInformation;
  lines.push(`Result: ${result.result} (${e.provisioningAction})${err ? ` ${err.errorCode}: ${err.reason}` : ''}`);
  return lines.join('\n');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function compact(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
