/**
 * @module pilot/report/values
 * How the reporters show plan values and target data: compact JSON for a table cell, full JSON
 * for a detail block, and user text made safe to print (the target's data is not trusted: a
 * control character in a display name must not move the terminal's cursor or break the XML).
 */

const COMPACT = 60;
const FULL = 4000;

/** C0 and C1 controls except tab and newline: terminal escapes, NUL, form feed … */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text from the plan or the target with every control character shown as its \u escape. */
export function plain(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line, at most `max` characters: `"alex@contoso.com"`, `{"active":false}`, `(none)`. */
export function compact(value: unknown, max = COMPACT): string {
  const text = json(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Indented JSON for a detail block, cut (and said so) past a few thousand characters. */
export function pretty(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return text.length > FULL ? `${text.slice(0, FULL)}… (${text.length} characters)` : text;
}

function json(value: unknown): string {
  if (value === undefined) return '(none)';
  // JSON.stringify escapes control characters inside strings; only a bigint or a function has no JSON
  return JSON.stringify(value) ?? String(value);
}

/** `2025-03-01 10:00:00 UTC` for an ISO instant; anything else as given. */
export function instant(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `850 ms`, `12.3 s` */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
