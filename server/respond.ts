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

/** Serialises once and writes with res.end: express's res.json would hash the body for an ETag. */
export function sendScim(res: Response, status: number, body: unknown, options: SendOptions = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', SCIM_CONTENT_TYPE_HEADER);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  if (options.etag) res.setHeader('ETag', options.etag);
  if (options.location) res.setHeader('Location', options.location);
  res.locals.scimBody = body;
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
