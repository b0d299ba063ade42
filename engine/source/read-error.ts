/**
 * @module engine/source/read-error
 * A directory file that cannot be read at all (missing, a directory, no permission). Kept apart from
 * ConfigValidationError: the file may be fine, the path or the machine is not.
 */
export class DirectoryReadError extends Error {
  override readonly name = 'DirectoryReadError';

  constructor(
    readonly path: string,
    readonly code: string | undefined,
    reason: string,
  ) {
    super(`cannot read directory file ${path}: ${reason}`);
  }

  static from(path: string, error: unknown): DirectoryReadError {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === 'ENOENT' ? 'no such file' :
      code === 'EISDIR' ? 'is a directory' :
      code === 'EACCES' || code === 'EPERM' ? 'permission denied' :
      error instanceof Error ? error.message : String(error);
    return new DirectoryReadError(path, code, reason);
  }
}
