/**
 * @module engine/expressions/functions/switch
 * Switch(source, defaultValue?, key1, value1, key2, value2, …): the value of the first key equal to
 * source (case-sensitive), else defaultValue (omitted → null) (ENTRA-SPEC §4.4). A `""` key catches an
 * empty source; a null source compares as `""` [I]. With `switchNullQuirk` (§4.6, §9.3), when
 * attributes changed but not the Switch's own source, it yields null, as the documented bug did.
 */
import { toText } from '../coerce.js';
import type { ExpressionNode } from '../ast.types.js';
import type { FunctionDefinition } from '../function.types.js';

export const switchFunction: FunctionDefinition = {
  name: 'Switch',
  params: [
    { name: 'source', type: 'string' },
    { name: 'defaultValue', type: 'any', optional: true },
    { name: 'key', type: 'string', variadic: true },
    { name: 'value', type: 'any', variadic: true },
  ],
  impl: ([source, defaultValue, ...pairs], call) => {
    const changed = call.options.changedAttributes;
    if (call.options.switchNullQuirk && changed && changed.size > 0) {
      const own = attributesOf(call.argNodes[0]);
      if (!own.some((name) => changed.has(name))) return null;
    }
    const text = toText(source) ?? '';
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      if ((toText(pairs[i]) ?? '') === text) return pairs[i + 1];
    }
    return defaultValue;
  },
};

function attributesOf(node: ExpressionNode | null): string[] {
  if (node === null) return [];
  if (node.type === 'attribute') return [node.name];
  if (node.type === 'call') return node.args.flatMap(attributesOf);
  if (node.type === 'comparison') return [...attributesOf(node.left), ...attributesOf(node.right)];
  return [];
}
