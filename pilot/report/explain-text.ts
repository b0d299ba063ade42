/**
 * @module pilot/report/explain-text
 * A failed expectation's evidence as plain lines: provisioning log entries (ENTRA-SPEC §7.1) and
 * target requests. Shared by the text and JUnit reporters; the HTML reporter lays out the same
 * fields as markup.
 */
import type { ProvisioningLogEntry } from '../../engine/logs/types.js';
import type { TargetRequest } from '../result.js';
import { compact, plain } from './values.js';

/** `create failure LicenseLimitExceeded: No seats left (alex@contoso.com)` */
export function logEntryLine(entry: ProvisioningLogEntry): string {
  const { status, errorInformation: err } = entry.provisioningStatusInfo;
  const who = entry.sourceIdentity.displayName || entry.targetIdentity.displayName;
  const error = err ? ` ${err.errorCode}: ${err.reason}` : '';
  return plain(`${entry.provisioningAction} ${status}${error}${who ? ` (${who})` : ''}`);
}

/** The line above, then each step and each modified property. */
export function logEntryLines(entry: ProvisioningLogEntry): string[] {
  const lines = [`log ${logEntryLine(entry)}`];
  for (const step of entry.provisioningSteps) lines.push(plain(`  step ${step.name} ${step.status}: ${step.description}`));
  for (const p of entry.modifiedProperties) lines.push(plain(`  ${p.displayName}: ${p.oldValue ?? '∅'} → ${p.newValue ?? '∅'}`));
  return lines;
}

/** `PATCH /scim/v2/Users/42 → 400 [quirk slack-like]`, then the bodies, compact. */
export function requestLines(r: TargetRequest): string[] {
  const lines = [plain(`${r.method} ${r.path} → ${r.status}${r.quirk ? ` [quirk ${r.quirk}]` : ''}`)];
  if (r.requestBody !== undefined) lines.push(`  request: ${compact(r.requestBody, 400)}`);
  if (r.responseBody !== undefined) lines.push(`  response: ${compact(r.responseBody, 400)}`);
  return lines;
}
