/**
 * @module cli/arguments
 * Option values the commands share, parsed one way: whole numbers in a range, USER:PASS pairs.
 */
import { InvalidArgumentError } from 'commander';

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
