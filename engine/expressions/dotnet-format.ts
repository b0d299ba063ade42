/**
 * @module engine/expressions/dotnet-format
 * .NET custom date and time format strings for FormatDateTime (ENTRA-SPEC §4.4,
 * https://learn.microsoft.com/dotnet/standard/base-types/custom-date-and-time-format-strings), invariant
 * culture. Parsing keeps the wall-clock fields as written, so the output shows the same date the
 * input did (`"2020-12-31-08:00"` with `yyyy-MM-ddzzz` → `yyyy-MM-dd` gives `2020-12-31`).
 */

export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 100-ns ticks within the second, 0–9,999,999 */
  ticks: number;
  /** minutes east of UTC, when the input carried an offset */
  offset?: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const TOKEN = /y+|M+|d+|H+|h+|m+|s+|f+|F+|t+|z+|K|'[^']*'?|"[^"]*"?|\\.?|%.?|[\s\S]/g;

function tokens(format: string): string[] {
  return format.match(TOKEN) ?? [];
}

function literal(token: string): string | undefined {
  if (token.startsWith("'") || token.startsWith('"')) return token.slice(1, token.length > 1 && token.endsWith(token[0]) ? -1 : undefined);
  if (token.startsWith('\\')) return token.slice(1);
  return undefined;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Parses `text` with a .NET custom format; undefined when it does not match or names an impossible date. */
export function parseExact(text: string, format: string, defaultYear: number): DateFields | undefined {
  const parts: { set: (fields: DateFields, value: string) => boolean; designator: boolean }[] = [];
  let pattern = '';
  for (const raw of tokens(format)) {
    const token = raw.startsWith('%') && raw.length === 2 ? raw[1] : raw;
    const lit = literal(token);
    if (lit !== undefined) {
      pattern += escape(lit);
      continue;
    }
    const c = token[0];
    const n = token.length;
    const group = (regex: string, set: (f: DateFields, v: string) => boolean): void => {
      pattern += `(${regex})`;
      parts.push({ set, designator: c === 't' });
    };
    const num = (key: 'month' | 'day' | 'hour' | 'minute' | 'second') => (f: DateFields, v: string) => ((f[key] = +v), true);
    if (c === 'y') group(n === 1 ? '\\d{1,2}' : n === 2 ? '\\d{2}' : `\\d{${n},${Math.max(n, 4)}}`, (f, v) => ((f.year = n <= 2 ? twoDigitYear(+v) : +v), true));
    else if (c === 'M' && n >= 3) group(names(n === 3 ? MONTHS.map((m) => m.slice(0, 3)) : MONTHS), (f, v) => ((f.month = monthIndex(v) + 1), true));
    else if (c === 'M') group(n === 1 ? '\\d{1,2}' : '\\d{2}', num('month'));
    else if (c === 'd' && n >= 3) group(names(n === 3 ? DAYS.map((d) => d.slice(0, 3)) : DAYS), () => true);
    else if (c === 'd') group(n === 1 ? '\\d{1,2}' : '\\d{2}', num('day'));
    else if (c === 'H' || c === 'h') group(n === 1 ? '\\d{1,2}' : '\\d{2}', num('hour'));
    else if (c === 'm') group(n === 1 ? '\\d{1,2}' : '\\d{2}', num('minute'));
    else if (c === 's') group(n === 1 ? '\\d{1,2}' : '\\d{2}', num('second'));
    else if (c === 'f' || c === 'F') group(c === 'f' ? `\\d{${Math.min(n, 7)}}` : `\\d{0,${Math.min(n, 7)}}`, (f, v) => ((f.ticks = Number((v + '0000000').slice(0, 7))), true));
    else if (c === 't') group(n === 1 ? '[AP]' : 'AM|PM', (f, v) => ((f.hour = amPm(f.hour, v)), f.hour >= 0));
    else if (c === 'z' || c === 'K') group(c === 'K' ? 'Z|[+-]\\d{2}:\\d{2}|' : n === 1 ? '[+-]\\d{1,2}' : n === 2 ? '[+-]\\d{2}' : '[+-]\\d{2}:\\d{2}', (f, v) => {
      if (v !== '') f.offset = v.toUpperCase() === 'Z' ? 0 : (v[0] === '-' ? -1 : 1) * (+v.slice(1, 3) * 60 + +(v.slice(4, 6) || 0));
      return true;
    });
    else pattern += escape(token);
  }
  // DateTimeStyles AllowLeadingWhite | AllowTrailingWhite (the FormatDateTime default)
  const match = new RegExp(`^${pattern}$`, 'i').exec(text.trim());
  if (!match) return undefined;
  const fields: DateFields = { year: defaultYear, month: 1, day: 1, hour: 0, minute: 0, second: 0, ticks: 0 };
  // AM/PM applies once the hour is known: run the designator last
  const steps = parts.map((part, i) => ({ ...part, value: match[i + 1] ?? '' }));
  for (const step of [...steps.filter((s) => !s.designator), ...steps.filter((s) => s.designator)]) {
    if (!step.set(fields, step.value)) return undefined;
  }
  return valid(fields) ? fields : undefined;
}

function names(list: readonly string[]): string {
  return list.join('|');
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((m) => m.toLowerCase().startsWith(name.toLowerCase().slice(0, 3)));
}

function twoDigitYear(y: number): number {
  // .NET Calendar.TwoDigitYearMax is 2049 for the invariant Gregorian calendar
  return y + (y <= 49 ? 2000 : 1900);
}

function amPm(hour: number, designator: string): number {
  if (hour < 1 || hour > 12) return -1;
  const pm = designator.toUpperCase().startsWith('P');
  return (hour % 12) + (pm ? 12 : 0);
}

function valid(f: DateFields): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 59) return false;
  return f.day <= new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
}

