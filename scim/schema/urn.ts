/**
 * @module scim/schema/urn
 * Splits a URN-qualified attribute reference into its schema URN and the rest, RFC 7644 §3.10:
 * "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value" → schema EnterpriseUser,
 * rest "manager.value". https://datatracker.ietf.org/doc/html/rfc7644#section-3.10
 */

export interface SchemaUrnSplit {
  /** The schema URN, spelled as in knownUrns when known; undefined when the text is not URN-qualified. */
  readonly schema?: string;
  /** What follows the URN and its ':' separator ('' when the text is the URN itself). */
  readonly rest: string;
  /** true when schema is one of knownUrns. */
  readonly known: boolean;
}

/**
 * RFC 7643 §2.1: URNs and attribute names are case-insensitive, so the longest known URN that
 * prefixes the text (followed by ':' or the end) wins. An unknown `urn:` prefix is split at the last
 * ':' before the first '[' (attribute names contain no ':'), so callers can name it in errors.
 */
export function splitSchemaUrn(text: string, knownUrns: Iterable<string>): SchemaUrnSplit {
  const lower = text.toLowerCase();
  let best: string | undefined;
  for (const urn of knownUrns) {
    if (lower.length < urn.length || lower.slice(0, urn.length) !== urn.toLowerCase()) continue;
    if (lower.length > urn.length && lower[urn.length] !== ':') continue;
    if (!best || urn.length > best.length) best = urn;
  }
  if (best) return { schema: best, rest: text.slice(best.length + 1), known: true };
  if (!lower.startsWith('urn:')) return { rest: text, known: false };
  const bracket = text.indexOf('[');
  const head = bracket >= 0 ? text.slice(0, bracket) : text;
  const colon = head.lastIndexOf(':');
  return { schema: text.slice(0, colon), rest: text.slice(colon + 1), known: false };
}
