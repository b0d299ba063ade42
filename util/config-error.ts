/**
 * @module util/config-error
 * A configuration document (synchronization schema, scoping filter, quirk profile, job, directory)
 * that does not validate: one error class and one problem format for all of them, every problem as
 * `path: message` with a dotted path (`a.0.b`, `(root)` for the document itself), so an admin
 * fixes them in one pass (STYLE.md §15).
 */
import type { ErrorObject } from 'ajv';

/**
 * ajv's errors as `path: message`: under `prefix` when given, else from the document root. An
 * unknown key is named in the path (`truncate.bogus: must NOT have additional properties`), which
 * ajv leaves in its params.
 */
export function ajvProblems(errors: readonly ErrorObject[] | null | undefined, prefix = ''): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty?: unknown }).additionalProperty)}` : '';
    return `${problemPath(`${e.instancePath}${extra}`, prefix)}: ${e.message ?? 'invalid'}`;
  });
}

/** A JSON pointer (`/a/0/b`) in the problem format: dotted, under `prefix`, `(root)` when empty. */
export function problemPath(pointer: string, prefix = ''): string {
  const dotted = pointer.replace(/\//g, '.');
  return prefix ? `${prefix}${dotted}` : dotted.replace(/^\./, '') || '(root)';
}

export class ConfigValidationError extends Error {
  override readonly name: string = 'ConfigValidationError';

  constructor(
    readonly what: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${what}: ${problems.join('; ')}`);
  }
}
