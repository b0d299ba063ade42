/**
 * @module scim/client/client-error
 * The one error the SCIM client throws: no HTTP response arrived (or none that HTTP could parse).
 * HTTP error statuses are not thrown; they come back as responses with `scimError`.
 */
import type { Exchange } from './types.js';

export type ClientErrorKind = 'timeout' | 'connection' | 'protocol';

export class ScimClientError extends Error {
  override readonly name = 'ScimClientError';
  constructor(
    readonly kind: ClientErrorKind,
    message: string,
    readonly exchange?: Exchange,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'SELF_SIGNED_CERT_IN_CHAIN',
]);

/** Classifies an undici / Node network error. */
export function classifyNetworkError(error: unknown): ClientErrorKind {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    if ((e as { name?: unknown }).name === 'TimeoutError' || (e as { name?: unknown }).name === 'AbortError') codes.push('ABORT_ERR');
    e = (e as { cause?: unknown }).cause;
  }
  if (codes.some((c) => TIMEOUT_CODES.has(c))) return 'timeout';
  if (codes.some((c) => CONNECTION_CODES.has(c))) return 'connection';
  return 'protocol';
}
