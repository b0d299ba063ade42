/** @module engine/expressions/functions/bit-and  BitAnd(value1, value2): bitwise AND of two integers; `BitAnd(&HF, &HF7)` = 7 (ENTRA-SPEC §4.4). */
import { toBigInt } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const bitAnd: FunctionDefinition = {
  name: 'BitAnd',
  params: [
    { name: 'value1', type: 'integer' },
    { name: 'value2', type: 'integer' },
  ],
  impl: ([a, b]) => {
    if (a === null || b === null) return null;
    const n = toBigInt(a)! & toBigInt(b)!;
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  },
};
