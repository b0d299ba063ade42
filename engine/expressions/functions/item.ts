/**
 * @module engine/expressions/functions/item
 * Item(attribute, index): one value of a multi-valued attribute, 1-based (ENTRA-SPEC §4.4). Index 0
 * "must not be used": it is an error; past the end gives null [I].
 */
import { toInteger } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const item: FunctionDefinition = {
  name: 'Item',
  params: [
    { name: 'attribute', type: 'multi' },
    { name: 'index', type: 'integer' },
  ],
  impl: ([values, index], call) => {
    if (values === null || index === null) return null;
    const n = toInteger(index)!;
    if (n < 1) throw call.fail('invalid-argument', `index is 1-based, got ${n}`);
    const list = Array.isArray(values) ? values : [values];
    return n <= list.length ? list[n - 1] : null;
  },
};
