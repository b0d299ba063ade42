/**
 * @module engine/expressions/stringify
 * Writes a syntax tree back as expression text that parses to the same tree (ENTRA-SPEC §4.2): used
 * when a Graph `attributeMappingSource` carries a tree but no `expression` string.
 */
import type { ExpressionNode } from './ast.types.js';

export function stringify(node: ExpressionNode): string {
  switch (node.type) {
    case 'string':
      return `"${node.value.replace(/[\\"]/g, '\\$&')}"`;
    case 'number':
      return node.raw;
    case 'attribute':
      return `[${node.name}]`;
    case 'identifier':
      return node.name;
    case 'comparison':
      return `${stringify(node.left)} ${node.operator} ${stringify(node.right)}`;
    case 'call':
      return `${node.name}(${node.args.map((arg) => (arg === null ? '' : stringify(arg))).join(', ')})`;
    default: {
      const never: never = node;
      throw new TypeError(`unknown node ${JSON.stringify(never)}`);
    }
  }
}
