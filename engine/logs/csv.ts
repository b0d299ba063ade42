/**
 * @module engine/logs/csv
 * The portal's CSV download (ENTRA-SPEC §7.2): three files joined by `changeId`:
 * `ProvisioningLogs.csv` (every entry without its steps and modified properties),
 * `ProvisioningLogs_ProvisioningSteps.csv` (one row per step) and
 * `ProvisioningLogs_ModifiedProperties.csv` (one row per changed attribute). Quoting is RFC 4180
 * (https://datatracker.ietf.org/doc/html/rfc4180#section-2), done by csv-stringify.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ProvisioningLogEntry } from './types.js';

export const CSV_FILES = {
  entries: 'ProvisioningLogs.csv',
  steps: 'ProvisioningLogs_ProvisioningSteps.csv',
  modifiedProperties: 'ProvisioningLogs_ModifiedProperties.csv',
} as const;

export type CsvFileKind = keyof typeof CSV_FILES;

type Cell = string | number | boolean | null | undefined;
type Column = readonly [header: string, value: (entry: ProvisioningLogEntry) => Cell];

const ENTRY_COLUMNS: readonly Column[] = [
  ['id', (e) => e.id],
  ['activityDateTime', (e) => e.activityDateTime],
  ['jobId', (e) => e.jobId],
  ['cycleId', (e) => e.cycleId],
  ['changeId', (e) => e.changeId],
  ['provisioningAction', (e) => e.provisioningAction],
  ['status', (e) => e.provisioningStatusInfo.status],
  ['errorCode', (e) => e.provisioningStatusInfo.errorInformation?.errorCode],
  ['reason', (e) => e.provisioningStatusInfo.errorInformation?.reason],
  ['additionalDetails', (e) => e.provisioningStatusInfo.errorInformation?.additionalDetails],
  ['errorCategory', (e) => e.provisioningStatusInfo.errorInformation?.errorCategory],
  ['recommendedAction', (e) => e.provisioningStatusInfo.errorInformation?.recommendedAction],
  ['durationInMilliseconds', (e) => e.durationInMilliseconds],
  ['sourceIdentity.id', (e) => e.sourceIdentity.id],
  ['sourceIdentity.displayName', (e) => e.sourceIdentity.displayName],
  ['sourceIdentity.identityType', (e) => e.sourceIdentity.identityType],
  ['targetIdentity.id', (e) => e.targetIdentity.id],
  ['targetIdentity.displayName', (e) => e.targetIdentity.displayName],
  ['targetIdentity.identityType', (e) => e.targetIdentity.identityType],
  ['sourceSystem.id', (e) => e.sourceSystem.id],
  ['sourceSystem.displayName', (e) => e.sourceSystem.displayName],
  ['targetSystem.id', (e) => e.targetSystem.id],
  ['targetSystem.displayName', (e) => e.targetSystem.displayName],
  ['initiatedBy.displayName', (e) => e.initiatedBy.displayName],
  ['initiatedBy.initiatorType', (e) => e.initiatedBy.initiatorType],
  ['onDemand', (e) => e.onDemand ?? false],
];

const STEP_HEADERS = ['changeId', 'stepNumber', 'name', 'provisioningStepType', 'status', 'description', 'details'] as const;
const PROPERTY_HEADERS = ['changeId', 'displayName', 'oldValue', 'newValue'] as const;

/**
 * A text cell that a spreadsheet would run as a formula (it starts with = + - @, or a tab or
 * carriage return that some spreadsheets skip before one) gets a leading apostrophe: log values
 * come from the source directory and the target, and opening the download must not execute them
 * (OWASP "CSV Injection").
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: Cell): string | number | null {
  if (value === undefined || value === null) return null;
  // csv-stringify would write booleans as 1 and an empty cell
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? neutralizeFormula(value) : value;
}

function csv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([headers, ...rows.map((row) => row.map(cell))], {
    // RFC 4180 §2: CRLF between records. The byte order mark makes spreadsheets read UTF-8 names right.
    record_delimiter: 'windows',
    bom: true,
  });
}

/** The three files' contents, keyed by kind. */
export function provisioningLogCsv(entries: readonly ProvisioningLogEntry[]): Record<CsvFileKind, string> {
  return {
    entries: csv(
      ENTRY_COLUMNS.map(([header]) => header),
      entries.map((entry) => ENTRY_COLUMNS.map(([, value]) => value(entry))),
    ),
    steps: csv(
      STEP_HEADERS,
      entries.flatMap((entry) =>
        entry.provisioningSteps.map((step, index) => [
          entry.changeId,
          index + 1,
          step.name,
          step.provisioningStepType,
          step.status,
          step.description,
          JSON.stringify(step.details),
        ]),
      ),
    ),
    modifiedProperties: csv(
      PROPERTY_HEADERS,
      entries.flatMap((entry) => entry.modifiedProperties.map((p) => [entry.changeId, p.displayName, p.oldValue, p.newValue])),
    ),
  };
}

/** Writes the three files into `dir` (which must exist); returns their paths. */
export async function writeProvisioningLogCsv(dir: string, entries: readonly ProvisioningLogEntry[]): Promise<string[]> {
  const files = provisioningLogCsv(entries);
  const paths: string[] = [];
  for (const kind of Object.keys(CSV_FILES) as CsvFileKind[]) {
    const path = join(dir, CSV_FILES[kind]);
    await writeFile(path, files[kind]);
    paths.push(path);
  }
  return paths;
}
