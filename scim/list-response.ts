/**
 * @module scim/list-response
 * The ListResponse envelope, RFC 7644 §3.4.2 (totalResults, Resources, startIndex, itemsPerPage),
 * with RFC 9865's nextCursor / previousCursor.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2
 */
import type { ListResponse } from './types.js';
import { URN } from './types.js';

export interface ListResponseFields {
  /** defaults to the number of resources */
  readonly totalResults?: number;
  readonly startIndex?: number;
  readonly nextCursor?: string;
  readonly previousCursor?: string;
}

/** RFC 7644 §3.4.2: itemsPerPage is the number of resources returned in this page. */
export function listResponse<T>(resources: readonly T[], fields: ListResponseFields = {}): ListResponse<T> {
  const body: ListResponse<T> = {
    schemas: [URN.ListResponse],
    totalResults: fields.totalResults ?? resources.length,
    itemsPerPage: resources.length,
    Resources: [...resources],
  };
  if (fields.startIndex !== undefined) body.startIndex = fields.startIndex;
  if (fields.nextCursor !== undefined) body.nextCursor = fields.nextCursor;
  if (fields.previousCursor !== undefined) body.previousCursor = fields.previousCursor;
  // key order as RFC 7644 §3.4.2 examples print them, Resources last
  const { Resources, ...head } = body;
  return { ...head, Resources } as ListResponse<T>;
}
