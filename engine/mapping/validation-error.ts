/**
 * @module engine/mapping/validation-error
 * A configuration document (synchronization schema, scoping filter) that does not validate: every
 * problem is listed as `path: message` (STYLE.md §15), so an admin fixes them in one pass.
 */
import type { ErrorObject } from 'ajv';
/**
 * ajv's errors as `path: message` with a dotted path (`a.0.b`): under `prefix` when given, else
 * from the document root, `(root)` for the root itself.
 */
export function ajvProblems(errors: readonly ErrorObject[] | null | undefined, prefix = ''): string[] {
  return (errors ?? []).map((e) => {
    const dotted = e.instancePath.replace(/\//g, '.');
    const at = prefix ? `${prefix}${dotted}` : dotted.replace(/^\./, '') || '(root)';
    return `${at}: ${e.message ?? 'invalid'}`;
  });
}

export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';

  constructor(
    readonly what: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${what}: ${problems.join('; ')}`);
  }
}
