/**
 * @module engine/expressions/functions/date-argument
 * Date functions take a DateTime or a string to parse (`DateAdd("d", 7, CDate([x]))`, or a bare
 * string, which Entra also accepts); anything else is an evaluation error naming the function.
 */
import { toDate } from '../coerce.js';
import type { CallContext } from '../function.types.js';
import type { DateTimeValue, Value } from '../value.js';

export function dateArgument(value: Value, call: CallContext, what: string): DateTimeValue {
  const date = toDate(value);
  if (!date || !Number.isFinite(date.ms)) throw call.fail('invalid-argument', `${what} is not a date/time: ${JSON.stringify(value)}`);
  return date;
}
