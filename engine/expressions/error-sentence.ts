/**
 * @module engine/expressions/error-sentence
 * An ExpressionError as a sentence for a person at a terminal ("unexpected ')' — expected an
 * argument …"), read from its code, offset and `expected` rather than from the message, so the
 * engine's messages stay free to change. Evaluation errors already are sentences about a named
 * function; only syntax errors need the text around the offset.
 */
import type { ExpressionError } from './errors.js';

const OPERAND = 'a function call, [attribute], "string" or number';

/** The first character of every token the lexer knows (ENTRA-SPEC §4.1). */
const TOKEN_START = /[\s()[\],"0-9A-Za-z_=<>&-]/;

export function describeExpressionError(error: ExpressionError, text: string): string {
  if (error.code !== 'syntax') return error.message;
  const found = tokenAt(text, error.start);
  if (found !== undefined && !TOKEN_START.test(found[0])) return `unexpected character '${found}' — not part of the expression language`;
  const what = found === undefined ? 'end of the expression' : `'${found}'`;
  // comparisons exist only as arguments (§4.1): `[a] = [b]` alone reads as two values
  if (error.expected === 'end of expression' && found !== undefined && /^(?:=|<>|<=|>=|<|>)$/.test(found)) {
    return `unexpected ${what} — a comparison is allowed only as a function argument, e.g. IIF([a] ${found} "x", …)`;
  }
  return `unexpected ${what} — expected ${expectedHere(error.expected, text, error.start)}`;
}

/** What the parser wanted, named by where it stood: an argument, a right-hand side, the whole expression. */
function expectedHere(expected: string | undefined, text: string, start: number): string {
  if (expected === undefined) return 'something else';
  if (expected === 'end of expression') return 'the end of the expression (only one value at the top level)';
  if (expected !== OPERAND) return expected;
  const before = text.slice(0, start).trimEnd();
  const last = before.at(-1);
  if (last === undefined) return `an expression: ${OPERAND}`;
  if (last === '(' || last === ',') return `an argument: ${OPERAND}`;
  if (last === '=' || last === '<' || last === '>') return `the right-hand side of the comparison: ${OPERAND}`;
  return OPERAND;
}

/** The token (or, failing that, the character) at `start`, shortened; undefined at the end. */
function tokenAt(text: string, start: number): string | undefined {
  if (start >= text.length) return undefined;
  const rest = text.slice(start);
  const token = /^(?:\[[^\]]*\]?|"(?:\\.|[^"\\])*"?|&[Hh][0-9A-Fa-f]*|-?[0-9]+(?:\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*|<>|<=|>=)/.exec(rest)?.[0];
  const found = token ?? Array.from(rest)[0];
  return found.length > 24 ? `${found.slice(0, 23)}…` : found;
}
