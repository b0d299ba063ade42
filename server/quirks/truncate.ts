/**
 * @module server/quirks/truncate
 * Apps that store fewer characters than SCIM sends. Slack cuts some fields silently
 * (https://api.slack.com/scim#limitations), so the next read differs from what was written and
 * Entra keeps "updating" the user; other apps refuse with 400 invalidValue (RFC 7644 §3.12).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
import { ScimError } from '../../scim/errors.js';
import type { ScimResource } from '../../scim/types.js';
import type { ResourceTypeName } from '../store/types.js';
import type { CompiledPath, PathCompiler } from './compiled-path.js';
import type { TruncateQuirk } from './profile.js';

export type ResourceRule = (resourceType: ResourceTypeName, resource: ScimResource) => ScimResource;

export function createTruncate(quirk: TruncateQuirk, compile: PathCompiler): ResourceRule {
  const reject = quirk.mode === 'reject';
  const rules = new Map<ResourceTypeName, { path: CompiledPath; max: number }[]>();
  for (const type of ['User', 'Group'] as const) {
    const limits = quirk[type];
    if (limits) rules.set(type, Object.entries(limits).map(([text, max]) => ({ path: compile(type, text), max })));
  }
  return (resourceType, resource) => {
    let out = resource;
    for (const { path, max } of rules.get(resourceType) ?? []) {
      out = path.map(out, (value) => {
        if (typeof value !== 'string') return value;
        // Code points, not UTF-16 units: a cut never splits a surrogate pair.
        const chars = Array.from(value);
        if (chars.length <= max) return value;
        if (reject) throw ScimError.invalidValue(`Attribute '${path.text}' is longer than ${max} characters`);
        return chars.slice(0, max).join('');
      });
    }
    return out;
  };
}
