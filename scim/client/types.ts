/**
 * @module scim/client/types
 * The shapes a SCIM HTTP client exchanges (RFC 7644 §3): options, responses, and the Exchange
 * record that reports and logs show, with secrets already redacted.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3
 */
import type { ScimErrorBody } from '../errors.js';

export type ClientAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; user: string; pass: string }
  | {
      type: 'oauth-client-credentials';
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scope?: string;
      /** RFC 6749 §2.3.1: HTTP Basic (default; servers MUST support it) or credentials in the form body */
      clientAuthentication?: 'basic' | 'post';
    };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One HTTP request and its response, as a report shows it: secrets redacted, bodies parsed. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: unknown;
  durationMs: number;
  /** set when no response arrived */
  error?: string;
}

export interface ClientOptions {
  /** SCIM base URL, e.g. https://app.example.com/scim/v2 (a trailing slash is ignored) */
  baseUrl: string;
  auth?: ClientAuth;
  /** connect, headers and body timeout each (default 10 000 ms) */
  timeoutMs?: number;
  /** sent with every request (e.g. a tenant header) */
  headers?: Record<string, string>;
  /** called once per request, response or failure, with secrets redacted */
  onExchange?: (exchange: Exchange) => void;
  /** keep-alive connections per origin (default 8) */
  connections?: number;
  /** the time a Retry-After HTTP-date is measured from (default: the system clock) */
  clock?: () => Date;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  /** a JSON value (sent as application/scim+json) or a string sent as it is */
  body?: unknown;
  headers?: Record<string, string>;
  /** false: send no Authorization header even when the client has credentials */
  auth?: boolean;
}

export interface ScimResponse<T = unknown> {
  status: number;
  /** lower-cased header names; repeated headers joined with ", " */
  headers: Record<string, string>;
  /** the parsed JSON body; the text when it is not JSON; undefined when empty */
  body: T;
  /** RFC 7644 §3.12 error body, when the response carries one */
  scimError: ScimErrorBody | undefined;
  ok: boolean;
  /** RFC 9110 §10.2.3 Retry-After as milliseconds from the client's clock, when the response carries a valid one */
  retryAfterMs?: number;
  durationMs: number;
  exchange: Exchange;
}

export interface ListOptions {
  filter?: string;
  startIndex?: number;
  count?: number;
  attributes?: readonly string[] | string;
  excludedAttributes?: readonly string[] | string;
  sortBy?: string;
  sortOrder?: 'ascending' | 'descending';
  /** RFC 9865 cursor pagination: '' asks for the first page */
  cursor?: string;
}

export interface GetOptions {
  attributes?: readonly string[] | string;
  excludedAttributes?: readonly string[] | string;
  headers?: Record<string, string>;
}

export interface WriteOptions {
  /** RFC 7644 §3.14: If-Match version */
  ifMatch?: string;
  attributes?: readonly string[] | string;
  excludedAttributes?: readonly string[] | string;
  headers?: Record<string, string>;
}
