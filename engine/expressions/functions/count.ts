/** @module engine/expressions/functions/count  Count(attribute): the number of values of a multi-valued attribute; null → 0 [I] (ENTRA-SPEC §4.4). */
import type { FunctionDefinition } from '../function.types.js';

export const count: FunctionDefinition = {
  name: 'Count',
  params: [{ name: 'attribute', type: 'multi' }],
  impl: ([values]) => (values === null ? 0 : Array.isArray(values) ? values.length : 1),
};
