/**
 * @module engine/expressions/functions/date-from-num
 * DateFromNum(value): an AD FILETIME (100-ns ticks since 1601-01-01 UTC) → DateTime;
 * `129699324000000000` → `1/1/2012 11:00:00 PM` (ENTRA-SPEC §4.4).
 */
import { toBigInt } from '../coerce.js';
import { fromFileTime } from '../dates.js';
import type { FunctionDefinition } from '../function.types.js';

export const dateFromNum: FunctionDefinition = {
  name: 'DateFromNum',
  params: [{ name: 'value', type: 'integer' }],
  impl: ([value], call) => {
    if (value === null) return null;
    const date = fromFileTime(toBigInt(value)!);
    if (!Number.isFinite(new Date(date.ms).getTime())) throw call.fail('invalid-argument', 'FILETIME out of range');
    return date;
  },
};
