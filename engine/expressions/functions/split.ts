/**
 * @module engine/expressions/functions/split
 * Split(source, delimiter): a string → a multi-valued attribute (ENTRA-SPEC §4.4). Whether the parts
 * are trimmed is ambiguous in the docs: `splitTrims` (default false, §9.3). Null → null, `""` → [] [I].
 */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const split: FunctionDefinition = {
  name: 'Split',
  params: [
    { name: 'source', type: 'string' },
    { name: 'delimiter', type: 'string' },
  ],
  impl: ([source, delimiter], call) => {
    const text = toText(source);
    if (text === null) return null;
    if (text === '') return [];
    const parts = text.split(toText(delimiter) ?? '');
    return call.options.splitTrims ? parts.map((part) => part.trim()) : parts;
  },
};
