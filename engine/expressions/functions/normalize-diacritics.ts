/**
 * @module engine/expressions/functions/normalize-diacritics
 * NormalizeDiacritics(source): letters with diacritics → base letters per Microsoft's table (ENTRA-SPEC
 * §4.4): ligatures and letters Unicode does not decompose come from an explicit map (`æ→ae`, `ø→oe`,
 * `ß→ss`, `ł→l`, `ı→i`), the rest from NFD with the combining marks dropped. Other scripts are
 * unchanged [I].
 */
import { toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

const SPECIAL: Readonly<Record<string, string>> = {
  æ: 'ae', Æ: 'AE', ø: 'oe', Ø: 'OE', œ: 'oe', Œ: 'OE', ß: 'ss', ẞ: 'SS',
  ł: 'l', Ł: 'L', ı: 'i', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H',
  ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L', þ: 'th', Þ: 'TH',
};
const SPECIAL_CHARS = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

export const normalizeDiacritics: FunctionDefinition = {
  name: 'NormalizeDiacritics',
  params: [{ name: 'source', type: 'string' }],
  impl: ([source]) => {
    const text = toText(source);
    if (text === null) return null;
    return text
      .replace(SPECIAL_CHARS, (c) => SPECIAL[c])
      .normalize('NFD')
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC');
  },
};
