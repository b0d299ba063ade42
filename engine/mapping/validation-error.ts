/**
 * @module engine/mapping/validation-error
 * A configuration document (synchronization schema, scoping filter) that does not validate: every
 * problem is listed as `path: message` (STYLE.md §15), so an admin fixes them in one pass.
 */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  constructor(
    readonly what: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${what}: ${problems.join('; ')}`);
  }
}
