/**
 * @module conformance/assert
 * Assertions for checks. Each failure names what was expected and what came back, and carries
 * the exchange so a report can show the request and response.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ScimResponse } from '../scim/client/index.js';
import { URN } from '../scim/types.js';
import type { ListResponse, ScimResource } from '../scim/types.js';
import { CheckFailure } from './check-failure.js';

export function describeResponse(res: ScimResponse): string {
  const body = res.body === undefined ? '' : ` ${truncate(typeof res.body === 'string' ? res.body : JSON.stringify(res.body), 300)}`;
  return `${res.status}${body}`;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function fail(message: string, expected?: unknown, actual?: unknown, res?: ScimResponse): never {
  throw new CheckFailure(message, show(expected), show(actual), res?.exchange);
}

function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : truncate(JSON.stringify(value) ?? String(value), 500);
}

export function expectStatus(res: ScimResponse, expected: number | readonly number[], what: string): void {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  if (!allowed.includes(res.status)) {
    throw new CheckFailure(`${what}: expected HTTP ${allowed.join(' or ')}, got ${res.status}`, allowed.join(' or '), describeResponse(res), res.exchange);
  }
}

export function expectNot5xx(res: ScimResponse, what: string): void {
  if (res.status >= 500) throw new CheckFailure(`${what}: the server failed with ${res.status}`, 'a 4xx answer', describeResponse(res), res.exchange);
}

export function expect4xx(res: ScimResponse, what: string): void {
  if (res.status < 400 || res.status >= 500) throw new CheckFailure(`${what}: expected a 4xx error, got ${res.status}`, '4xx', describeResponse(res), res.exchange);
}

/** RFC 7644 §3.12: the error schema, `status` as a string equal to the HTTP status, and scimType when given. */
export function expectScimError(res: ScimResponse, status: number | readonly number[], what: string, scimType?: string): void {
  expectStatus(res, status, what);
  const err = res.scimError;
  if (!err) fail(`${what}: the ${res.status} response has no SCIM error body`, `{"schemas":["${URN.Error}"],…}`, describeResponse(res), res);
  if (err.status !== String(res.status)) fail(`${what}: error "status" must be the HTTP status as a string`, JSON.stringify(String(res.status)), JSON.stringify(err.status), res);
  if (scimType && err.scimType !== scimType) fail(`${what}: expected scimType "${scimType}"`, scimType, err.scimType ?? '(none)', res);
}

export function expectScimContentType(res: ScimResponse, what: string): void {
  const type = res.headers['content-type'] ?? '';
  if (!/^application\/scim\+json\b/i.test(type)) fail(`${what}: Content-Type must be application/scim+json`, 'application/scim+json', type || '(none)', res);
}

/** RFC 7644 §3.4.2: 200 with a ListResponse whose totalResults and Resources agree. */
export function expectListResponse(res: ScimResponse, what: string): ListResponse {
  expectStatus(res, 200, what);
  const body = res.body as Partial<ListResponse> | undefined;
  if (!body || typeof body !== 'object') fail(`${what}: body is not a ListResponse`, 'a ListResponse object', describeResponse(res), res);
  if (!Array.isArray(body.schemas) || !body.schemas.includes(URN.ListResponse)) fail(`${what}: ListResponse schemas missing`, URN.ListResponse, body.schemas, res);
  if (typeof body.totalResults !== 'number') fail(`${what}: totalResults must be a number`, 'number', body.totalResults, res);
  const resources = body.Resources ?? [];
  if (!Array.isArray(resources)) fail(`${what}: Resources must be an array`, 'array', resources, res);
  return { ...(body as ListResponse), Resources: resources };
}

export function expectEqual(actual: unknown, expected: unknown, what: string, res?: ScimResponse): void {
  if (!isDeepStrictEqual(actual, expected)) fail(`${what}: value differs`, expected, actual, res);
}

/** The resource in a 2xx body, or a failure. */
export function expectResource(res: ScimResponse, what: string): ScimResource {
  const body = res.body as ScimResource | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(`${what}: the body is not a resource`, 'a JSON object', describeResponse(res), res);
  return body;
}

/**
 * An attribute by path (`name.givenName`, `urn:…:User:employeeNumber`), with names compared
 * case-insensitively as RFC 7643 §2.1 requires.
 */
export function attr(resource: unknown, path: string): unknown {
  let current = resource;
  let rest = path;
  const urn = /^(urn:[^ ]+):([^:]+)$/i.exec(path);
  if (urn) {
    current = get(current, urn[1]!);
    rest = urn[2]!;
  }
  for (const part of rest.split('.')) current = get(current, part);
  return current;
}

function get(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const lowered = key.toLowerCase();
  for (const [k, v] of Object.entries(value)) if (k.toLowerCase() === lowered) return v;
  return undefined;
}

export function ids(list: ListResponse): string[] {
  return list.Resources.map((r) => String(r.id));
}

/** The element of a multi-valued attribute whose `type` is `type`. */
export function byType(resource: unknown, attribute: string, type: string): Record<string, unknown> | undefined {
  const values = attr(resource, attribute);
  if (!Array.isArray(values)) return undefined;
  return values.find((v) => String(attr(v, 'type')).toLowerCase() === type.toLowerCase()) as Record<string, unknown> | undefined;
}

/** `members[].value` of a group. */
export function memberIds(group: unknown): string[] {
  const members = attr(group, 'members');
  return Array.isArray(members) ? members.map((m) => String(attr(m, 'value'))).sort() : [];
}
