/**
 * @module conformance/checks/auth
 * Requests without valid credentials are refused with 401 and a SCIM error: RFC 7644 §2 and
 * §3.12, RFC 7235 §3.1; Entra quarantines on 401 (ENTRA-SPEC §6.3, §6.7).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-2
 */
import type { ScimResponse } from '../../scim/client/index.js';
import { expectScimError, expectStatus, fail } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { ALL, RFC, RFC_ENTRA } from './helpers.js';

function needsCredentials(ctx: CheckContext): void {
  if (!ctx.authenticated) ctx.skip('the run has no credentials: the target is open');
}

const withoutToken = (ctx: CheckContext) => ctx.anonymous.request('GET', '/Users', { query: { count: 1 } });
const withBadToken = (ctx: CheckContext) => ctx.anonymous.request('GET', '/Users', { query: { count: 1 }, headers: { authorization: `Bearer invalid-${ctx.prefix}` } });

function check401(id: string, title: string, level: 'MUST' | 'SHOULD', send: (ctx: CheckContext) => Promise<ScimResponse>, scimBody: boolean): Check {
  return {
    id, title, area: 'auth', spec: scimBody ? 'RFC 7644 §3.12' : 'RFC 7644 §2', level, profiles: scimBody ? RFC_ENTRA : ALL, mutating: false,
    async run(ctx) {
      needsCredentials(ctx);
      const res = await send(ctx);
      if (scimBody) expectScimError(res, 401, title);
      else expectStatus(res, 401, title);
    },
  };
}

export const authChecks: Check[] = [
  check401('auth-no-token-401', 'a request without credentials answers 401', 'MUST', withoutToken, false),
  check401('auth-no-token-scim-error', 'the 401 without credentials carries a SCIM error body', 'SHOULD', withoutToken, true),
  check401('auth-bad-token-401', 'a request with an invalid bearer token answers 401', 'MUST', withBadToken, false),
  check401('auth-bad-token-scim-error', 'the 401 for an invalid token carries a SCIM error body', 'SHOULD', withBadToken, true),
  check401('auth-bad-basic-401', 'invalid Basic credentials answer 401', 'MUST',
    (ctx) => ctx.anonymous.request('GET', '/Users', { query: { count: 1 }, headers: { authorization: `Basic ${Buffer.from(`${ctx.prefix}:wrong`).toString('base64')}` } }), false),
  check401('auth-malformed-header-401', 'a malformed Authorization header answers 401, not 5xx', 'MUST',
    (ctx) => ctx.anonymous.request('GET', '/Users', { query: { count: 1 }, headers: { authorization: 'Bearer' } }), false),
  {
    id: 'auth-www-authenticate', title: 'a 401 names the expected scheme in WWW-Authenticate', area: 'auth',
    spec: 'RFC 7235 §3.1', level: 'SHOULD', profiles: RFC, mutating: false,
    async run(ctx) {
      needsCredentials(ctx);
      const res = await withoutToken(ctx);
      expectStatus(res, 401, 'GET /Users without credentials');
      if (!res.headers['www-authenticate']) fail('WWW-Authenticate header missing', 'e.g. Bearer realm="…"', '(none)', res);
    },
  },
  {
    id: 'auth-no-token-write-401', title: 'a create without credentials answers 401 and creates nothing', area: 'auth',
    spec: 'RFC 7644 §2', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      needsCredentials(ctx);
      const res = await ctx.post('/Users', ctx.userBody(), ctx.anonymous);
      expectStatus(res, 401, 'POST /Users without credentials');
    },
  },
  {
    id: 'auth-no-token-groups-401', title: 'GET /Groups without credentials answers 401', area: 'auth',
    spec: 'RFC 7644 §2', level: 'MUST', profiles: RFC_ENTRA, requires: ['groups'], mutating: false,
    async run(ctx) {
      needsCredentials(ctx);
      expectStatus(await ctx.anonymous.request('GET', '/Groups', { query: { count: 1 } }), 401, 'GET /Groups without credentials');
    },
  },
];
