/**
 * @module engine/job/duration
 * Job files give durations as milliseconds or ISO-8601 durations (PT40M, PT6H, P28D), the form
 * Graph uses for a job's schedule interval (ENTRA-SPEC §1.1).
 */

const ISO = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function durationMs(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = ISO.exec(value);
  if (!m) throw new TypeError(`not an ISO-8601 duration: ${JSON.stringify(value)}`);
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return Math.round(((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
