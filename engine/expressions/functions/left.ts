/**
 * @module engine/expressions/functions/left
 * Left(string, numChars): the first characters (ENTRA-SPEC §4.4): 0 → `""`, negative → the whole
 * input, longer than the input → the whole input, null input → `""`.
 */
import { toInteger, toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const left: FunctionDefinition = {
  name: 'Left',
  params: [
    { name: 'string', type: 'string' },
    { name: 'numChars', type: 'integer' },
  ],
  impl: ([source, numChars]) => {
    const text = toText(source) ?? '';
    const n = numChars === null ? 0 : toInteger(numChars)!;
    return n < 0 ? text : text.slice(0, n);
  },
};
