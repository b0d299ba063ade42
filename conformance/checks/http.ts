/**
 * @module conformance/checks/http
 * HTTP-level contract: application/scim+json (RFC 7644 §8.1, §3.1), Location on create (§3.3),
 * the error format (§3.12), unknown endpoints.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.1
 */
import { SCIM_CONTENT_TYPE } from '../../scim/types.js';
import { expectResource, expectScimContentType, expectScimError, expectStatus, fail } from '../assert.js';
import type { Check } from '../types.js';
import { ALL, RFC, RFC_ENTRA } from './helpers.js';

export const httpChecks: Check[] = [
  {
    id: 'http-content-type-list', title: 'list responses are application/scim+json', area: 'http',
    spec: 'RFC 7644 §8.1', level: 'MUST', profiles: ALL, mutating: false,
    async run(ctx) {
      const res = await ctx.client.list('/Users', { count: 1 });
      expectStatus(res, 200, 'GET /Users');
      expectScimContentType(res, 'GET /Users');
    },
  },
  {
    id: 'http-content-type-discovery', title: 'discovery responses are application/scim+json', area: 'http',
    spec: 'RFC 7644 §8.1', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const res = await ctx.client.serviceProviderConfig();
      expectStatus(res, 200, 'GET /ServiceProviderConfig');
      expectScimContentType(res, 'GET /ServiceProviderConfig');
    },
  },
  {
    id: 'http-content-type-error', title: 'error responses are application/scim+json', area: 'http',
    spec: 'RFC 7644 §8.1', level: 'MUST', profiles: RFC_ENTRA, mutating: false,
    async run(ctx) {
      const res = await ctx.client.get('/Users', `${ctx.prefix}-missing`);
      expectStatus(res, 404, 'GET /Users/{unknown}');
      expectScimContentType(res, 'GET /Users/{unknown}');
    },
  },
  {
    id: 'http-content-type-create', title: 'the create response is application/scim+json', area: 'http',
    spec: 'RFC 7644 §8.1', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const res = await ctx.post('/Users', ctx.userBody());
      expectStatus(res, 201, 'POST /Users');
      expectScimContentType(res, 'POST /Users');
    },
  },
  {
    id: 'http-location-header', title: 'a create sets the Location header to meta.location', area: 'http',
    spec: 'RFC 7644 §3.3', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const res = await ctx.post('/Users', ctx.userBody());
      expectStatus(res, 201, 'POST /Users');
      const body = expectResource(res, 'POST /Users');
      const location = res.headers.location;
      if (!location) fail('Location header missing', 'the new resource URI', '(none)', res);
      if (body.meta?.location !== location) fail('Location header and meta.location differ', location, body.meta?.location, res);
    },
  },
  {
    id: 'http-meta-location-resolves', title: 'meta.location is an absolute URI that returns the resource', area: 'http',
    spec: 'RFC 7643 §3.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const location = user.meta?.location;
      if (typeof location !== 'string' || !/^https?:\/\//.test(location)) fail('meta.location must be an absolute URI', 'http(s)://…/Users/{id}', location);
      const res = await ctx.client.request('GET', location);
      expectStatus(res, 200, 'GET meta.location');
      if (expectResource(res, 'GET meta.location').id !== user.id) fail('meta.location returns another resource', user.id, (res.body as { id?: unknown }).id, res);
    },
  },
  {
    id: 'http-accepts-application-json', title: 'a create sent as application/json is accepted', area: 'http',
    spec: 'RFC 7644 §8.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const res = await ctx.client.request('POST', '/Users', { body: ctx.userBody(), headers: { 'content-type': 'application/json' } });
      const id = (res.body as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') ctx.track('/Users', id);
      expectStatus(res, 201, 'POST /Users as application/json');
    },
  },
  {
    id: 'http-error-format', title: 'errors carry the Error schema, status as a string and a detail', area: 'http',
    spec: 'RFC 7644 §3.12', level: 'SHOULD', profiles: RFC_ENTRA, mutating: false,
    async run(ctx) {
      const res = await ctx.client.get('/Users', `${ctx.prefix}-missing`);
      expectScimError(res, 404, 'GET /Users/{unknown}');
      if (typeof res.scimError?.detail !== 'string' || !res.scimError.detail) fail('error detail missing', 'a human-readable detail', res.scimError, res);
    },
  },
  {
    id: 'http-unknown-endpoint-404', title: 'an unknown endpoint answers 404', area: 'http',
    spec: 'RFC 7644 §3.12', level: 'SHOULD', profiles: RFC, mutating: false,
    async run(ctx) { expectStatus(await ctx.client.request('GET', `/${ctx.prefix}Things`), 404, 'GET /{unknown endpoint}'); },
  },
  {
    id: 'http-accept-header', title: `requests that accept only ${SCIM_CONTENT_TYPE} are answered`, area: 'http',
    spec: 'RFC 7644 §8.1', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const res = await ctx.client.request('GET', '/Users', { query: { count: 1 }, headers: { accept: SCIM_CONTENT_TYPE } });
      expectStatus(res, 200, 'GET /Users with Accept: application/scim+json');
    },
  },
];
