/**
 * @module scim/client/redact
 * Keeps secrets out of reports and logs: credentials in headers, passwords, client secrets and
 * tokens in bodies (RFC 7643 §7 `returned: never` attributes such as password are the usual ones).
 */

import { REDACTED, SECRET_KEY, redactSecrets } from '../redact.js';

export { REDACTED };

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? redactCredential(value) : value;
  }
  return out;
}

/** Keeps the scheme so a reader still sees "Bearer" vs "Basic". */
function redactCredential(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 && space < 20 ? `${value.slice(0, space)} ${REDACTED}` : REDACTED;
}

/** A deep copy with every secret-looking key's value replaced (scim/redact); also form-encoded strings. */
export function redactBody(body: unknown): unknown {
  if (typeof body === 'string') return redactForm(body);
  return redactSecrets(body);
}

function redactForm(text: string): string {
  if (!/^[\w.%+-]+=[^&]*(&[\w.%+-]+=[^&]*)*$/.test(text)) return text;
  return text
    .split('&')
    .map((pair) => {
      const key = decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' '));
      return SECRET_KEY.test(key) ? `${pair.split('=')[0]}=${REDACTED}` : pair;
    })
    .join('&');
}
