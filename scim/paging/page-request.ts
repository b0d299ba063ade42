/**
 * @module scim/paging/page-request
 * Reads the paging parameters of a query: index paging, RFC 7644 §3.4.2.4 (startIndex, count), and
 * cursor paging, RFC 9865 §2 (cursor, count). Bad numbers are 400 invalidValue; out-of-range
 * numbers are clamped as §3.4.2.4 says.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.4
 */
import { ScimError } from '../errors.js';

export interface PagingConfig {
  /** count when the client sends none */
  readonly defaultPageSize: number;
  /** the most resources one page returns (ServiceProviderConfig filter.maxResults / pagination.maxPageSize) */
  readonly maxPageSize: number;
  /** RFC 9865 §4: whether cursor paging is offered (default false) */
  readonly cursor?: boolean;
  /** whether index paging is offered (default true) */
  readonly index?: boolean;
  /** the method used when the request names none (default 'index') */
  readonly defaultPaginationMethod?: 'index' | 'cursor';
}

export type PageRequest =
  | { readonly method: 'index'; readonly startIndex: number; readonly count: number }
  | { readonly method: 'cursor'; readonly cursor: string; readonly count: number };

export interface PagingParameters {
  readonly startIndex?: unknown;
  readonly count?: unknown;
  readonly cursor?: unknown;
}

/** A number from a query string ("10") or a JSON body (10); anything else is invalidValue. */
function integer(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?\d{1,15}\s*$/.test(value)) return Number.parseInt(value, 10);
  throw ScimError.invalidValue(`${name} must be an integer, got ${JSON.stringify(value)}`);
}

export function readPageRequest(params: PagingParameters, config: PagingConfig): PageRequest {
  const count = readCount(params.count, config);
  const cursorGiven = params.cursor !== undefined;
  if (cursorGiven && params.startIndex !== undefined) {
    // RFC 9865 §2: a request uses one pagination method
    throw ScimError.invalidValue('cursor and startIndex cannot be used together');
  }
  if (cursorGiven) {
    if (config.cursor !== true) throw ScimError.invalidValue('cursor pagination is not supported');
    if (typeof params.cursor !== 'string') throw ScimError.of('invalidCursor', 'cursor must be a string');
    return { method: 'cursor', cursor: params.cursor, count };
  }
  if (params.startIndex === undefined && config.defaultPaginationMethod === 'cursor' && config.cursor === true) {
    // RFC 9865 §2: an empty cursor asks for the first page
    return { method: 'cursor', cursor: '', count };
  }
  if (config.index === false && params.startIndex !== undefined) throw ScimError.invalidValue('index pagination is not supported');
  // RFC 7644 §3.4.2.4: "A value less than 1 SHALL be interpreted as 1."
  const startIndex = params.startIndex === undefined ? 1 : Math.max(1, integer(params.startIndex, 'startIndex'));
  return { method: 'index', startIndex, count };
}

function readCount(value: unknown, config: PagingConfig): number {
  if (value === undefined) return Math.min(config.defaultPageSize, config.maxPageSize);
  const n = integer(value, 'count');
  // RFC 7644 §3.4.2.4: "A negative value SHALL be interpreted as 0"; more than the maximum yields the maximum
  return Math.min(Math.max(0, n), config.maxPageSize);
}
