/**
 * @module engine/expressions/functions/random-string
 * RandomString(length, minNumbers, minSpecial, minCapital, minLower, charsToAvoid?): a random
 * password-like string meeting the minimums (ENTRA-SPEC §4.4), from the injected random source.
 * Length is at most 256 and at least the sum of the minimums.
 */
import { toInteger, toText } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

const DIGITS = '0123456789';
const SPECIAL = '!@#$%^&*()-_=+[]{};:,.<>/?~';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

export const randomString: FunctionDefinition = {
  name: 'RandomString',
  params: [
    { name: 'length', type: 'integer' },
    { name: 'minNumbers', type: 'integer' },
    { name: 'minSpecialCharacters', type: 'integer' },
    { name: 'minCapital', type: 'integer' },
    { name: 'minLowerCase', type: 'integer' },
    { name: 'characterToAvoid', type: 'string', optional: true },
  ],
  impl: ([length, ...rest], call) => {
    const avoid = toText(rest[4]) ?? '';
    const n = toInteger(length) ?? 0;
    const mins = rest.slice(0, 4).map((v) => toInteger(v) ?? 0);
    const sum = mins.reduce((a, b) => a + b, 0);
    if (n < 1 || n > 256) throw call.fail('invalid-argument', `length must be between 1 and 256, got ${n}`);
    if (mins.some((m) => m < 0) || sum > n) throw call.fail('invalid-argument', `length ${n} is below the sum of the minimums (${sum})`);
    const sets = [DIGITS, SPECIAL, UPPER, LOWER].map((set) => [...set].filter((c) => !avoid.includes(c)).join(''));
    if (sets.some((set, i) => set === '' && mins[i] > 0)) throw call.fail('invalid-argument', 'charsToAvoid removes a required character class');
    const all = sets.join('');
    if (all === '') throw call.fail('invalid-argument', 'charsToAvoid removes every character');
    const pick = (set: string): string => set[Math.min(set.length - 1, Math.floor(call.options.random() * set.length))];
    const chars = mins.flatMap((m, i) => Array.from({ length: m }, () => pick(sets[i])));
    while (chars.length < n) chars.push(pick(all));
    // Fisher–Yates, so the guaranteed characters do not always lead
    for (let i = chars.length - 1; i > 0; i--) {
      const j = Math.min(i, Math.floor(call.options.random() * (i + 1)));
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    return chars.join('');
  },
};
