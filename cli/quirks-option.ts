/**
 * @module cli/quirks-option
 * `--quirks NAME|FILE` as serve and conformance --embedded take it: the profile loaded and turned
 * into a runtime, or one clear line and exit 2.
 */
import { ExitError, EXIT } from './exit-error.js';
import type { QuirkRuntime } from '../server/quirks/types.js';

export async function quirksOption(nameOrFile: string | undefined): Promise<QuirkRuntime | undefined> {
  if (!nameOrFile) return undefined;
  const { loadQuirkProfile, createQuirkRuntime } = await import('../server/quirks/index.js');
  try {
    return createQuirkRuntime(await loadQuirkProfile(nameOrFile));
  } catch (error) {
    throw new ExitError(EXIT.usage, `--quirks ${nameOrFile}: ${(error as Error).message}`);
  }
}
