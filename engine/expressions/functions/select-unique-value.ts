/**
 * @module engine/expressions/functions/select-unique-value
 * SelectUniqueValue(rule1, rule2, …): the first candidate the target does not already hold; when
 * every one is taken the object goes to escrow (`not-unique`) (ENTRA-SPEC §4.4). Top level only. The
 * injected `isUnique` callback answers from the target, synchronously or not (use evaluateAsync
 * then).
 */
import { toText } from '../coerce.js';
import type { CallContext, FunctionDefinition } from '../function.types.js';
import type { Value } from '../value.js';

export const selectUniqueValue: FunctionDefinition = {
  name: 'SelectUniqueValue',
  params: [
    { name: 'rule', type: 'string' },
    { name: 'rule', type: 'string', variadic: true },
  ],
  topLevelOnly: true,
  impl: (rules, call) => {
    const isUnique = call.options.isUnique;
    if (!isUnique) throw call.fail('unsupported', 'no uniqueness check configured (option isUnique)');
    const candidates = rules.map(toText).filter((c): c is string => c !== null && c !== '');
    return pick(candidates, 0, isUnique, call);
  },
};

function pick(
  candidates: readonly string[],
  from: number,
  isUnique: (value: string) => boolean | Promise<boolean>,
  call: CallContext,
): Value | Promise<Value> {
  for (let i = from; i < candidates.length; i++) {
    const answer = isUnique(candidates[i]);
    if (typeof answer !== 'boolean') {
      return Promise.resolve(answer).then((free) => (free ? candidates[i] : pick(candidates, i + 1, isUnique, call)));
    }
    if (answer) return candidates[i];
  }
  throw call.fail('not-unique', `every candidate is already taken: ${candidates.join(', ')}`);
}
