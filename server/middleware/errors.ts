/**
 * @module server/middleware/errors
 * The one place where anything thrown becomes a response: ScimErrors keep their status and
 * scimType, anything else becomes a 500 SCIM error (RFC 7644 §3.12) and is logged without
 * request headers (tokens never reach a log).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ScimError } from '../../scim/errors.js';
import { AUTH_CHALLENGE } from './auth.js';
import { sendScim } from '../respond.js';

export function notFound(): RequestHandler {
  return (req, _res, next) => next(ScimError.notFound(`No such endpoint: ${req.method} ${req.path}`));
}

export function errorHandler(log: (message: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const scim = toScimError(error);
    if (scim.status >= 500 && !(error instanceof ScimError)) {
      log(`internal error on ${req.method} ${req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // RFC 7644 §2 / RFC 6750 §3: a 401 carries the challenge.
    if (scim.status === 401) res.setHeader('WWW-Authenticate', AUTH_CHALLENGE);
    // A refused request whose body is still arriving (no credentials, too large) is not read to
    // its end: the answer closes the connection, so a slow body cannot hold it open.
    if ((scim.status === 401 || scim.status === 413) && !req.complete) res.setHeader('Connection', 'close');
    sendScim(res, scim.status, scim.toJSON());
  };
}

function toScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  // Errors from node or express internals that carry a client-side status (e.g. URI decoding).
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ScimError(status, status === 400 ? 'invalidSyntax' : undefined, (error as Error).message);
  }
  return new ScimError(500, undefined, 'Internal server error');
}
