/** @module engine/expressions/functions/is-null  IsNull(expression): True only for null/absent; `""` is not null (ENTRA-SPEC §4.3–4.4). */
import type { FunctionDefinition } from '../function.types.js';

export const isNull: FunctionDefinition = {
  name: 'IsNull',
  params: [{ name: 'expression', type: 'any' }],
  impl: ([value]) => value === null,
};
