/**
 * @module cli/color
 * Whether to colour what goes to one stream: NO_COLOR (https://no-color.org) and --no-color turn
 * it off, FORCE_COLOR on (FORCE_COLOR=0 off); otherwise only a terminal gets escape codes, so a
 * report redirected to a file stays plain even when stderr is a terminal.
 */

export function colorFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): boolean {
  if (argv.includes('--no-color') || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
