/** @module engine/expressions/functions/c-str  CStr(value): a number, reference or boolean as a string (ENTRA-SPEC §4.4). */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const cStr: FunctionDefinition = {
  name: 'CStr',
  params: [{ name: 'value', type: 'string' }],
  impl: ([value]) => toText(value),
};
