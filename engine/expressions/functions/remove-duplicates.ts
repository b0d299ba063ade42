/**
 * @module engine/expressions/functions/remove-duplicates
 * RemoveDuplicates(attribute): a multi-valued attribute with duplicates removed; the first occurrence
 * is kept and values compare exactly [I] (ENTRA-SPEC §4.4).
 */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';
import type { Value } from '../value.js';

export const removeDuplicates: FunctionDefinition = {
  name: 'RemoveDuplicates',
  params: [{ name: 'attribute', type: 'multi' }],
  impl: ([values]) => {
    if (!Array.isArray(values)) return values;
    const seen = new Set<string>();
    return (values as Value[]).filter((value) => {
      const key = `${typeof value}:${toText(value)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};
