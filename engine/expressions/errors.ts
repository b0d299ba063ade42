/**
 * @module engine/expressions/errors
 * One error type for parsing and evaluating expressions, with a machine code and the source offset
 * (STYLE.md §6). Tests assert `{ code, start, … }`, never the message text.
 */

export type ExpressionErrorCode =
  /** the text does not follow the grammar of ENTRA-SPEC §4.2; `expected` says what would have fit */
  | 'syntax'
  /** longer than the 10,000 characters Entra accepts (§4.1) */
  | 'too-long'
  /** nested deeper than the evaluator allows */
  | 'too-deep'
  | 'unknown-function'
  | 'unknown-identifier'
  | 'invalid-arity'
  | 'invalid-type'
  /** a well-typed argument whose value the function cannot use (bad date, bad regex, out of range) */
  | 'invalid-argument'
  /** IIF over a null/empty attribute, with iifNullConditionMode 'error' (§4.4 IIF) */
  | 'null-condition'
  /** SelectUniqueValue found every candidate already taken: the object goes to escrow (§4.4) */
  | 'not-unique'
  /** a function used where Entra does not allow it (SelectUniqueValue nested, IgnoreObjectFlow) */
  | 'unsupported';

export interface ExpressionErrorDetails {
  readonly code: ExpressionErrorCode;
  /** offset in the expression text of the token or call at fault */
  readonly start: number;
  /** for syntax errors: what the parser would have accepted here */
  readonly expected?: string;
  /** for evaluation errors: the function (as registered) at fault */
  readonly function?: string;
}

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  readonly start: number;
  readonly expected?: string;
  readonly function?: string;

  constructor(details: ExpressionErrorDetails, message: string) {
    super(message);
    this.code = details.code;
    this.start = details.start;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.function !== undefined) this.function = details.function;
  }

  toJSON(): ExpressionErrorDetails & { message: string } {
    return {
      code: this.code,
      start: this.start,
      ...(this.expected !== undefined ? { expected: this.expected } : {}),
      ...(this.function !== undefined ? { function: this.function } : {}),
      message: this.message,
    };
  }
}

export function isExpressionError(error: unknown): error is ExpressionError {
  return error instanceof ExpressionError;
}
