/**
 * @module engine/expressions/functions/p-case
 * PCase(source, wordSeparators?): first letter of each word upper case, the rest lower case
 * (ENTRA-SPEC §4.4). Without separators, words split like .NET TextInfo.ToTitleCase: at white space,
 * control and format characters, punctuation (apostrophe included) and symbols. With separators,
 * only those characters split: `PCase("PINTO-DE'SILVA", " '-")` → `Pinto-De'Silva`.
 */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

const DEFAULT_SEPARATOR = /[\s\p{C}\p{P}\p{S}]/u;

export const pCase: FunctionDefinition = {
  name: 'PCase',
  params: [
    { name: 'source', type: 'string' },
    { name: 'wordSeparators', type: 'string', optional: true },
  ],
  impl: ([source, separators]) => {
    const text = toText(source);
    if (text === null) return null;
    const custom = separators === null ? null : (toText(separators) ?? '');
    const isSeparator = (c: string): boolean => (custom === null ? DEFAULT_SEPARATOR.test(c) : custom.includes(c));
    let out = '';
    let wordStart = true;
    for (const c of text) {
      if (isSeparator(c)) {
        out += c;
        wordStart = true;
      } else {
        out += wordStart ? c.toUpperCase() : c.toLowerCase();
        wordStart = false;
      }
    }
    return out;
  },
};
