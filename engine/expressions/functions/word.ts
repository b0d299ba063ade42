/**
 * @module engine/expressions/functions/word
 * Word(string, wordNumber, delimiters): the n-th word (1-based), any character of `delimiters`
 * separating words (ENTRA-SPEC §4.4). n < 1, null input, or too few words → `""`; consecutive
 * delimiters make no empty words [I].
 */
import { toInteger, toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const word: FunctionDefinition = {
  name: 'Word',
  params: [
    { name: 'string', type: 'string' },
    { name: 'wordNumber', type: 'integer' },
    { name: 'delimiters', type: 'string' },
  ],
  impl: ([source, wordNumber, delimiters]) => {
    const text = toText(source);
    const n = wordNumber === null ? 0 : toInteger(wordNumber)!;
    if (text === null || n < 1) return '';
    const separators = toText(delimiters) ?? '';
    const words: string[] = [];
    let current = '';
    for (const c of text) {
      if (separators.includes(c)) {
        if (current !== '') words.push(current);
        current = '';
      } else current += c;
    }
    if (current !== '') words.push(current);
    return words[n - 1] ?? '';
  },
};
