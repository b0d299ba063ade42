/**
 * @module scim/filter/build
 * Writes the filters a SCIM client sends, RFC 7644 §3.4.2.2: `attrPath eq compValue` and their
 * `and`. Microsoft Entra only ever uses these two (ENTRA-SPEC §6.4). The value is a JSON literal
 * (quotes, backslashes and control characters escaped), so that any string, including one a source
 * directory made up, reads back as itself; the path is checked with scim/path's grammar.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { parseAttributePath } from '../path/parse.js';
import { parseFilter } from './parse.js';
import type { FilterValue } from './types.js';

/** `userName eq "a\"b"`; numbers, booleans and null go bare. Throws TypeError for a bad path or value. */
export function eqFilter(attributePath: string, value: FilterValue): string {
  try {
    parseAttributePath(attributePath);
  } catch (error) {
    throw new TypeError(`not a SCIM attribute path: ${JSON.stringify(attributePath)} (${(error as Error).message})`);
  }
  return `${attributePath.trim()} eq ${literal(value)}`;
}

function literal(value: FilterValue): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`a filter value must be a finite number, not ${value}`);
  if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
    throw new TypeError(`a filter value is a string, number, boolean or null, not ${typeof value}`);
  }
  // RFC 7644 §3.4.2.2: compValue is a JSON (RFC 7159) false / null / true / number / string
  return JSON.stringify(value);
}

/**
 * `a and b and …`; an operand whose top level is `or` is parenthesised so that the conjunction
 * keeps its meaning (`and` binds tighter). Throws TypeError for no operand or a malformed one.
 */
export function andFilters(...filters: string[]): string {
  if (filters.length === 0) throw new TypeError('andFilters needs at least one filter');
  if (filters.length === 1) return check(filters[0]!) && filters[0]!.trim();
  return filters.map((f) => (check(f) === 'or' ? `(${f.trim()})` : f.trim())).join(' and ');
}

/** The filter's top-level node type; TypeError when it does not parse. */
function check(filter: string): string {
  try {
    return parseFilter(filter).type;
  } catch (error) {
    throw new TypeError(`not a SCIM filter: ${JSON.stringify(filter)} (${(error as Error).message})`);
  }
}
