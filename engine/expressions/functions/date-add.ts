/**
 * @module engine/expressions/functions/date-add
 * DateAdd(interval, value, dateTime): VB DateAdd (ENTRA-SPEC §4.4). Intervals `yyyy` year, `q`
 * quarter, `m` month, `y`/`d`/`w` day, `ww` week, `h` hour, `n` minute, `s` second; month arithmetic
 * clamps to the last day of the month, as VB does (Jan 31 + 1 month = Feb 28/29).
 */
import { toInteger } from '../coerce.js';
import { DateTimeValue } from '../value.js';
import { dateArgument } from './date-argument.js';
import type { FunctionDefinition } from '../function.types.js';

const FIXED_MS: Readonly<Record<string, number>> = {
  y: 86_400_000,
  d: 86_400_000,
  w: 86_400_000,
  ww: 7 * 86_400_000,
  h: 3_600_000,
  n: 60_000,
  s: 1_000,
};
const MONTHS: Readonly<Record<string, number>> = { yyyy: 12, q: 3, m: 1 };

export const dateAdd: FunctionDefinition = {
  name: 'DateAdd',
  params: [
    { name: 'interval', type: 'string' },
    { name: 'value', type: 'integer' },
    { name: 'dateTime', type: 'datetime' },
  ],
  impl: ([interval, value, dateTime], call) => {
    if (interval === null || value === null || dateTime === null) return null;
    const unit = String(interval).toLowerCase();
    const date = dateArgument(dateTime, call, 'dateTime');
    const amount = toInteger(value)!;
    let ms: number;
    if (Object.hasOwn(MONTHS, unit)) ms = addMonths(date.ms, amount * MONTHS[unit]);
    else if (Object.hasOwn(FIXED_MS, unit)) ms = date.ms + amount * FIXED_MS[unit];
    else throw call.fail('invalid-argument', `unknown interval ${JSON.stringify(interval)} (yyyy, q, m, y, d, w, ww, h, n, s)`);
    if (!Number.isFinite(new Date(ms).getTime())) throw call.fail('invalid-argument', 'date out of range');
    return new DateTimeValue(ms);
  },
};

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}
