/** @module engine/expressions/functions/strip-spaces  StripSpaces(source): removes every U+0020 space; tabs stay [I] (ENTRA-SPEC §4.4). */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const stripSpaces: FunctionDefinition = {
  name: 'StripSpaces',
  params: [{ name: 'source', type: 'string' }],
  impl: ([source]) => {
    const text = toText(source);
    return text === null ? null : text.replaceAll(' ', '');
  },
};
