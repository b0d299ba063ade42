/**
 * @module conformance/select
 * Which checks a run includes: the profile's, narrowed by --only (ids or areas), without the
 * mutating ones under --read-only.
 */
import type { Check, ProfileSelection } from './types.js';

export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}

export function selectChecks(
  checks: readonly Check[],
  options: { profile: ProfileSelection; only?: readonly string[] | undefined; readOnly?: boolean | undefined },
): Check[] {
  let selected = checks.filter((c) => options.profile === 'all' || c.profiles.includes(options.profile));
  if (options.only?.length) {
    const wanted = new Set(options.only.map((s) => s.trim()).filter(Boolean));
    const known = new Set(checks.flatMap((c) => [c.id, c.area]));
    const unknown = [...wanted].filter((w) => !known.has(w));
    if (unknown.length) throw new SelectionError(`unknown check id or area: ${unknown.join(', ')}`);
    selected = selected.filter((c) => wanted.has(c.id) || wanted.has(c.area));
  }
  if (options.readOnly) selected = selected.filter((c) => !c.mutating);
  return selected;
}
