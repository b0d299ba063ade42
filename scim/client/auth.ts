/**
 * @module scim/client/auth
 * The Authorization header for each request: a static bearer token or Basic credentials
 * (RFC 7644 §2), or an OAuth 2.0 client-credentials token (RFC 6749 §4.4) fetched once,
 * reused until shortly before it expires, and fetched again after a 401.
 * https://datatracker.ietf.org/doc/html/rfc6749#section-4.4
 */
import { request as undiciRequest } from 'undici';
import type { Dispatcher } from 'undici';
import { ScimClientError, classifyNetworkError } from './client-error.js';
import type { ClientAuth } from './types.js';
import { systemClock } from '../../util/clock.js';
import type { Clock } from '../../util/clock.js';

export interface AuthProvider {
  /** the header value, or undefined when the client has no credentials */
  header(): Promise<string | undefined>;
  /** forgets a cached token after the server refused it; true when a retry may help */
  invalidate(): boolean;
}

/** Refresh this long before the token's announced expiry, so a request never carries a stale one. */
const EXPIRY_MARGIN_MS = 30_000;

export function createAuthProvider(
  auth: ClientAuth | undefined,
  options: { dispatcher: Dispatcher; timeoutMs: number; clock?: Clock },
): AuthProvider {
  if (!auth) return { header: async () => undefined, invalidate: () => false };
  if (auth.type === 'bearer') return { header: async () => `Bearer ${auth.token}`, invalidate: () => false };
  if (auth.type === 'basic') {
    const encoded = Buffer.from(`${auth.user}:${auth.pass}`, 'utf8').toString('base64');
    return { header: async () => `Basic ${encoded}`, invalidate: () => false };
  }
  const clock = options.clock ?? systemClock;
  const now = () => clock().getTime();
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    async header() {
      if (cached && now() < cached.expiresAt - EXPIRY_MARGIN_MS) return `Bearer ${cached.token}`;
      // Concurrent requests share one token fetch.
      pending ??= fetchToken(auth, options.dispatcher, options.timeoutMs).then(
        ({ token, expiresInS }) => {
          cached = { token, expiresAt: now() + expiresInS * 1000 };
          pending = undefined;
          return token;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return `Bearer ${await pending}`;
    },
    invalidate() {
      cached = undefined;
      return true;
    },
  };
}

async function fetchToken(
  auth: Extract<ClientAuth, { type: 'oauth-client-credentials' }>,
  dispatcher: Dispatcher,
  timeoutMs: number,
): Promise<{ token: string; expiresInS: number }> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scope) form.set('scope', auth.scope);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (auth.clientAuthentication === 'post') {
    form.set('client_id', auth.clientId);
    form.set('client_secret', auth.clientSecret);
  } else {
    // RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding.
    const user = encodeURIComponent(auth.clientId);
    const pass = encodeURIComponent(auth.clientSecret);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  let status: number;
  let text: string;
  try {
    const res = await undiciRequest(auth.tokenUrl, {
      method: 'POST', headers, body: form.toString(), dispatcher, headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (error) {
    throw new ScimClientError(classifyNetworkError(error), `token endpoint ${auth.tokenUrl}: ${(error as Error).message}`, undefined, { cause: error });
  }
  let body: { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // reported below as a protocol error
  }
  if (status !== 200 || typeof body.access_token !== 'string') {
    const reason = typeof body.error === 'string' ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}` : 'no access_token in the response';
    throw new ScimClientError('protocol', `token endpoint ${auth.tokenUrl} answered ${status}: ${reason}`);
  }
  const expiresIn = Number(body.expires_in);
  // RFC 6749 §5.1: expires_in is RECOMMENDED; without it, assume an hour.
  return { token: body.access_token, expiresInS: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600 };
}
