/**
 * @module server/quirks/parse-path
 * The one place the quirks parse an attribute path from a profile or a PATCH operation: scim/path
 * (RFC 7644 §3.5.2, `[schema:]attribute[valFilter][.subAttribute]`), with its ScimError turned
 * into a TypeError, since a bad profile path is a configuration error, not a request error.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { parseAttributePath } from '../../scim/path/parse.js';
import type { AttributePath } from '../../scim/path/types.js';

export function parseProfilePath(text: string, knownUrns: readonly string[]): AttributePath {
  try {
    return parseAttributePath(text, { knownUrns });
  } catch (error) {
    throw new TypeError((error as Error).message);
  }
}
