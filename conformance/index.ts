/**
 * @module conformance
 * The conformance runner: a catalog of checks, the runner, and one reporter per output format.
 */
export { CATALOG } from './catalog.js';
export { runConformance, RunStartError, summarize } from './runner.js';
export { createPacer, describeGiveUp, RETRYABLE_STATUSES } from './pacing.js';
export type { GiveUp, Pacer, PacingOptions } from './pacing.js';
export { readBaseline } from './baseline.js';
export type { RunOptions } from './runner.js';
export { selectChecks, SelectionError } from './select.js';
export { formatText } from './reporters/text.js';
export { formatJson } from './reporters/json.js';
export { formatJunit } from './reporters/junit.js';
export { formatHtml } from './reporters/html.js';
export { summaryLine, noticeLines, failsRun } from './reporters/summary.js';
export { runFailed } from './types.js';
export type { RunSummary } from './types.js';
export type { Area, Check, CheckContext, CheckResult, CheckStatus, Feature, Level, ProfileName, ProfileSelection, RunResult } from './types.js';
