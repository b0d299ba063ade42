/**
 * Shared set-up for the HTTP tests: one target per test with an in-memory store, and assertions
 * every SCIM response must pass (RFC 7644 §8.1 media type, §3.12 error shape).
 */
import { expect } from 'chai';
import request from 'supertest';
import type { Response } from 'supertest';
import { createServer } from '../../server/index.js';
import type { ServerOptions } from '../../server/index.js';
import { createMemoryStore } from '../../server/store/index.js';
import type { ResourceStore } from '../../server/store/index.js';
import { createQuirkRuntime, loadQuirkProfile } from '../../server/quirks/index.js';

/**
 * `SCIMULATOR_TEST_QUIRKS=strict-rfc npm run test:strict-rfc` runs every HTTP test against a target
 * with that profile on (a fresh runtime per target): a profile that turns nothing on must change
 * nothing. Tests that bring their own quirks (or pass `quirks: undefined`) keep theirs.
 */
const ambientProfile = process.env.SCIMULATOR_TEST_QUIRKS ? await loadQuirkProfile(process.env.SCIMULATOR_TEST_QUIRKS) : undefined;

export const TOKEN = 'test-token';
export const BASE = '/scim/v2';
export const BASE_URL = 'http://scim.test/scim/v2';
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export interface TestTarget {
  app: ReturnType<typeof createServer>;
  store: ResourceStore;
  get(path: string): request.Test;
  post(path: string, body?: unknown): request.Test;
  put(path: string, body?: unknown): request.Test;
  patch(path: string, body?: unknown): request.Test;
  delete(path: string): request.Test;
}

export function target(options: Partial<ServerOptions> = {}): TestTarget {
  const store = options.store ?? createMemoryStore({ baseUrl: BASE_URL });
  const quirks = 'quirks' in options ? options.quirks : ambientProfile ? createQuirkRuntime(ambientProfile) : undefined;
  const app = createServer({ auth: { bearer: [TOKEN] }, baseUrl: BASE_URL, ...options, quirks, store });
  const auth = (t: request.Test) => t.set('Authorization', `Bearer ${TOKEN}`);
  const send = (t: request.Test, body: unknown) => (body === undefined ? t : t.set('Content-Type', 'application/scim+json').send(JSON.stringify(body)));
  return {
    app,
    store,
    get: (path) => auth(request(app).get(`${BASE}${path}`)),
    post: (path, body) => send(auth(request(app).post(`${BASE}${path}`)), body),
    put: (path, body) => send(auth(request(app).put(`${BASE}${path}`)), body),
    patch: (path, body) => send(auth(request(app).patch(`${BASE}${path}`)), body),
    delete: (path) => auth(request(app).delete(`${BASE}${path}`)),
  };
}

/** status + `application/scim+json` media type (RFC 7644 §8.1) */
export function expectScim(res: Response, status: number): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.headers['content-type']).to.match(/^application\/scim\+json; charset=utf-8$/);
}

/** RFC 7644 §3.12: status as a string, scimType where the table defines one */
export function expectScimError(res: Response, status: number, scimType?: string): void {
  expectScim(res, status);
  expect(res.body.schemas).to.deep.equal([ERROR_URN]);
  expect(res.body.status).to.equal(String(status));
  expect(res.body.detail).to.be.a('string').and.not.equal('');
  if (scimType === undefined) expect(res.body).to.not.have.property('scimType');
  else expect(res.body.scimType).to.equal(scimType);
}

export function user(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: [USER_URN], userName, ...extra };
}

export function group(displayName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: [GROUP_URN], displayName, ...extra };
}

export function patchOp(...operations: unknown[]): Record<string, unknown> {
  return { schemas: [PATCH_URN], Operations: operations };
}
