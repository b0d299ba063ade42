/**
 * @module engine/logs
 * Provisioning logs (ENTRA-SPEC §7): the entry types, their store, queries, the CSV download, a
 * terminal table, and the per-cycle summaries `scimulator report` reads.
 */
export type * from './types.js';
export { openLogStore, LOG_FILE, DEFAULT_RETENTION_DAYS } from './store.js';
export type { LogStore, LogStoreOptions } from './store.js';
export { matchesQuery, collectQuery, applyQuery } from './query.js';
export type { QueryCollector } from './query.js';
export { provisioningLogCsv, writeProvisioningLogCsv, neutralizeFormula, CSV_FILES } from './csv.js';
export type { CsvFileKind } from './csv.js';
export { formatLogTable, reasonOf, shortId } from './table.js';
export type { LogTableOptions } from './table.js';
export { appendCycleSummary, readCycleSummaries, toCycleSummary, CYCLES_FILE } from './cycles.js';
export type { CycleSummary } from './cycles.js';
export { JsonLinesError } from './jsonl.js';
export { jobReport, formatReportText } from './report.js';
export type { JobReport, CycleRow } from './report.js';
