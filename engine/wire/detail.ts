/**
 * @module engine/wire/detail
 * The target's own words for a failure, made fit for a provisioning log (ENTRA-SPEC §7.1 `reason`):
 * the `detail` of its SCIM error body (RFC 7644 §3.12), or a `message`-like field of a non-SCIM
 * JSON error, with anything that looks like a credential hidden, control characters flattened and
 * the length bounded. The target wrote this text, so it is treated as untrusted.
 */
import { REDACTED, SECRET_KEY } from '../../scim/redact.js';
import { isObject } from '../../scim/path/values.js';

const MAX_DETAIL = 512;

/** The target's detail, cleaned, or undefined when it gave none. */
export function targetDetail(body: unknown, scimError: { readonly detail?: unknown } | undefined): string | undefined {
  const candidates = [scimError?.detail, ...(isObject(body) ? [body.detail, body.message, body.error_description, body.error] : [])];
  const text = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  return text === undefined ? undefined : cleanText(text);
}

// `password=…`, `"client_secret": "…"`, `token: …` — a secret-looking key followed by its value
// (`Authorization: Bearer …` is left to AUTH_SCHEME, which keeps the scheme)
const KEYED_SECRET = new RegExp(`(["']?[\\w-]*(?:${SECRET_KEY.source})[\\w-]*["']?\\s*[=:]\\s*)(?!(?:Bearer|Basic) )("[^"]*"|'[^']*'|[^\\s&,;}]+)`, 'gi');
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[\w+/=.~-]+/gi;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/** Secrets hidden, control characters turned into spaces, at most 512 characters. */
export function cleanText(text: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(JWT, REDACTED)
    .replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(KEYED_SECRET, (_m, key: string) => `${key}${REDACTED}`)
    .trim();
  return cleaned.length > MAX_DETAIL ? `${cleaned.slice(0, MAX_DETAIL - 1)}…` : cleaned;
}
