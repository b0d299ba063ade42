/**
 * @module engine/expressions/ast.types
 * Tokens and syntax tree of the Entra attribute-mapping expression language (ENTRA-SPEC §4.1–4.2,
 * https://learn.microsoft.com/entra/identity/app-provisioning/functions-for-customizing-application-data).
 * Every node carries the offsets of its source text so errors can point at it.
 */

export type TokenType =
  | 'ident'
  | 'attribute'
  | 'string'
  | 'number'
  | 'hex'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'op'
  | 'eof';

/** `=`, `<>`, `>`, `>=`, `<`, `<=`: allowed only inside a function argument (§4.1). */
export type ComparisonOperator = '=' | '<>' | '>' | '>=' | '<' | '<=';

export interface Token {
  readonly type: TokenType;
  /** decoded value: the name for ident/attribute, the unescaped text for string, the raw text otherwise */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface CallNode extends Span {
  readonly type: 'call';
  readonly name: string;
  /** `null` marks an omitted argument: an empty slot between commas (§4.1) */
  readonly args: readonly (ExpressionNode | null)[];
}

export interface AttributeNode extends Span {
  readonly type: 'attribute';
  readonly name: string;
}

export interface StringNode extends Span {
  readonly type: 'string';
  readonly value: string;
}

export interface NumberNode extends Span {
  readonly type: 'number';
  /** the literal as typed (`-10`, `129699324000000000`, `&HF7`), kept so large integers stay exact */
  readonly raw: string;
  readonly value: number | bigint;
}

/** Bare identifiers are enum-like constants: `vbTextCompare`, `IgnoreAttributeFlow`. */
export interface IdentifierNode extends Span {
  readonly type: 'identifier';
  readonly name: string;
}

export interface ComparisonNode extends Span {
  readonly type: 'comparison';
  readonly operator: ComparisonOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

export type ExpressionNode = CallNode | AttributeNode | StringNode | NumberNode | IdentifierNode | ComparisonNode;
