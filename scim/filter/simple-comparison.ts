/**
 * @module scim/filter/simple-comparison
 * A shortcut for the commonest filter, one comparison `attrPath compareOp compValue`, RFC 7644
 * §3.4.2.2. Microsoft Entra sends `userName eq "<value>"` once per object of a cycle (ENTRA-SPEC
 * §6.3–6.4), each value new, so a cache of whole filters never hits; this recogniser skips the
 * tokenizer and the general parser for that shape.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 *
 * It only answers for text that the full grammar reads as one comparison, and builds the same
 * node. Anything else (keywords, brackets, `pr`, a value JSON does not accept, an operator it
 * does not know) returns undefined, so that the full parser produces the node or the error.
 */
import { ScimError } from '../errors.js';
import { parseAttrRef } from '../path/attr-ref.js';
import type { AttrRefOptions } from '../path/attr-ref.js';
import type { CompareNode, CompareOp } from './types.js';

// The lexemes of parse.ts: a word starting with a letter (never read as a number), a two-letter
// word, and a JSON string, number or literal that ends the text.
const SIMPLE = /^\s*([A-Za-z][-\w$.:/%]*)\s+([A-Za-z]{2})\s+("(?:[^"\\\u0000-\u001f]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)\s*$/;

const OPS: ReadonlyMap<string, CompareOp> = new Map(
  (['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const).map((op) => [op, op]),
);

/** The comparison node for `text`, or undefined when the full parser must decide. */
export function parseSimpleComparison(text: string, options: AttrRefOptions = {}): CompareNode | undefined {
  const m = SIMPLE.exec(text);
  if (!m) return undefined;
  const attrPath = m[1]!;
  // `not eq "x"` starts a negation in the full grammar
  if (attrPath.length === 3 && attrPath.toLowerCase() === 'not') return undefined;
  const op = OPS.get(m[2]!.toLowerCase());
  if (op === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(m[3]!);
  } catch {
    return undefined;
  }
  const path = parseAttrRef(attrPath, (detail) => ScimError.invalidFilter(detail), options);
  return { type: 'compare', op, path, value: value as CompareNode['value'] };
}
