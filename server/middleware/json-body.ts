/**
 * @module server/middleware/json-body
 * Reads a JSON request body: RFC 7644 §3.8 (JSON, UTF-8) and §8.1 (media type
 * `application/scim+json`; `application/json` accepted too, as most clients send it).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.8
 *
 * Decisions: an explicit non-JSON media type with a body is refused with 415 (the RFC names no
 * other format); a body without a Content-Type is read as JSON. Malformed JSON is 400
 * invalidSyntax; a body above the limit is 413 before it is parsed; keys that could pollute a
 * prototype are refused at the door, checked on the parsed keys (escapes decoded).
 */
import type { Request, RequestHandler } from 'express';
import { ScimError } from '../../scim/errors.js';
import { FORBIDDEN_KEYS } from '../../scim/types.js';

const JSON_TYPES = new Set(['application/scim+json', 'application/json']);
const FORBIDDEN_HINT = /"(?:__proto__|constructor|prototype)"\s*:/;

export interface JsonBodyOptions {
  /** the largest body accepted, in bytes */
  limit: number | ((req: Request) => number);
}

export function createJsonBody(options: JsonBodyOptions): RequestHandler {
  return (req, res, next) => {
    const method = req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'OPTIONS') return next();
    const length = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!chunked && (length === undefined || length === '0')) return next();
    const mediaType = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (mediaType && !JSON_TYPES.has(mediaType)) {
      return next(new ScimError(415, undefined, `Unsupported media type '${mediaType}': send application/scim+json`));
    }
    const limit = typeof options.limit === 'function' ? options.limit(req) : options.limit;
    if (length !== undefined && Number(length) > limit) {
      // not read: the error answer closes the connection (../middleware/errors.ts)
      return next(ScimError.payloadTooLarge(`Request body exceeds ${limit} bytes`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        next(ScimError.payloadTooLarge(`Request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (failed) return;
      failed = true;
      next(ScimError.invalidSyntax(`Could not read the request body: ${error.message}`));
    });
    req.on('end', () => {
      if (failed) return;
      try {
        const text = Buffer.concat(chunks, size).toString('utf8');
        req.body = parseJson(text);
        // the request journal keeps the text, not the parsed tree (server/journal)
        res.locals.requestText = text;
        next();
      } catch (error) {
        next(error);
      }
    });
  };
}

/** SCIM resources nest a few levels (extension → complex → sub-attribute); deeper is an attack. */
export const MAX_JSON_DEPTH = 64;

/**
 * JSON.parse with SCIM errors; refuses documents nested deeper than MAX_JSON_DEPTH (recursive
 * validators downstream would exhaust the stack) and prototype-polluting keys anywhere.
 */
export function parseJson(text: string): unknown {
  assertShallow(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw ScimError.invalidSyntax(`Malformed JSON: ${(error as Error).message}`);
  }
  // A key can spell a forbidden name literally or through JSON escapes (`"\u005f_proto__"`): any
  // backslash sends the parsed value through the key check too.
  if (FORBIDDEN_HINT.test(text) || text.includes('\\')) assertSafeKeys(value, '');
  return value;
}

function assertSafeKeys(value: unknown, where: string): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertSafeKeys(item, `${where}[${i}]`));
    return;
  }
  for (const key of Object.keys(value)) {
    // Refused, never assigned: these names reach Object.prototype through ordinary property writes.
    if (FORBIDDEN_KEYS.has(key)) throw ScimError.invalidSyntax(`Forbidden key '${key}' at ${where || '/'}`);
    assertSafeKeys((value as Record<string, unknown>)[key], where ? `${where}.${key}` : key);
  }
}

/** One pass over the text counting brackets outside strings: no recursion, no allocation. */
function assertShallow(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_JSON_DEPTH) throw ScimError.invalidSyntax(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
}
