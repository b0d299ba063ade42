/**
 * @module engine/expressions/parser
 * A Pratt parser for the grammar of ENTRA-SPEC §4.2. A new Parser per call keeps it free of shared
 * state (STYLE.md §7). Comparisons are the only infix operators and are non-associative; they may
 * appear only inside an argument (§4.1), so the top level accepts a single operand.
 */
import { ExpressionError } from './errors.js';
import { tokenize } from './lexer.js';
import type { ComparisonOperator, ExpressionNode, Token, TokenType } from './ast.types.js';

export interface ParseOptions {
  /** Entra's limit on expression length (§3.1, §4.1); default 10,000 */
  readonly maxLength?: number;
  /** nesting depth beyond which parsing stops with `too-deep`; default 100 */
  readonly maxDepth?: number;
}

const OPERAND = 'a function call, [attribute], "string" or number';

/** Left binding power of each token when it follows an operand. */
const BINDING_POWER: Readonly<Record<TokenType, number>> = {
  op: 10,
  ident: 0,
  attribute: 0,
  string: 0,
  number: 0,
  hex: 0,
  lparen: 0,
  rparen: 0,
  comma: 0,
  eof: 0,
};

export function parse(text: string, options: ParseOptions = {}): ExpressionNode {
  return new Parser(text, options).parseTop();
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;
  private readonly maxDepth: number;

  constructor(text: string, options: ParseOptions) {
    const maxLength = options.maxLength ?? 10_000;
    if (text.length > maxLength) {
      throw new ExpressionError({ code: 'too-long', start: maxLength }, `expression longer than ${maxLength} characters`);
    }
    this.maxDepth = options.maxDepth ?? 100;
    this.tokens = tokenize(text);
  }

  parseTop(): ExpressionNode {
    const node = this.nud();
    this.expect('eof', 'end of expression');
    return node;
  }

  private parseExpression(rbp: number): ExpressionNode {
    let left = this.nud();
    while (BINDING_POWER[this.peek().type] > rbp) left = this.led(left);
    return left;
  }

  private nud(): ExpressionNode {
    const token = this.next();
    switch (token.type) {
      case 'attribute':
        return { type: 'attribute', name: token.value, start: token.start, end: token.end };
      case 'string':
        return { type: 'string', value: token.value, start: token.start, end: token.end };
      case 'number':
        return { type: 'number', raw: token.value, value: numberValue(token.value), start: token.start, end: token.end };
      case 'hex':
        return { type: 'number', raw: token.value, value: hexValue(token.value.slice(2)), start: token.start, end: token.end };
      case 'ident':
        return this.peek().type === 'lparen'
          ? this.call(token)
          : { type: 'identifier', name: token.value, start: token.start, end: token.end };
      default:
        throw syntaxError(token, OPERAND);
    }
  }

  private led(left: ExpressionNode): ExpressionNode {
    const token = this.next();
    const right = this.parseExpression(BINDING_POWER.op);
    // comparisons do not chain: `a = b = c` has no meaning in Entra's grammar (§4.2)
    if (this.peek().type === 'op') throw syntaxError(this.peek(), "',' or ')'");
    return { type: 'comparison', operator: token.value as ComparisonOperator, left, right, start: left.start, end: right.end };
  }

  private call(name: Token): ExpressionNode {
    this.next();
    if (++this.depth > this.maxDepth) {
      throw new ExpressionError({ code: 'too-deep', start: name.start }, `nested deeper than ${this.maxDepth} calls`);
    }
    const args: (ExpressionNode | null)[] = [];
    if (this.peek().type !== 'rparen') {
      for (;;) {
        const kind = this.peek().type;
        // §4.1: an empty slot between commas is an omitted argument
        args.push(kind === 'comma' || kind === 'rparen' ? null : this.parseExpression(0));
        if (this.peek().type === 'comma') {
          this.next();
          continue;
        }
        break;
      }
    }
    const close = this.expect('rparen', "',' or ')'");
    this.depth--;
    return { type: 'call', name: name.value, args, start: name.start, end: close.end };
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.type !== 'eof') this.index++;
    return token;
  }

  private expect(type: TokenType, expected: string): Token {
    const token = this.peek();
    if (token.type !== type) throw syntaxError(token, expected);
    return this.next();
  }
}

function syntaxError(token: Token, expected: string): ExpressionError {
  const found = token.type === 'eof' ? 'end of expression' : `'${token.value}'`;
  return new ExpressionError(
    { code: 'syntax', start: token.start, expected },
    `expected ${expected}, found ${found}`,
  );
}

function numberValue(raw: string): number | bigint {
  if (raw.includes('.')) return Number(raw);
  const n = Number(raw);
  // FILETIME ticks (DateFromNum) exceed 2^53: keep them exact
  return Number.isSafeInteger(n) ? n : BigInt(raw);
}

function hexValue(digits: string): number | bigint {
  const n = BigInt(`0x${digits}`);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}
