/**
 * @module server/quirks/parse-path
 * The one place the quirks parse an attribute path from a profile or a PATCH operation, delegating
 * to scim/path (RFC 7644 §3.10, `[schema:]attribute[valFilter][.subAttribute]`).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.10
 */
import { parseAttrRef } from '../../scim/path/attr-ref.js';
import type { AttributePath } from '../../scim/path/types.js';

export function parseProfilePath(text: string, knownUrns: readonly string[]): AttributePath {
  // scim/path does not export a bracketed-path parser yet; bracket-free paths go through parseAttrRef.
  if (text.includes('[')) throw new TypeError(`'${text}': value-filter paths need scim/path parseAttributePath, not available yet`);
  return parseAttrRef(text, (detail) => new TypeError(detail), { knownUrns });
}
