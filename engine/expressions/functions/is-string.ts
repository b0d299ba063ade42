/** @module engine/expressions/functions/is-string  IsString(expression): True when the value can be evaluated as a single string (ENTRA-SPEC §4.4). */
import { isScalar } from '../value.js';
import type { FunctionDefinition } from '../function.types.js';

export const isString: FunctionDefinition = {
  name: 'IsString',
  params: [{ name: 'expression', type: 'any' }],
  impl: ([value]) => value !== null && isScalar(value),
};
