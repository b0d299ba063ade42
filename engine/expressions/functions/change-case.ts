/**
 * @module engine/expressions/functions/change-case
 * Shared by ToLower and ToUpper: invariant culture unless a culture tag is given (`tr-TR` maps `i` to
 * `İ`); an invalid tag is an evaluation error.
 */
import { toText } from '../coerce.js';
import type { CallContext } from '../function.types.js';
import type { Value } from '../value.js';

export function changeCase(source: Value, culture: Value, direction: 'lower' | 'upper', call: CallContext): Value {
  const text = toText(source);
  if (text === null) return null;
  const tag = toText(culture);
  if (tag === null || tag === '') return direction === 'lower' ? text.toLowerCase() : text.toUpperCase();
  try {
    return direction === 'lower' ? text.toLocaleLowerCase(tag) : text.toLocaleUpperCase(tag);
  } catch {
    throw call.fail('invalid-argument', `unknown culture ${JSON.stringify(tag)}`);
  }
}
