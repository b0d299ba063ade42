/** @module engine/expressions/functions/convert-to-base64  ConvertToBase64(source): Base64 of the UTF-16LE bytes; `"Hello world!"` → `SABlAGwAbABvACAAdwBvAHIAbABkACEA` (ENTRA-SPEC §4.4). */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const convertToBase64: FunctionDefinition = {
  name: 'ConvertToBase64',
  params: [{ name: 'source', type: 'string' }],
  impl: ([source]) => {
    const text = toText(source);
    return text === null ? null : Buffer.from(text, 'utf16le').toString('base64');
  },
};
