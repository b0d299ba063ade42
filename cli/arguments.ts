/**
 * @module cli/arguments
 * Option values the commands share, parsed one way: whole numbers in a range, USER:PASS pairs,
 * output files checked before the work starts.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { ExitError, EXIT } from './exit-error.js';

/** A commander argParser for a whole number from `min` to `max`. */
export function integerArgument(name: string, min: number, max: number): (raw: string) => number {
  return (raw) => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    }
    return n;
  };
}

/** `USER:PASS` split at the first colon; undefined when there is no user before it. */
export function splitBasic(raw: string): { user: string; pass: string } | undefined {
  const colon = raw.indexOf(':');
  return colon <= 0 ? undefined : { user: raw.slice(0, colon), pass: raw.slice(colon + 1) };
}

/**
 * Refuses, before any work starts, a file that cannot be written: its folder is missing or is
 * not a folder, or the path is a folder. Throws ExitError(2) with one line naming `what`.
 */
export function writableFile(file: string, what: string): void {
  const folder = dirname(file);
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    throw new ExitError(EXIT.usage, `${what}: the folder ${folder} does not exist`);
  }
  if (!stats.isDirectory()) throw new ExitError(EXIT.usage, `${what}: ${folder} is not a folder`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new ExitError(EXIT.usage, `${what}: ${file} is a folder`);
  try {
    accessSync(existsSync(file) ? file : folder, constants.W_OK);
  } catch {
    throw new ExitError(EXIT.usage, `${what}: ${existsSync(file) ? file : folder} is not writable`);
  }
}
