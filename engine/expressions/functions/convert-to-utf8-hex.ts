/** @module engine/expressions/functions/convert-to-utf8-hex  ConvertToUTF8Hex(source): upper-case hex of the UTF-8 bytes (ENTRA-SPEC §4.4). */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const convertToUtf8Hex: FunctionDefinition = {
  name: 'ConvertToUTF8Hex',
  params: [{ name: 'source', type: 'string' }],
  impl: ([source]) => {
    const text = toText(source);
    return text === null ? null : Buffer.from(text, 'utf8').toString('hex').toUpperCase();
  },
};
