/**
 * @module server/quirks
 * Quirk profiles: make the mock target misbehave exactly like real SaaS apps do.
 */
export { createQuirkRuntime } from './runtime.js';
export type { QuirkRuntimeOptions } from './runtime.js';
export { validateQuirkProfile } from './validate.js';
export type { ProfileValidation } from './validate.js';
export { loadQuirkProfile, listBundledProfiles, profileLocation, QuirkProfileError } from './load.js';
export { activeQuirks } from './active.js';
export { mulberry32 } from './random.js';
export { createPathCompiler } from './attribute-paths.js';
export { withCaseExactUserName } from './case-exact.js';
export type { QuirkProfile, QuirkName, FaultKind } from './profile.js';
export type { Timers } from './timers.js';
export type { QuirkRuntime, WriteContext, ScimOperation, JournalEntry, RequestJournal } from './types.js';
