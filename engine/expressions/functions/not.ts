/** @module engine/expressions/functions/not  Not(source): flips "True"/"False"; anything that is not True gives True (ENTRA-SPEC §4.4). */
import { toBoolean } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const not: FunctionDefinition = {
  name: 'Not',
  params: [{ name: 'source', type: 'string' }],
  impl: ([value]) => toBoolean(value) !== true,
};
