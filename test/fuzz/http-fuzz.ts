/**
 * The HTTP fuzz suite's generators and oracle, shared by `npm test` (a few thousand cases,
 * test/fuzz/http.test.ts) and `npm run fuzz` (100,000+, scripts/fuzz.ts). Every case is one real
 * request to a listening target; the oracle: no 5xx, every 4xx a SCIM error body (RFC 7644 §3.12),
 * no prototype pollution, and the server still answering.
 */
import fc from 'fast-check';
import { startServer } from '../../server/start.js';
import type { RunningServer } from '../../server/start.js';
import { createMemoryStore } from '../../server/store/index.js';

export const TOKEN = 'fuzz-token';
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzTarget {
  server: RunningServer;
  userId: string;
  groupId: string;
  send(request: FuzzRequest): Promise<{ status: number; contentType: string; text: string }>;
  close(): Promise<void>;
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  const server = await startServer({ port: 0, auth: { bearer: [TOKEN] }, store: (baseUrl) => createMemoryStore({ baseUrl }), log: () => undefined });
  const origin = new URL(server.url).origin;
  const send = async (r: FuzzRequest) => {
    const res = await fetch(`${origin}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' };
  const user = JSON.parse((await send({ method: 'POST', path: '/scim/v2/Users', headers: auth, body: JSON.stringify({ schemas: [USER_URN], userName: 'fuzz.anchor', emails: [{ value: 'a@example.com', type: 'work' }] }) })).text) as { id: string };
  const group = JSON.parse((await send({ method: 'POST', path: '/scim/v2/Groups', headers: auth, body: JSON.stringify({ schemas: [GROUP_URN], displayName: 'fuzz.group', members: [{ value: user.id }] }) })).text) as { id: string };
  return { server, userId: user.id, groupId: group.id, send, close: () => server.close() };
}

const ATTRIBUTES = ['userName', 'displayName', 'emails', 'emails.value', 'emails[type eq "work"]', 'name.givenName', 'active', 'members', 'members.value', 'meta.created', 'id', 'externalId', 'password', 'groups', 'phoneNumbers', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value', '__proto__', 'constructor', 'x'];
const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr', 'and', 'or', 'not', '(', ')', '[', ']'];
const LITERALS = ['"a"', '"\\u005f_proto__"', '"x\\"y"', '1', '-2.5e3', 'true', 'false', 'null', '"2025-01-01T00:00:00Z"', '"'];

const token = fc.oneof(fc.constantFrom(...ATTRIBUTES), fc.constantFrom(...OPERATORS), fc.constantFrom(...LITERALS), fc.string({ maxLength: 6 }));
export const filterText = fc.oneof(
  fc.array(token, { minLength: 1, maxLength: 9 }).map((parts) => parts.join(' ')),
  fc.tuple(fc.constantFrom(...ATTRIBUTES), fc.constantFrom('eq', 'co', 'sw', 'pr', 'gt'), fc.constantFrom(...LITERALS)).map(([a, o, v]) => (o === 'pr' ? `${a} pr` : `${a} ${o} ${v}`)),
  fc.string({ maxLength: 40 }),
);

const jsonish = fc.jsonValue({ maxDepth: 3 });
const key = fc.oneof(fc.constantFrom('schemas', 'userName', 'displayName', 'emails', 'members', 'active', 'name', 'password', 'id', 'meta', 'groups', '__proto__', 'constructor', 'prototype', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'), fc.string({ maxLength: 8 }));
const object = fc.dictionary(key, fc.oneof(jsonish, fc.dictionary(key, jsonish, { maxKeys: 3 })), { maxKeys: 6 });
export const resourceBody = fc.oneof(
  object.map((o) => ({ schemas: [USER_URN], userName: 'fuzz', ...o })),
  object,
  jsonish,
);

const patchOperation = fc.record({
  op: fc.constantFrom('add', 'Add', 'replace', 'remove', 'Remove', 'bogus'),
  path: fc.option(fc.oneof(fc.constantFrom(...ATTRIBUTES), filterText.map((f) => `emails[${f}]`), fc.string({ maxLength: 10 })), { nil: undefined }),
  value: fc.option(fc.oneof(jsonish, object, fc.array(object, { maxLength: 3 })), { nil: undefined }),
}, { requiredKeys: ['op'] });
export const patchBody = fc.oneof(
  fc.array(patchOperation, { minLength: 1, maxLength: 4 }).map((Operations) => ({ schemas: [PATCH_URN], Operations })),
  object,
);

const queryKey = fc.constantFrom('filter', 'attributes', 'excludedAttributes', 'sortBy', 'sortOrder', 'startIndex', 'count', 'cursor', '__proto__', 'constructor[prototype][x]', 'a[b]');
export const queryString = fc.array(fc.tuple(queryKey, fc.oneof(filterText, fc.string({ maxLength: 8 }), fc.integer().map(String))), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const malformedJson = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '{"a":', '[1,2', '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x",}', '{"\\u005f_proto__":{"polluted":1},"schemas":[]}', '\u0000', '"\\ud800"', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]'),
  jsonish.map((v) => JSON.stringify(v).slice(0, -1)),
);

const contentType = fc.constantFrom('application/scim+json', 'application/json', 'application/scim+json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', '');
const authorization = fc.oneof(fc.constant(`Bearer ${TOKEN}`), fc.constant(`bearer ${TOKEN}`), fc.constantFrom('', 'Bearer', 'Basic', 'Basic !!!', `Bearer ${TOKEN}x`, 'Digest x'), fc.string({ maxLength: 10 }));

/** One request of any kind, with the ids the target seeded. */
export function anyRequest(ids: { userId: string; groupId: string }): fc.Arbitrary<FuzzRequest> {
  const good = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' };
  const collection = fc.constantFrom('/scim/v2/Users', '/scim/v2/Groups', '/scim/v2/Users/.search', '/scim/v2/Bulk', '/scim/v2/Schemas', '/scim/v2/ResourceTypes', '/scim/v2/ServiceProviderConfig', '/scim/v2/Me', '/_admin/signin');
  const item = fc.constantFrom(`/scim/v2/Users/${ids.userId}`, `/scim/v2/Groups/${ids.groupId}`, '/scim/v2/Users/%', '/scim/v2/Users/%E0%A4%A', '/scim/v2/Users/nope', '/scim/v2/Groups/..%2f');
  return fc.oneof(
    filterText.map((f) => ({ method: 'GET', path: `/scim/v2/Users?filter=${encodeURIComponent(f)}`, headers: good })),
    filterText.map((f) => ({ method: 'POST', path: '/scim/v2/Groups/.search', headers: good, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: f }) })),
    fc.tuple(fc.constantFrom(`/scim/v2/Users/${ids.userId}`, `/scim/v2/Groups/${ids.groupId}`), patchBody).map(([path, b]) => ({ method: 'PATCH', path, headers: good, body: JSON.stringify(b) })),
    fc.tuple(fc.constantFrom('/scim/v2/Users', '/scim/v2/Groups'), resourceBody).map(([path, b]) => ({ method: 'POST', path, headers: good, body: JSON.stringify(b) })),
    resourceBody.map((b) => ({ method: 'PUT', path: `/scim/v2/Users/${ids.userId}`, headers: good, body: JSON.stringify(b) })),
    fc.array(fc.record({ method: fc.constantFrom('POST', 'PATCH', 'PUT', 'DELETE', 'GET'), path: fc.oneof(collection, item, fc.string({ maxLength: 10 })), bulkId: fc.option(fc.constantFrom('a', 'b', ''), { nil: undefined }), data: fc.oneof(resourceBody, patchBody) }, { requiredKeys: ['method', 'path'] }), { maxLength: 4 })
      .map((Operations) => ({ method: 'POST', path: '/scim/v2/Bulk', headers: good, body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations }) })),
    fc.tuple(fc.oneof(collection, item), queryString).map(([path, q]) => ({ method: 'GET', path: `${path}?${q}`, headers: good })),
    fc.tuple(fc.constantFrom('POST', 'PUT', 'PATCH'), fc.oneof(collection, item), malformedJson, contentType).map(([method, path, body, ct]) => ({ method, path, headers: { authorization: good.authorization, ...(ct ? { 'content-type': ct } : {}) }, body })),
    fc.tuple(fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), fc.oneof(collection, item), authorization, fc.option(fc.constantFrom('W/"1"', '*', '"x"', 'W/'), { nil: undefined })).map(([method, path, auth, tag]) => ({
      method,
      path,
      headers: { ...(auth ? { authorization: auth } : {}), ...(tag ? { 'if-match': tag, 'if-none-match': tag } : {}) },
      body: method === 'POST' || method === 'PATCH' ? '{}' : undefined,
    })),
  );
}

const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The oracle for one answer; throws an Error saying what broke. */
export function checkAnswer(request: FuzzRequest, answer: { status: number; contentType: string; text: string }): void {
  const where = `${request.method} ${request.path} ${request.body?.slice(0, 200) ?? ''}`;
  // 501 is a deliberate answer (RFC 7644 §3.11: /Me is not supported), with a SCIM error body
  if (answer.status >= 500 && answer.status !== 501) throw new Error(`${answer.status} for ${where}: ${answer.text.slice(0, 300)}`);
  if (answer.status >= 400 && request.method !== 'HEAD') {
    let body: { schemas?: unknown; status?: unknown };
    try {
      body = JSON.parse(answer.text) as typeof body;
    } catch {
      throw new Error(`${answer.status} without a JSON body for ${where}: ${answer.text.slice(0, 200)}`);
    }
    if (!Array.isArray(body.schemas) || !body.schemas.includes(ERROR_URN) || body.status !== String(answer.status)) {
      throw new Error(`${answer.status} without a SCIM error body for ${where}: ${answer.text.slice(0, 200)}`);
    }
    if (!answer.contentType.startsWith('application/scim+json')) throw new Error(`${answer.status} with content-type '${answer.contentType}' for ${where}`);
  }
  const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !BASELINE.has(name));
  if (added.length > 0 || ({} as Record<string, unknown>).polluted !== undefined) throw new Error(`Object.prototype polluted (${added.join(', ')}) after ${where}`);
}

/** Runs `numRuns` cases against a fresh target; returns counts per status class. */
export async function fuzzHttp(numRuns: number, seed?: number): Promise<{ cases: number; byStatus: Record<string, number>; ms: number }> {
  const target = await startFuzzTarget();
  const byStatus: Record<string, number> = {};
  const started = performance.now();
  try {
    await fc.assert(
      fc.asyncProperty(anyRequest(target), async (request) => {
        const answer = await target.send(request);
        const kind = answer.status === 501 ? '501' : `${String(answer.status)[0]}xx`;
        byStatus[kind] = (byStatus[kind] ?? 0) + 1;
        checkAnswer(request, answer);
      }),
      { numRuns, seed, endOnFailure: true },
    );
    // still answering, and still itself
    const alive = await target.send({ method: 'GET', path: '/scim/v2/ServiceProviderConfig', headers: { authorization: `Bearer ${TOKEN}` } });
    if (alive.status !== 200) throw new Error(`the target stopped answering: ${alive.status}`);
  } finally {
    await target.close();
  }
  return { cases: numRuns, byStatus, ms: performance.now() - started };
}
