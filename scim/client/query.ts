/**
 * @module scim/client/query
 * Query strings for RFC 7644 §3.4.2 (filter, sortBy, sortOrder, startIndex, count), §3.4.2.5
 * (attributes, excludedAttributes) and RFC 9865 (cursor). Values are percent-encoded with
 * encodeURIComponent (spaces as %20), which every server decodes; `+` is not.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2
 */
import type { ListOptions, RequestOptions } from './types.js';

export function listQuery(options: ListOptions = {}): NonNullable<RequestOptions['query']> {
  return {
    filter: options.filter,
    startIndex: options.startIndex,
    count: options.count,
    attributes: joinList(options.attributes),
    excludedAttributes: joinList(options.excludedAttributes),
    sortBy: options.sortBy,
    sortOrder: options.sortOrder,
    cursor: options.cursor,
  };
}

export function joinList(value: readonly string[] | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.join(',');
}

/** `?a=1&b=x%20y`, or '' when nothing is set. Arrays repeat the key. */
export function encodeQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * Joins the base URL and a path such as `/Users/abc` (segments already encoded) with the URL API:
 * the path goes after the base's path, and a query string on the base URL (`…/scim/v2?tenant=1`,
 * as some apps require) is kept on every request, before the request's own parameters.
 */
export function joinUrl(baseUrl: string, path: string, query?: RequestOptions['query']): string {
  if (/^https?:\/\//i.test(path)) return path + encodeQuery(query);
  const url = new URL(baseUrl);
  const rest = path.replace(/^\/+/, '');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${rest ? `/${rest}` : ''}`;
  const own = encodeQuery(query).slice(1);
  if (own) url.search = url.search ? `${url.search}&${own}` : `?${own}`;
  url.hash = '';
  return url.href;
}

/** `/Users/<id>` with the id percent-encoded so that `/`, `?` and `#` in an id stay inside it. */
export function resourcePath(endpoint: string, id?: string): string {
  const base = endpoint.startsWith('/') ? endpoint : `/${endpoint}`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}
