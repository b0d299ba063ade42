/** @module engine/expressions/functions/append  Append(source, suffix): source + suffix (ENTRA-SPEC §4.4). */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const append: FunctionDefinition = {
  name: 'Append',
  params: [
    { name: 'source', type: 'string' },
    { name: 'suffix', type: 'string' },
  ],
  impl: ([source, suffix]) => {
    const s = toText(source);
    const x = toText(suffix);
    // [I] a null source yields the suffix alone; both null stay null (nothing to send)
    return s === null && x === null ? null : (s ?? '') + (x ?? '');
  },
};
