/** @module engine/expressions/functions/is-null-or-empty  IsNullOrEmpty(expression): True for null or `""` (ENTRA-SPEC §4.4). */
import { isNullOrEmpty as empty } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const isNullOrEmpty: FunctionDefinition = {
  name: 'IsNullOrEmpty',
  params: [{ name: 'expression', type: 'any' }],
  impl: ([value]) => empty(value),
};
