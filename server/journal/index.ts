/**
 * @module server/journal
 * The request journal: GET /_admin/requests and `serve --journal FILE`.
 */
export { captureJson, createRequestJournal } from './journal.js';
export type { JournalOptions, TruncatedBody } from './journal.js';
export { redact, REDACTED } from './redact.js';
export type { JournalEntry, RequestJournal } from '../quirks/types.js';
