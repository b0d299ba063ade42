/**
 * @module engine/expressions/check
 * Static checks of a parsed expression, without a source object: unknown functions and
 * identifiers, wrong argument counts, SelectUniqueValue below the top level. Used by the mapping
 * lint; evaluation performs the same checks (and the type checks) at run time.
 */
import { ExpressionError } from './errors.js';
import { bindArguments } from './registry.js';
import type { ExpressionNode } from './ast.types.js';
import type { FunctionNameCase } from './options.js';
import type { FunctionRegistry } from './function.types.js';

const IDENTIFIERS = new Set(['vbBinaryCompare', 'vbTextCompare', 'IgnoreAttributeFlow']);

export function checkExpression(node: ExpressionNode, registry: FunctionRegistry, nameCase: FunctionNameCase = 'sensitive'): ExpressionError[] {
  const problems: ExpressionError[] = [];
  const visit = (n: ExpressionNode, depth: number): void => {
    switch (n.type) {
      case 'identifier':
        if (!IDENTIFIERS.has(n.name)) problems.push(new ExpressionError({ code: 'unknown-identifier', start: n.start }, `unknown identifier ${n.name}`));
        return;
      case 'comparison':
        visit(n.left, depth + 1);
        visit(n.right, depth + 1);
        return;
      case 'call': {
        const definition = registry.lookup(n.name, nameCase);
        if (!definition) {
          problems.push(new ExpressionError({ code: 'unknown-function', start: n.start, function: n.name }, `unknown function ${n.name}`));
        } else {
          if (definition.topLevelOnly && depth > 0) {
            problems.push(new ExpressionError({ code: 'unsupported', start: n.start, function: definition.name }, `${definition.name} must be the outermost function`));
          }
          try {
            bindArguments(definition, n.args, n.start);
          } catch (error) {
            if (error instanceof ExpressionError) problems.push(error);
            else throw error;
          }
        }
        for (const arg of n.args) if (arg !== null) visit(arg, depth + 1);
        return;
      }
      default:
        return;
    }
  };
  visit(node, 0);
  return problems;
}

/** Every `[attribute]` the expression reads, in order of appearance, without repeats. */
export function referencedAttributes(node: ExpressionNode): string[] {
  const names: string[] = [];
  const visit = (n: ExpressionNode): void => {
    if (n.type === 'attribute' && !names.includes(n.name)) names.push(n.name);
    else if (n.type === 'comparison') {
      visit(n.left);
      visit(n.right);
    } else if (n.type === 'call') for (const arg of n.args) if (arg !== null) visit(arg);
  };
  visit(node);
  return names;
}
