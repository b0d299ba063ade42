/**
 * @module engine/mapping/source-expression
 * Between an attribute mapping's `source` (Graph `attributeMappingSource`, ENTRA-SPEC §3.1, §3.6)
 * and expression text: the text to evaluate (the admin's `expression` when present, else rebuilt
 * from the tree), and the tree Graph stores for a typed expression, with parameter keys taken from
 * the function signatures and numbers stored as Constant strings.
 */
import { defaultRegistry, parse, stringify } from '../expressions/index.js';
import type { ExpressionNode, FunctionRegistry } from '../expressions/index.js';
import type { AttributeMappingSource } from './types.js';

/** The expression text of a mapping source; Constant values are quoted string literals. */
export function sourceExpression(source: AttributeMappingSource): string {
  if (typeof source.expression === 'string' && source.expression.trim() !== '') return source.expression;
  switch (source.type) {
    case 'Attribute':
      return `[${source.name ?? ''}]`;
    case 'Constant':
      return quote(source.name ?? '');
    case 'Function': {
      const args = (source.parameters ?? []).map((p) => (p.value === null ? '' : sourceExpression(p.value)));
      return `${source.name ?? ''}(${args.join(', ')})`;
    }
    default: {
      const never: never = source.type;
      throw new TypeError(`unknown source type ${String(never)}`);
    }
  }
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** Parses expression text into the `attributeMappingSource` tree Graph stores for it. */
export function toMappingSource(expression: string, functions: FunctionRegistry = defaultRegistry): AttributeMappingSource {
  return fromNode(parse(expression), functions, expression);
}

function fromNode(node: ExpressionNode, functions: FunctionRegistry, expression?: string): AttributeMappingSource {
  const text = expression ?? stringify(node);
  switch (node.type) {
    case 'attribute':
      return { type: 'Attribute', name: node.name, expression: text, parameters: [] };
    case 'string':
      return { type: 'Constant', name: node.value, expression: text, parameters: [] };
    case 'number':
      return { type: 'Constant', name: node.raw, expression: text, parameters: [] };
    case 'identifier':
      return { type: 'Constant', name: node.name, expression: text, parameters: [] };
    case 'comparison':
      // Graph documents no tree for comparisons [I]: a Function named by the operator
      return {
        type: 'Function',
        name: node.operator,
        expression: text,
        parameters: [
          { key: 'left', value: fromNode(node.left, functions) },
          { key: 'right', value: fromNode(node.right, functions) },
        ],
      };
    case 'call': {
      const definition = functions.lookup(node.name, 'insensitive');
      const params = definition?.params ?? [];
      const firstVariadic = params.findIndex((p) => p.variadic);
      const keyAt = (i: number): string => {
        if (firstVariadic < 0 || i < firstVariadic) return params[i]?.name ?? `arg${i + 1}`;
        const group = params.slice(firstVariadic);
        return group[(i - firstVariadic) % group.length].name;
      };
      return {
        type: 'Function',
        name: definition?.name ?? node.name,
        expression: text,
        parameters: node.args.map((arg, i) => ({ key: keyAt(i), value: arg === null ? null : fromNode(arg, functions) })),
      };
    }
    default: {
      const never: never = node;
      throw new TypeError(`unknown node ${JSON.stringify(never)}`);
    }
  }
}
