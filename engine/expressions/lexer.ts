/**
 * @module engine/expressions/lexer
 * Splits what an admin types into tokens (ENTRA-SPEC §4.1): `[attribute]`, `"string"` with `\"` and
 * `\\` escapes (any other `\x` is a literal `x`), integers and decimals with an optional `-`, VB hex
 * constants `&HF7`, identifiers, parentheses, commas and the comparison operators.
 */
import { ExpressionError } from './errors.js';
import type { Token, TokenType } from './ast.types.js';

const OPERAND = 'a function call, [attribute], "string" or number';

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, value: string, start: number, end: number): void => {
    tokens.push({ type, value, start, end });
  };
  while (i < text.length) {
    const c = text[i];
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      push(c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', c, start, ++i);
    } else if (c === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) throw syntax(text.length, "']' to close the attribute name");
      const name = text.slice(i + 1, close);
      if (name.length === 0) throw syntax(i + 1, 'an attribute name');
      i = close + 1;
      push('attribute', name, start, i);
    } else if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw syntax(text.length, "'\"' to close the string");
        const d = text[i];
        if (d === '"') break;
        if (d === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else {
          value += d;
          i++;
        }
      }
      i++;
      push('string', value, start, i);
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^-?[0-9]+(?:\.[0-9]+)?/.exec(text.slice(i));
      i += match![0].length;
      push('number', match![0], start, i);
    } else if (c === '&' && (text[i + 1] === 'H' || text[i + 1] === 'h')) {
      const match = /^[0-9A-Fa-f]+/.exec(text.slice(i + 2));
      if (!match) throw syntax(i + 2, 'hexadecimal digits after &H');
      i += 2 + match[0].length;
      push('hex', text.slice(start, i), start, i);
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      i += match![0].length;
      push('ident', match![0], start, i);
    } else if (c === '=' || c === '<' || c === '>') {
      const two = text.slice(i, i + 2);
      const op = two === '<>' || two === '<=' || two === '>=' ? two : c;
      i += op.length;
      push('op', op, start, i);
    } else {
      throw syntax(i, OPERAND);
    }
  }
  push('eof', '', text.length, text.length);
  return tokens;
}

function syntax(start: number, expected: string): ExpressionError {
  return new ExpressionError({ code: 'syntax', start, expected }, `expected ${expected}`);
}
