/**
 * @module engine/expressions/functions/mid
 * Mid(source, start, length): substring from a 1-based start; a length past the end gives the rest,
 * null gives `""` [I] (ENTRA-SPEC §4.4). Start below 1 or a negative length is an error, as in VB.
 */
import { toInteger, toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const mid: FunctionDefinition = {
  name: 'Mid',
  params: [
    { name: 'source', type: 'string' },
    { name: 'start', type: 'integer' },
    { name: 'length', type: 'integer' },
  ],
  impl: ([source, start, length], call) => {
    const text = toText(source) ?? '';
    const from = start === null ? 1 : toInteger(start)!;
    const count = length === null ? text.length : toInteger(length)!;
    if (from < 1) throw call.fail('invalid-argument', `start is 1-based, got ${from}`);
    if (count < 0) throw call.fail('invalid-argument', `length must not be negative, got ${count}`);
    return text.slice(from - 1, from - 1 + count);
  },
};
