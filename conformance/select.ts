/**
 * @module conformance/select
 * Which checks a run includes: the profile's, narrowed by --only (ids or areas), minus --skip
 * (ids or areas), without the mutating ones under --read-only. A selection that leaves nothing to
 * run is an error: a CI job that checks nothing must not pass.
 */
import type { Check, ProfileSelection } from './types.js';

export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}

export interface Selection {
  profile: ProfileSelection;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
  readOnly?: boolean | undefined;
}

export function selectChecks(checks: readonly Check[], options: Selection): Check[] {
  let selected = checks.filter((c) => options.profile === 'all' || c.profiles.includes(options.profile));
  const only = known(checks, options.only, '--only');
  if (only.size) selected = selected.filter((c) => only.has(c.id) || only.has(c.area));
  const skip = known(checks, options.skip, '--skip');
  if (skip.size) selected = selected.filter((c) => !skip.has(c.id) && !skip.has(c.area));
  if (options.readOnly) selected = selected.filter((c) => !c.mutating);
  if (selected.length === 0) throw new SelectionError(`no check to run: ${describe(options)} selects nothing`);
  return selected;
}

/** The ids and areas named, each checked against the catalog. */
function known(checks: readonly Check[], names: readonly string[] | undefined, flag: string): Set<string> {
  const wanted = new Set((names ?? []).map((s) => s.trim()).filter(Boolean));
  const all = new Set(checks.flatMap((c) => [c.id, c.area]));
  const unknown = [...wanted].filter((w) => !all.has(w));
  if (unknown.length) throw new SelectionError(`${flag}: unknown check id or area: ${unknown.join(', ')}`);
  return wanted;
}

function describe(options: Selection): string {
  const parts = [`--profile ${options.profile}`];
  if (options.only?.length) parts.push(`--only ${options.only.join(',')}`);
  if (options.skip?.length) parts.push(`--skip ${options.skip.join(',')}`);
  if (options.readOnly) parts.push('--read-only (every check chosen changes data)');
  return parts.join(' ');
}