/** Renders fields with a .NET custom format string (invariant culture). */
export function formatFields(f: DateFields, format: string): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  let out = '';
  for (const raw of tokens(format)) {
    const token = raw.startsWith('%') && raw.length === 2 ? raw[1] : raw;
    const lit = literal(token);
    if (lit !== undefined) {
      out += lit;
      continue;
    }
    const c = token[0];
    const n = token.length;
    const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    const weekday = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
    if (c === 'y') out += n === 1 ? String(f.year % 100) : n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
    else if (c === 'M') out += n >= 4 ? MONTHS[f.month - 1] : n === 3 ? MONTHS[f.month - 1].slice(0, 3) : pad(f.month, n);
    else if (c === 'd') out += n >= 4 ? DAYS[weekday] : n === 3 ? DAYS[weekday].slice(0, 3) : pad(f.day, n);
    else if (c === 'H') out += pad(f.hour, Math.min(n, 2));
    else if (c === 'h') out += pad(h12, Math.min(n, 2));
    else if (c === 'm') out += pad(f.minute, Math.min(n, 2));
    else if (c === 's') out += pad(f.second, Math.min(n, 2));
    else if (c === 'f') out += pad(f.ticks, 7).slice(0, Math.min(n, 7));
    else if (c === 'F') out += pad(f.ticks, 7).slice(0, Math.min(n, 7)).replace(/0+$/, '');
    else if (c === 't') out += (f.hour < 12 ? 'AM' : 'PM').slice(0, n === 1 ? 1 : 2);
    else if (c === 'z' || c === 'K') out += offsetText(c === 'K' ? 3 : n, f.offset, c === 'K');
    else out += token;
  }
  return out;
}

function offsetText(width: number, offset: number | undefined, roundtrip: boolean): string {
  if (roundtrip && offset === undefined) return '';
  const minutes = offset ?? 0;
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  if (width === 1) return `${sign}${hours}`;
  if (width === 2) return `${sign}${String(hours).padStart(2, '0')}`;
  return `${sign}${String(hours).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}
