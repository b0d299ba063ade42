/**
 * @module engine/expressions/functions/num-from-date
 * NumFromDate(value): a date/time → AD FILETIME ticks for `accountExpires` (ENTRA-SPEC §4.4);
 * `"2020-12-31 23:59:59-08:00"` → 132539615990000000. Year-9999 style dates fail, as Microsoft's
 * guides warn. Values beyond 2^53 come back as bigint so every digit stays exact.
 */
import { toFileTime } from '../dates.js';
import { dateArgument } from './date-argument.js';
import type { FunctionDefinition } from '../function.types.js';

export const numFromDate: FunctionDefinition = {
  name: 'NumFromDate',
  params: [{ name: 'value', type: 'datetime' }],
  impl: ([value], call) => {
    if (value === null) return null;
    const date = dateArgument(value, call, 'value');
    if (new Date(date.ms).getUTCFullYear() >= 9999) throw call.fail('invalid-argument', 'dates in year 9999 cannot be converted');
    const ticks = toFileTime(date);
    return ticks <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(ticks) : ticks;
  },
};
