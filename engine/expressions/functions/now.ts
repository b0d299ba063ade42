/** @module engine/expressions/functions/now  Now(): the current UTC DateTime, from the injected clock (ENTRA-SPEC §4.4). */
import { DateTimeValue } from '../value.js';
import type { FunctionDefinition } from '../function.types.js';

export const now: FunctionDefinition = {
  name: 'Now',
  params: [],
  impl: (_, call) => new DateTimeValue(call.options.now().getTime()),
};
