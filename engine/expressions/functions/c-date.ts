/**
 * @module engine/expressions/functions/c-date
 * CDate(expression): a date/time string → DateTime, offsets normalised to UTC
 * (`2020-03-16-07:00` → `3/16/2020 7:00:00 AM`, ENTRA-SPEC §4.4).
 */
import { dateArgument } from './date-argument.js';
import type { FunctionDefinition } from '../function.types.js';

export const cDate: FunctionDefinition = {
  name: 'CDate',
  params: [{ name: 'expression', type: 'datetime' }],
  impl: ([value], call) => (value === null ? null : dateArgument(value, call, 'expression')),
};
