/**
 * @module conformance/checks/robustness
 * Malformed and hostile input gets a 4xx SCIM error, never a 5xx (RFC 7644 §3.12): broken JSON,
 * wrong types, prototype-polluting keys, absurd query parameters, odd ids.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
import type { ScimResponse } from '../../scim/client/index.js';
import { URN } from '../../scim/types.js';
import { attr, expect4xx, expectNot5xx, expectScimError, fail } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { RFC, RFC_ENTRA, read } from './helpers.js';

function robust(id: string, title: string, send: (ctx: CheckContext) => Promise<ScimResponse>, expectation: '4xx' | 'not-5xx', extra: Partial<Check> = {}): Check {
  return {
    id, title, area: 'robustness', spec: 'RFC 7644 §3.12', level: 'MUST', profiles: RFC, mutating: true, ...extra,
    async run(ctx) {
      const res = await send(ctx);
      const created = (res.body as { id?: unknown } | undefined)?.id;
      if (res.status === 201 && typeof created === 'string') ctx.track('/Users', created);
      if (expectation === '4xx') expect4xx(res, title);
      else expectNot5xx(res, title);
    },
  };
}

const post = (ctx: CheckContext, body: string, contentType = 'application/scim+json') =>
  ctx.client.request('POST', '/Users', { body, headers: { 'content-type': contentType } });

export const robustnessChecks: Check[] = [
  {
    id: 'robust-malformed-json', title: 'malformed JSON answers 400 with a SCIM error', area: 'robustness',
    spec: 'RFC 7644 §3.12', level: 'MUST', profiles: RFC_ENTRA, mutating: true,
    async run(ctx) { expectScimError(await post(ctx, '{"userName": "x", '), 400, 'POST /Users with broken JSON'); },
  },
  robust('robust-body-array', 'a JSON array body answers 4xx', (ctx) => post(ctx, '[]'), '4xx'),
  robust('robust-body-empty', 'an empty body answers 4xx', (ctx) => post(ctx, ''), '4xx'),
  robust('robust-body-scalar', 'a JSON string body answers 4xx', (ctx) => post(ctx, '"userName"'), '4xx'),
  robust('robust-null-username', 'userName null answers 4xx', (ctx) => ctx.client.create('/Users', { ...ctx.userBody(), userName: null }), '4xx'),
  robust('robust-wrong-type-complex', 'a string where a complex attribute belongs answers 4xx', (ctx) => ctx.client.create('/Users', { ...ctx.userBody(), name: 'not an object' }), '4xx'),
  robust('robust-wrong-type-boolean', 'a non-boolean active answers 4xx', (ctx) => ctx.client.create('/Users', { ...ctx.userBody(), active: 'maybe-not' }), '4xx', { level: 'SHOULD' }),
  {
    id: 'robust-proto-key', title: 'a "__proto__" key neither crashes the server nor leaks into the resource', area: 'robustness',
    spec: 'RFC 7644 §3.12', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const body = JSON.stringify(ctx.userBody()).replace(/^\{/, '{"__proto__":{"polluted":"yes"},');
      const res = await post(ctx, body);
      expectNot5xx(res, 'POST /Users with __proto__');
      const id = (res.body as { id?: unknown } | undefined)?.id;
      if (res.status === 201 && typeof id === 'string') {
        ctx.track('/Users', id);
        if (attr(await read(ctx, '/Users', id), 'polluted') !== undefined) fail('__proto__ content became an attribute', 'ignored or refused', 'polluted attribute present');
      }
      const fresh = await ctx.createUser();
      if (attr(fresh, 'polluted') !== undefined) fail('a later resource inherited the polluted key', 'no "polluted"', fresh);
    },
  },
  robust('robust-patch-operations-object', 'PATCH with Operations as an object answers 4xx', async (ctx) => {
    const user = await ctx.createUser();
    return ctx.client.request('PATCH', `/Users/${user.id}`, { body: { schemas: [URN.PatchOp], Operations: { op: 'add' } } });
  }, '4xx'),
  robust('robust-patch-unknown-attribute', 'PATCH of an attribute the schema lacks does not fail with 5xx', async (ctx) => {
    const user = await ctx.createUser();
    return ctx.client.patch('/Users', user.id, [{ op: 'replace', path: `noSuchAttribute${ctx.prefix}`, value: 'x' }]);
  }, 'not-5xx'),
  robust('robust-filter-garbage', 'a garbled filter answers 4xx', (ctx) => ctx.client.list('/Users', { filter: '((userName eq "x" or' }), '4xx', { mutating: false, requires: ['filter'] }),
  robust('robust-filter-control-chars', 'control characters in a filter do not cause a 5xx', (ctx) => ctx.client.list('/Users', { filter: 'userName eq "\u0000\u001f\u007f"' }), 'not-5xx', { mutating: false }),
  robust('robust-start-index-text', 'a non-numeric startIndex does not cause a 5xx', (ctx) => ctx.client.request('GET', '/Users', { query: { startIndex: 'abc', count: 'xyz' } }), 'not-5xx', { mutating: false }),
  robust('robust-count-huge', 'a huge count does not cause a 5xx', (ctx) => ctx.client.list('/Users', { count: 2 ** 40 }), 'not-5xx', { mutating: false }),
  robust('robust-odd-id', 'odd ids (unicode, dots, encoded slashes) answer 404', async (ctx) => {
    for (const id of ['☃', '..', `..%2F${ctx.prefix}`, ' ']) {
      const res = await ctx.client.get('/Users', id);
      if (res.status !== 404) return res;
    }
    return ctx.client.get('/Users', `${ctx.prefix}-absent`);
  }, '4xx', { mutating: false }),
  robust('robust-long-value', 'a 100 000-character value does not cause a 5xx', (ctx) => ctx.client.create('/Users', { ...ctx.userBody(), displayName: 'x'.repeat(100_000) }), 'not-5xx'),
  robust('robust-deep-nesting', 'deeply nested JSON does not cause a 5xx', (ctx) => post(ctx, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`), 'not-5xx'),
  robust('robust-text-plain', 'a text/plain body does not cause a 5xx', (ctx) => post(ctx, JSON.stringify(ctx.userBody()), 'text/plain'), 'not-5xx'),
];
