/**
 * @module engine/expressions/functions/date-diff
 * DateDiff(interval, date1, date2): date2 − date1 in VB semantics (ENTRA-SPEC §4.4): `yyyy`, `q`, `m`
 * count calendar boundaries, `ww` counts Sunday boundaries, `d`/`y`/`w`/`h`/`n`/`s` truncate the
 * elapsed time.
 */
import { dateArgument } from './date-argument.js';
import type { FunctionDefinition } from '../function.types.js';

const DAY = 86_400_000;
const ELAPSED: Readonly<Record<string, number>> = { d: DAY, y: DAY, w: 7 * DAY, h: 3_600_000, n: 60_000, s: 1_000 };

export const dateDiff: FunctionDefinition = {
  name: 'DateDiff',
  params: [
    { name: 'interval', type: 'string' },
    { name: 'date1', type: 'datetime' },
    { name: 'date2', type: 'datetime' },
  ],
  impl: ([interval, first, second], call) => {
    if (interval === null || first === null || second === null) return null;
    const a = new Date(dateArgument(first, call, 'date1').ms);
    const b = new Date(dateArgument(second, call, 'date2').ms);
    const unit = String(interval).toLowerCase();
    const months = (d: Date): number => d.getUTCFullYear() * 12 + d.getUTCMonth();
    switch (unit) {
      case 'yyyy':
        return b.getUTCFullYear() - a.getUTCFullYear();
      case 'q':
        return Math.floor(months(b) / 3) - Math.floor(months(a) / 3);
      case 'm':
        return months(b) - months(a);
      case 'ww':
        return sundayWeek(b) - sundayWeek(a);
      default:
        if (!Object.hasOwn(ELAPSED, unit)) {
          throw call.fail('invalid-argument', `unknown interval ${JSON.stringify(interval)} (yyyy, q, m, y, d, w, ww, h, n, s)`);
        }
        return Math.trunc((b.getTime() - a.getTime()) / ELAPSED[unit]);
    }
  },
};

/** Index of the Sunday-started week holding the date (1970-01-04 was a Sunday). */
function sundayWeek(d: Date): number {
  const day = Math.floor(d.getTime() / DAY);
  return Math.floor((day - 3) / 7);
}
