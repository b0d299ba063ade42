/**
 * @module cli/exit-error
 * Commands never call process.exit: they throw ExitError and cli/index.ts alone exits.
 */

/** Exit codes a CI pipeline can rely on. */
export const EXIT = {
  ok: 0,
  /** the run completed and found failures (conformance MUST failed, pilot scenario unmet, …) */
  failed: 1,
  /** the run could not start: bad arguments, unreachable endpoint, refused credentials, invalid input file */
  usage: 2,
  /** a bug in scimulator (an unexpected exception); please report it */
  internal: 3,
  /** stopped by Ctrl-C (128 + SIGINT) after cleaning up and writing what it had */
  interrupted: 130,
} as const;

/** A failure already explained to the user in one line: `message` is printed, nothing else. */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
  }
}
