/**
 * @module engine/logs/table
 * Provisioning log entries as a terminal table, the columns of the portal's list (ENTRA-SPEC
 * §7.2): time, cycle, action, status, source identity, target id, and why (error code or skip reason).
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { ProvisioningLogEntry, ProvisioningStatus } from './types.js';

export interface LogTableOptions {
  /** colour the status column (a terminal) */
  readonly color?: boolean;
}

/** The table, ending in a newline; one line saying so when there are no entries. */
export function formatLogTable(entries: readonly ProvisioningLogEntry[], options: LogTableOptions = {}): string {
  if (entries.length === 0) return 'no provisioning log entries match\n';
  const colors = pc.createColors(options.color ?? false);
  const paint: Record<ProvisioningStatus, (text: string) => string> = {
    success: colors.green,
    failure: colors.red,
    warning: colors.yellow,
    skipped: colors.dim,
  };
  const table = new Table({
    head: ['time (UTC)', 'cycle', 'action', 'status', 'source', 'target id', 'error / skip reason'],
    // cli-table3 colours headers and borders by default: only when asked.
    style: { head: options.color ? ['bold'] : [], border: [] },
  });
  for (const entry of entries) {
    const status = entry.provisioningStatusInfo.status;
    table.push([
      entry.activityDateTime.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''),
      shortId(entry.cycleId),
      entry.provisioningAction,
      paint[status](status),
      sourceLabel(entry),
      entry.targetIdentity.id,
      reasonOf(entry),
    ]);
  }
  return `${table.toString()}\n${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}\n`;
}

/** The first block of a uuid-like id: enough to tell cycles apart in a list. */
export function shortId(id: string): string {
  const dash = id.indexOf('-');
  return dash > 0 ? id.slice(0, dash) : id.slice(0, 8);
}

function sourceLabel(entry: ProvisioningLogEntry): string {
  const { displayName, id } = entry.sourceIdentity;
  return displayName && displayName !== id ? `${displayName} (${id})` : id;
}

/** The error code of a failure or warning; for a skip, the step's SkipReason (§7.4, e.g. RedundantExport). */
export function reasonOf(entry: ProvisioningLogEntry): string {
  const code = entry.provisioningStatusInfo.errorInformation?.errorCode;
  if (code) return code;
  for (const step of entry.provisioningSteps) {
    const reason = step.details.SkipReason;
    if (reason) return reason;
  }
  return '';
}
