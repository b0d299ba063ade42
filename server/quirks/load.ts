/**
 * @module server/quirks/load
 * Finds a profile by bundled name (fixtures/quirks/NAME.json) or by file path, and validates it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ConfigValidationError } from '../../util/config-error.js';
import { fixturePath } from '../../util/package-root.js';
import type { QuirkProfile } from './profile.js';
import { validateQuirkProfile } from './validate.js';

/**
 * Raised for an unreadable or invalid profile: the project's ConfigValidationError (`problems`
 * lists every problem), which callers may catch as such; `source` names the profile asked for.
 */
export class QuirkProfileError extends ConfigValidationError {
  override readonly name = 'QuirkProfileError';
  constructor(
    readonly source: string,
    problems: readonly string[],
  ) {
    super('quirk profile', problems);
  }

  /** @deprecated the same list as `problems`, for callers written before the two errors became one */
  get reasons(): readonly string[] {
    return this.problems;
  }
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The names of the bundled profiles, sorted. */
export async function listBundledProfiles(): Promise<string[]> {
  const files = await readdir(fixturePath('quirks'));
  return files.filter((f) => extname(f) === '.json').map((f) => basename(f, '.json')).sort();
}

/** A bare name (`slack-like`) is a bundled profile; anything with a slash or `.json` is a file. */
export function profileLocation(nameOrFile: string): string {
  return NAME.test(nameOrFile) ? fixturePath('quirks', `${nameOrFile}.json`) : nameOrFile;
}

export async function loadQuirkProfile(nameOrFile: string): Promise<QuirkProfile> {
  const location = profileLocation(nameOrFile);
  let text: string;
  try {
    text = await readFile(location, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && location !== nameOrFile) {
      throw new QuirkProfileError(nameOrFile, [`no bundled profile '${nameOrFile}' (try: ${(await listBundledProfiles()).join(', ')})`]);
    }
    throw new QuirkProfileError(nameOrFile, [`cannot read ${location}: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new QuirkProfileError(nameOrFile, [`${location} is not JSON: ${(error as Error).message}`]);
  }
  const result = validateQuirkProfile(json);
  if (!result.ok) throw new QuirkProfileError(nameOrFile, result.errors);
  return result.profile;
}
