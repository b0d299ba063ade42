/**
 * @module conformance
 * The conformance runner: a catalog of checks, the runner, and one reporter per output format.
 */
export { CATALOG } from './catalog.js';
export { runConformance, RunStartError } from './runner.js';
export type { RunOptions } from './runner.js';
export { selectChecks, SelectionError } from './select.js';
export { formatText } from './reporters/text.js';
export { formatJson } from './reporters/json.js';
export { formatJunit } from './reporters/junit.js';
export { formatHtml } from './reporters/html.js';
export type { Area, Check, CheckContext, CheckResult, CheckStatus, Feature, Level, ProfileName, ProfileSelection, RunResult } from './types.js';
