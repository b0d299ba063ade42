/**
 * @module conformance/checks/etag
 * Versioning with ETags, RFC 7644 §3.14, when ServiceProviderConfig advertises etag.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.14
 */
import { expectEqual, expectStatus, fail } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { RFC } from './helpers.js';

function etagCheck(id: string, title: string, run: (ctx: CheckContext) => Promise<void>, level: 'MUST' | 'SHOULD' = 'MUST'): Check {
  return { id, title, area: 'etag', spec: 'RFC 7644 §3.14', level, profiles: RFC, requires: ['etag'], mutating: true, run };
}

async function etagOf(ctx: CheckContext, id: string): Promise<string> {
  const res = await ctx.client.get('/Users', id);
  expectStatus(res, 200, 'GET /Users/{id}');
  const etag = res.headers.etag;
  if (!etag) fail('ETag header missing', 'an ETag', '(none)', res);
  return etag;
}

export const etagChecks: Check[] = [
  etagCheck('etag-header', 'GET of a resource carries an ETag header', async (ctx) => { await etagOf(ctx, (await ctx.createUser()).id); }),
  etagCheck('etag-meta-version', 'meta.version equals the ETag header', async (ctx) => {
    const user = await ctx.createUser();
    const etag = await etagOf(ctx, user.id);
    const res = await ctx.client.get('/Users', user.id);
    expectEqual(res.body?.meta?.version, etag, 'meta.version');
  }),
  etagCheck('etag-changes-on-update', 'the ETag changes when the resource changes', async (ctx) => {
    const user = await ctx.createUser();
    const before = await etagOf(ctx, user.id);
    expectStatus(await ctx.client.replace('/Users', user.id, ctx.userBody({ userName: user.userName, displayName: 'Changed' })), 200, 'PUT');
    if ((await etagOf(ctx, user.id)) === before) fail('ETag unchanged after an update', `not ${before}`, before);
  }),
  etagCheck('etag-if-none-match-304', 'If-None-Match with the current ETag answers 304', async (ctx) => {
    const user = await ctx.createUser();
    const etag = await etagOf(ctx, user.id);
    expectStatus(await ctx.client.get('/Users', user.id, { headers: { 'if-none-match': etag } }), 304, 'GET with If-None-Match');
  }, 'SHOULD'),
  etagCheck('etag-if-match-stale-412', 'PUT with a stale If-Match answers 412', async (ctx) => {
    const user = await ctx.createUser();
    const res = await ctx.client.replace('/Users', user.id, ctx.userBody({ userName: user.userName }), { ifMatch: 'W/"stale-version"' });
    expectStatus(res, 412, 'PUT with a stale If-Match');
  }),
  etagCheck('etag-if-match-current', 'PUT with the current If-Match succeeds', async (ctx) => {
    const user = await ctx.createUser();
    const etag = await etagOf(ctx, user.id);
    expectStatus(await ctx.client.replace('/Users', user.id, ctx.userBody({ userName: user.userName }), { ifMatch: etag }), 200, 'PUT with If-Match');
  }),
  etagCheck('etag-create-header', 'the create response carries an ETag header', async (ctx) => {
    const res = await ctx.post('/Users', ctx.userBody());
    expectStatus(res, 201, 'POST /Users');
    if (!res.headers.etag) fail('ETag header missing on create', 'an ETag', '(none)', res);
  }, 'SHOULD'),
];
