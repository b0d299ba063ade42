/**
 * @module engine/expressions/functions/in-str
 * InStr(value1, value2, start?, compareType?): 1-based position of value2 in value1 at or after
 * `start`, 0 when absent (ENTRA-SPEC §4.4). `vbBinaryCompare` (default) is case-sensitive,
 * `vbTextCompare` is not; VB's numeric constants 0 and 1 work too.
 */
import { toInteger, toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const inStr: FunctionDefinition = {
  name: 'InStr',
  params: [
    { name: 'value1', type: 'string' },
    { name: 'value2', type: 'string' },
    { name: 'start', type: 'integer', optional: true },
    { name: 'compareType', type: 'string', optional: true },
  ],
  impl: ([haystack, needle, start, compareType], call) => {
    let text = toText(haystack) ?? '';
    let find = toText(needle) ?? '';
    const from = start === null ? 1 : toInteger(start)!;
    if (from < 1) throw call.fail('invalid-argument', `start must be 1 or more, got ${from}`);
    const mode = compareType === null ? 'vbBinaryCompare' : toText(compareType);
    if (mode === 'vbTextCompare' || mode === '1') {
      text = text.toLowerCase();
      find = find.toLowerCase();
    } else if (mode !== 'vbBinaryCompare' && mode !== '0') {
      throw call.fail('invalid-argument', `compareType must be vbBinaryCompare or vbTextCompare, got ${JSON.stringify(mode)}`);
    }
    if (from > text.length + 1) return 0;
    return text.indexOf(find, from - 1) + 1;
  },
};
