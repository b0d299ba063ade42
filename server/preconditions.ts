/**
 * @module server/preconditions
 * Resource versioning, RFC 7644 §3.14: `If-Match` on a write whose version differs → 412;
 * `If-None-Match` on a read whose version matches → 304. SCIM versions are usually weak ETags
 * (`W/"3"`), and RFC 7644's own examples send them in If-Match, so tags are compared by their
 * opaque part (weak comparison, RFC 7232 §2.3.2).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.14
 */
import { ScimError } from '../scim/errors.js';

function opaque(tag: string): string {
  const t = tag.trim();
  return t.startsWith('W/') ? t.slice(2) : t;
}

/** true when the header (a list of entity tags or `*`) names this version */
export function etagMatches(header: string, version: string): boolean {
  const wanted = opaque(version);
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*' || opaque(tag) === wanted) return true;
  }
  return false;
}

// RFC 7644 §3.14 (MUST when etags are supported): a stale If-Match fails with 412.
export function checkIfMatch(header: string | undefined, version: string): void {
  if (header !== undefined && !etagMatches(header, version)) {
    throw ScimError.preconditionFailed(`If-Match ${header} does not match the current version ${version}`);
  }
}

/** RFC 7644 §3.14: a GET whose If-None-Match names the current version answers 304. */
export function isNotModified(header: string | undefined, version: string): boolean {
  return header !== undefined && etagMatches(header, version);
}
