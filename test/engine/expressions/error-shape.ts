/** Test helper: the `{ code, start, expected?, function? }` of an ExpressionError thrown by `fn`. */
import { ExpressionError } from '../../../engine/expressions/index.js';

export function errorOf(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const { message: _message, ...shape } = error.toJSON();
    return { name: error.name, ...shape };
  }
  throw new Error('expected an ExpressionError');
}
