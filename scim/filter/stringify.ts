/**
 * @module scim/filter/stringify
 * Writes a FilterNode back as filter text, RFC 7644 §3.4.2.2 Figure 1, fully parenthesised so
 * that `parseFilter(stringifyFilter(node))` gives `node` back.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { formatAttrRef } from '../path/attr-ref.js';
import type { FilterNode } from './types.js';

export function stringifyFilter(node: FilterNode): string {
  switch (node.type) {
    case 'compare':
      return `${formatAttrRef(node.path)} ${node.op} ${JSON.stringify(node.value)}`;
    case 'present':
      return `${formatAttrRef(node.path)} pr`;
    case 'and':
    case 'or':
      return node.filters.map((f) => (f.type === 'and' || f.type === 'or' ? `(${stringifyFilter(f)})` : stringifyFilter(f))).join(` ${node.type} `);
    case 'not':
      return `not (${stringifyFilter(node.filter)})`;
    case 'valuePath':
      return `${formatAttrRef(node.path)}[${stringifyFilter(node.filter)}]`;
    default: {
      const never: never = node;
      throw new TypeError(`unknown filter node ${JSON.stringify(never)}`);
    }
  }
}
