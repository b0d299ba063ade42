/**
 * @module server/middleware/auth
 * Bearer (and optionally Basic) authentication, RFC 7644 §2: a request without valid credentials
 * gets 401 with a SCIM error body and a `WWW-Authenticate` challenge.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-2
 */
import { hash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ScimError } from '../../scim/errors.js';

export interface AuthOptions {
  bearer?: readonly string[];
  basic?: readonly { user: string; pass: string }[];
}

export const AUTH_CHALLENGE = 'Bearer realm="scimulator"';

/** Raised by the auth middleware; the error middleware adds the challenge header. */
export class UnauthorizedError extends ScimError {
  constructor(detail: string) {
    super(401, undefined, detail);
  }
}

/** one-shot hash: runs on every request, and a Hash object per call costs more than the digest */
function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/**
 * Compares a presented secret with every configured one in constant time: both sides are hashed
 * first so neither the length nor the position of a difference leaks through timing.
 */
function matchesAny(presented: string, expected: readonly Buffer[]): boolean {
  const candidate = digest(presented);
  let ok = false;
  for (const e of expected) ok = timingSafeEqual(candidate, e) || ok;
  return ok;
}

export function createAuth(options: AuthOptions): RequestHandler {
  const bearer = (options.bearer ?? []).map(digest);
  const basic = (options.basic ?? []).map((c) => digest(`${c.user}:${c.pass}`));
  if (bearer.length === 0 && basic.length === 0) {
    throw new TypeError('createServer: auth needs at least one bearer token or basic credential');
  }
  return (req, _res, next) => {
    const header = req.headers.authorization;
    if (!header) return next(new UnauthorizedError('Authorization header required'));
    const space = header.indexOf(' ');
    const scheme = space < 0 ? header : header.slice(0, space);
    const credentials = space < 0 ? '' : header.slice(space + 1).trim();
    // RFC 7235 §2.1: the auth-scheme is case-insensitive.
    const lower = scheme.toLowerCase();
    if (lower === 'bearer' && bearer.length > 0 && credentials && matchesAny(credentials, bearer)) return next();
    if (lower === 'basic' && basic.length > 0 && credentials) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      if (matchesAny(decoded, basic)) return next();
    }
    next(new UnauthorizedError('Invalid credentials'));
  };
}
