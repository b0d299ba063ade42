/**
 * @module engine/expressions/dates
 * Date parsing and rendering for CDate, DateAdd, DateDiff, Now, NumFromDate and DateFromNum
 * (ENTRA-SPEC §4.3–4.4). The service runs in UTC: a date without offset is UTC, an offset is
 * normalised to UTC (`2021-06-30+08:00` → `6/29/2021 4:00:00 PM`), and DateTime renders as
 * `M/d/yyyy h:mm:ss tt`.
 */
import { DateTimeValue } from './value.js';

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** FILETIME epoch (1601-01-01 UTC) in Unix milliseconds; ticks are 100 ns. */
const FILETIME_EPOCH_MS = -11_644_473_600_000;

export function parseDate(text: string): DateTimeValue | undefined {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), fraction(m[7]), m[8]);
  m = US.exec(s);
  if (m) {
    let hour = +(m[4] ?? 0);
    const ampm = m[7]?.toUpperCase();
    if (ampm && (hour < 1 || hour > 12)) return undefined;
    if (ampm === 'PM' && hour < 12) hour += 12;
    if (ampm === 'AM' && hour === 12) hour = 0;
    return build(+m[3], +m[1], +m[2], hour, +(m[5] ?? 0), +(m[6] ?? 0), 0, m[8]);
  }
  return undefined;
}

function fraction(digits: string | undefined): number {
  return digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
}

/** Builds a UTC instant from wall-clock fields, rejecting impossible dates (Feb 30, 25:00). */
export function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offset?: string,
): DateTimeValue | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  return new DateTimeValue(date.getTime() - offsetMinutes(offset) * 60_000);
}

export function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = +digits.slice(0, 2) * 60 + +(digits.slice(2, 4) || 0);
  return offset[0] === '-' ? -minutes : minutes;
}

/** `M/d/yyyy h:mm:ss tt` in UTC, the rendering of every DateTime in a string context. */
export function renderDate(value: DateTimeValue): string {
  const d = new Date(value.ms);
  const h = d.getUTCHours();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ` +
    `${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
  );
}

export function toFileTime(value: DateTimeValue): bigint {
  return BigInt(value.ms - FILETIME_EPOCH_MS) * 10_000n;
}

export function fromFileTime(ticks: bigint): DateTimeValue {
  return new DateTimeValue(Number(ticks / 10_000n) + FILETIME_EPOCH_MS);
}
