/**
 * @module engine/expressions/functions/join
 * Join(separator, source1, …, sourceN): multi-valued sources contribute every value; null and `""`
 * sources are skipped, so `Join(", ", "", [surname], [givenName])` → `Doe, John` (ENTRA-SPEC §4.4).
 */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';
import type { Value } from '../value.js';

export const join: FunctionDefinition = {
  name: 'Join',
  params: [
    { name: 'separator', type: 'string' },
    { name: 'source', type: 'multi', variadic: true },
  ],
  impl: ([separator, ...sources]) => {
    const parts: string[] = [];
    for (const source of sources) {
      for (const value of Array.isArray(source) ? (source as readonly Value[]) : ([source] as readonly Value[])) {
        const text = toText(value);
        if (text !== null && text !== '') parts.push(text);
      }
    }
    return parts.join(toText(separator) ?? '');
  },
};
