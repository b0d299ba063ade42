/**
 * @module server/quirks/patch-support
 * Apps whose PATCH (RFC 7644 §3.5.2) covers only part of the RFC: operations without `path`
 * (the form Entra sends for some updates), value-filter paths such as `emails[type eq "work"].value`,
 * or some of add/replace/remove. The refusal carries invalidPath or invalidSyntax by default.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { ScimError } from '../../scim/errors.js';
import type { ScimType } from '../../scim/errors.js';
import type { NormalizedOperation } from '../../scim/patch/request.js';
import type { PatchSupportQuirk } from './profile.js';

/** true when the path text holds a value filter; undefined when it does not parse (the PATCH code reports that). */
export type ValueFilterProbe = (path: string) => boolean | undefined;

/** Takes the operations scim/patch validated (op lower-case, path trimmed): the request is read once. */
export type PatchCheck = (operations: readonly NormalizedOperation[]) => void;

export function createPatchCheck(quirk: PatchSupportQuirk, hasValueFilter: ValueFilterProbe): PatchCheck {
  const ops = quirk.ops ? new Set<string>(quirk.ops) : undefined;
  const refuse = (scimType: ScimType, reason: string): ScimError =>
    new ScimError(quirk.status ?? 400, quirk.status === undefined || quirk.status === 400 ? scimType : undefined, quirk.detail ?? reason);
  return (operations) => {
    for (const { index, op, path } of operations) {
      if (ops && !ops.has(op)) throw refuse('invalidSyntax', `operation ${index}: '${op}' is not supported`);
      if (path === undefined) {
        if (quirk.pathless === false) throw refuse('invalidPath', `operation ${index}: a path is required`);
        continue;
      }
      if (quirk.valueFilterPaths === false && hasValueFilter(path) === true) {
        throw refuse('invalidPath', `operation ${index}: value filters in paths are not supported ('${path}')`);
      }
    }
  };
}
