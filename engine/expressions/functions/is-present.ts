/** @module engine/expressions/functions/is-present  IsPresent(expression): the inverse of IsNullOrEmpty (ENTRA-SPEC §4.4). */
import { isNullOrEmpty } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const isPresent: FunctionDefinition = {
  name: 'IsPresent',
  params: [{ name: 'expression', type: 'any' }],
  impl: ([value]) => !isNullOrEmpty(value),
};
