/**
 * @module engine/expressions/functions/ignore-flow-if-null-or-empty
 * IgnoreFlowIfNullOrEmpty(expression): null or `""` drops the target attribute from this export
 * instead of sending an empty value (ENTRA-SPEC §4.4).
 */
import { isNullOrEmpty } from '../coerce.js';
import { IGNORE_FLOW } from '../value.js';
import type { FunctionDefinition } from '../function.types.js';

export const ignoreFlowIfNullOrEmpty: FunctionDefinition = {
  name: 'IgnoreFlowIfNullOrEmpty',
  params: [{ name: 'expression', type: 'any' }],
  impl: ([value]) => (isNullOrEmpty(value) ? IGNORE_FLOW : value),
};
