/**
 * @module server/respond
 * Writes SCIM responses: `application/scim+json; charset=utf-8` (RFC 7644 §8.1), `ETag` from
 * meta.version on single resources (§3.14), `Location` on 201 (§3.3).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-8.1
 */
import type { Response } from 'express';

export const SCIM_CONTENT_TYPE_HEADER = 'application/scim+json; charset=utf-8';

export interface SendOptions {
  etag?: string;
  location?: string;
}

/**
 * Serialises once and writes the head in one call: express's res.json would hash the body for an
 * ETag, and a header list handed to writeHead skips the per-header bookkeeping of setHeader (headers
 * set earlier, e.g. WWW-Authenticate or Allow, are kept; these override any of the same name).
 */
export function sendScim(res: Response, status: number, body: unknown, options?: SendOptions): void {
  const text = JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  const headers = ['Content-Type', SCIM_CONTENT_TYPE_HEADER, 'Content-Length', String(bytes)];
  if (options?.etag) headers.push('ETag', options.etag);
  if (options?.location) headers.push('Location', options.location);
  // for the journal: what was sent and its size, so that recording serialises nothing again
  res.locals.scimBody = body;
  res.locals.scimText = text;
  res.locals.scimBytes = bytes;
  // for the journal: headers given to writeHead do not show in res.getHeaders()
  res.locals.scimHeaders = headers;
  res.writeHead(status, headers);
  res.end(text);
}

export function sendNoContent(res: Response, options: SendOptions = {}): void {
  res.statusCode = 204;
  if (options.etag) res.setHeader('ETag', options.etag);
  res.end();
}

export function sendNotModified(res: Response, etag: string): void {
  res.statusCode = 304;
  res.setHeader('ETag', etag);
  res.end();
}
