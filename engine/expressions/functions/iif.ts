/**
 * @module engine/expressions/functions/iif
 * IIF(condition, valueIfTrue, valueIfFalse) (ENTRA-SPEC §4.4). Documented limitation: when an
 * attribute used in the condition is null or empty "the condition check fails"; the setting
 * `iifNullConditionMode` (§9.3) makes that an error (default), the false branch, or plain evaluation.
 */
import { isNullOrEmpty, toBoolean } from '../coerce.js';
import type { ExpressionNode } from '../ast.types.js';
import type { FunctionDefinition } from '../function.types.js';

export const iif: FunctionDefinition = {
  name: 'IIF',
  params: [
    { name: 'condition', type: 'any' },
    { name: 'valueIfTrue', type: 'any' },
    { name: 'valueIfFalse', type: 'any' },
  ],
  impl: ([condition, ifTrue, ifFalse], call) => {
    const mode = call.options.iifNullConditionMode;
    if (mode !== 'evaluate') {
      const empty = attributesOf(call.argNodes[0]).find((name) => isNullOrEmpty(call.attribute(name)));
      if (empty !== undefined) {
        if (mode === 'false-branch') return ifFalse;
        throw call.fail('null-condition', `the condition reads [${empty}], which is null or empty`);
      }
    }
    const truth = condition === null ? false : toBoolean(condition);
    if (truth === undefined) throw call.fail('invalid-type', `the condition must be true or false, got ${JSON.stringify(condition)}`);
    return truth ? ifTrue : ifFalse;
  },
};

function attributesOf(node: ExpressionNode | null): string[] {
  if (node === null) return [];
  switch (node.type) {
    case 'attribute':
      return [node.name];
    case 'comparison':
      return [...attributesOf(node.left), ...attributesOf(node.right)];
    case 'call':
      return node.args.flatMap(attributesOf);
    default:
      return [];
  }
}
