/**
 * @module server/routes/query-params
 * Reads the query parameters of RFC 7644 §3.4.2 (GET) and the SearchRequest body of §3.4.3 (POST
 * /.search) into one ListQuery; attribute lists are comma-separated in URLs (§3.9).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.3
 */
import { ScimError } from '../../scim/errors.js';
import { URN } from '../../scim/types.js';
import type { ListQuery } from '../resource-endpoints.js';
import type { Projection } from '../protocol.js';

type Query = Record<string, unknown>;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  throw ScimError.invalidValue(`Query parameter '${name}' must be given once`);
}

function attributeList(query: Query, name: string): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function projectionFromQuery(query: Query): Projection {
  const projection: Projection = {};
  const attributes = attributeList(query, 'attributes');
  const excludedAttributes = attributeList(query, 'excludedAttributes');
  if (attributes) projection.attributes = attributes;
  if (excludedAttributes) projection.excludedAttributes = excludedAttributes;
  return projection;
}

export function listQueryFromUrl(query: Query): ListQuery {
  return {
    ...projectionFromQuery(query),
    filter: single(query, 'filter'),
    sortBy: single(query, 'sortBy'),
    sortOrder: single(query, 'sortOrder'),
    startIndex: single(query, 'startIndex'),
    count: single(query, 'count'),
    cursor: single(query, 'cursor'),
  };
}

function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw ScimError.invalidSyntax(`'${name}' must be an array of attribute names`);
  }
  return value as string[];
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw ScimError.invalidSyntax(`'${name}' must be a string`);
  return value;
}

// RFC 7644 §3.4.3: the body of POST /.search is a SearchRequest message.
export function listQueryFromSearch(body: unknown): ListQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ScimError.invalidSyntax('The body of /.search must be a SearchRequest message');
  }
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.schemas) || !b.schemas.includes(URN.SearchRequest)) {
    throw ScimError.invalidSyntax(`A SearchRequest must list the schema ${URN.SearchRequest}`);
  }
  const query: ListQuery = {
    filter: optionalString(b, 'filter'),
    sortBy: optionalString(b, 'sortBy'),
    sortOrder: optionalString(b, 'sortOrder'),
    startIndex: b.startIndex,
    count: b.count,
    cursor: optionalString(b, 'cursor'),
  };
  const attributes = stringList(b.attributes, 'attributes');
  const excludedAttributes = stringList(b.excludedAttributes, 'excludedAttributes');
  if (attributes) query.attributes = attributes;
  if (excludedAttributes) query.excludedAttributes = excludedAttributes;
  return query;
}
