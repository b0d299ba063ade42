/**
 * @module cli/commands/quirks
 * `scimulator quirks list | show NAME | validate FILE`: the quirk profiles that make the mock
 * target misbehave. Argument parsing and output only; profiles live in server/quirks.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';

export interface QuirksOptions {
  cwd: string;
  /** machine-readable output */
  json?: boolean;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export function register(program: Command): void {
  const quirks = program.command('quirks').description('list, show and validate quirk profiles (fixtures/quirks)');
  const io = (): QuirksOptions => ({
    cwd: process.cwd(),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
  quirks.command('list').description('the bundled profiles, with the quirks each turns on').option('--json', 'print a JSON array').action(async (opts: { json?: boolean }) => {
    await listProfiles({ ...io(), json: Boolean(opts.json) });
  });
  quirks.command('show').argument('<name|file>', 'a bundled profile name or a profile file').description('print a profile as JSON').option('--json', 'the same JSON (accepted for symmetry with list)').action(async (name: string) => {
    await showProfile(name, io());
  });
  quirks.command('validate').argument('<name|file>', 'a bundled profile name or a profile file').description('check a profile; exit 1 with every reason when invalid').action(async (file: string) => {
    await validateProfile(file, io());
  });
}

export async function listProfiles(options: QuirksOptions): Promise<{ name: string; active: string[]; description: string }[]> {
  const { listBundledProfiles, loadQuirkProfile, activeQuirks } = await import('../../server/quirks/index.js');
  const rows = [];
  for (const name of await listBundledProfiles()) {
    const profile = await loadQuirkProfile(name);
    rows.push({ name, active: activeQuirks(profile), description: profile.description });
  }
  if (options.json) {
    options.stdout(JSON.stringify(rows, null, 2));
    return rows;
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) options.stdout(`${r.name.padEnd(width)}  ${r.active.length ? r.active.join(', ') : '(nothing on)'}\n${' '.repeat(width + 2)}${r.description}`);
  return rows;
}

export async function showProfile(nameOrFile: string, options: QuirksOptions): Promise<unknown> {
  const { loadQuirkProfile, profileLocation } = await import('../../server/quirks/index.js');
  const target = profileLocation(nameOrFile) === nameOrFile ? resolve(options.cwd, nameOrFile) : nameOrFile;
  try {
    const profile = await loadQuirkProfile(target);
    options.stdout(JSON.stringify(profile, null, 2));
    return profile;
  } catch (error) {
    throw new ExitError(EXIT.usage, `quirks show ${nameOrFile}: ${(error as Error).message}`);
  }
}

/** Exit 0 when valid; 1 (with every reason on stderr) when not; 2 when the file cannot be read. */
export async function validateProfile(file: string, options: QuirksOptions): Promise<{ ok: boolean; errors: string[] }> {
  const { validateQuirkProfile, activeQuirks, profileLocation } = await import('../../server/quirks/index.js');
  // a bundled profile's name reads the bundled file; anything else is a path
  const location = profileLocation(file) === file ? resolve(options.cwd, file) : profileLocation(file);
  let text: string;
  try {
    text = await readFile(location, 'utf8');
  } catch (error) {
    throw new ExitError(EXIT.usage, `cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    options.stderr(`${file}: not JSON: ${(error as Error).message}`);
    throw new ExitError(EXIT.failed);
  }
  const result = validateQuirkProfile(json);
  if (!result.ok) {
    options.stderr(`${file}: invalid quirk profile (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'})`);
    for (const reason of result.errors) options.stderr(`  ${reason}`);
    throw new ExitError(EXIT.failed);
  }
  const active = activeQuirks(result.profile);
  options.stdout(`${file}: valid; quirks on: ${active.length ? active.join(', ') : '(none)'}`);
  return { ok: true, errors: [] };
}
