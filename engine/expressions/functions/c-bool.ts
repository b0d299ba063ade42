/** @module engine/expressions/functions/c-bool  CBool(expression): True when the expression is true or non-zero, else False (ENTRA-SPEC §4.4). */
import { toBoolean } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const cBool: FunctionDefinition = {
  name: 'CBool',
  params: [{ name: 'expression', type: 'string' }],
  impl: ([value]) => toBoolean(value) ?? false,
};
