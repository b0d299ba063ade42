/**
 * @module conformance/check-failure
 * The outcomes a check's run() throws: CheckFailure (expected vs actual, with the exchange that
 * showed it) and CheckSkip (the target does not offer what the check needs).
 */
import type { Exchange } from '../scim/client/index.js';

export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(
    message: string,
    readonly expected?: string,
    readonly actual?: string,
    readonly exchange?: Exchange,
  ) {
    super(message);
  }
}

export class CheckSkip extends Error {
  override readonly name = 'CheckSkip';
}
