/**
 * @module scim/client/retry-after
 * Reads a `Retry-After` header, RFC 9110 §10.2.3: `delay-seconds` or an HTTP-date, as the
 * milliseconds to wait from `now`. A 429 or 503 from the target carries it (ENTRA-SPEC §6.8).
 * https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 */

/** The wait in milliseconds (0 for a date already past), or undefined when the header is absent or malformed. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  // delay-seconds = 1*DIGIT (so no sign, fraction or exponent)
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }
  const at = parseHttpDate(text, now);
  if (at === undefined) return undefined;
  return Math.max(0, at - now.getTime());
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// RFC 9110 §5.6.7: IMF-fixdate, and the obsolete rfc850-date and asctime-date a recipient MUST accept
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
const RFC850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i');

/** Milliseconds since the epoch for an HTTP-date (always UTC), or undefined. */
function parseHttpDate(text: string, now: Date): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), m.slice(4, 7));
  m = RFC850.exec(text);
  if (m) {
    // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is in the past century
    const yy = Number(m[3]);
    const year = yy + 2000 > now.getUTCFullYear() + 50 ? 1900 + yy : 2000 + yy;
    return utc(year, m[2]!, Number(m[1]), m.slice(4, 7));
  }
  m = ASCTIME.exec(text);
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]!.trim()), m.slice(3, 6));
  return undefined;
}

function utc(year: number, month: string, day: number, time: string[]): number | undefined {
  const [h, min, s] = time.map(Number) as [number, number, number];
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  if (day < 1 || day > 31 || h > 23 || min > 59 || s > 60) return undefined;
  const ms = Date.UTC(year, monthIndex, day, h, min, Math.min(s, 59));
  // 31 Feb rolls over into March: not a date
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}
