/**
 * @module conformance/checks/replace
 * PUT replaces a resource: RFC 7644 §3.5.1.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.1
 */
import { attr, expectEqual, expectResource, expectScimError, expectStatus, fail, memberIds } from '../assert.js';
import type { Check } from '../types.js';
import { RFC, RFC_OKTA, read } from './helpers.js';

export const replaceChecks: Check[] = [
  {
    id: 'put-user-200', title: 'PUT /Users/{id} answers 200 with the replaced user', area: 'replace',
    spec: 'RFC 7644 §3.5.1', level: 'MUST', profiles: RFC_OKTA, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const res = await ctx.client.replace('/Users', user.id, { ...user, meta: undefined, displayName: 'Replaced Name', title: 'Replaced' } as never);
      expectStatus(res, 200, 'PUT /Users/{id}');
      const body = expectResource(res, 'PUT /Users/{id}');
      expectEqual(attr(body, 'displayName'), 'Replaced Name', 'PUT response displayName');
    },
  },
  {
    id: 'put-user-round-trip', title: 'GET after PUT shows the new values', area: 'replace',
    spec: 'RFC 7644 §3.5.1', level: 'MUST', profiles: RFC_OKTA, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const replacement = { ...ctx.userBody({ userName: user.userName, externalId: user.externalId }), name: { givenName: 'New', familyName: 'Person' }, title: 'Lead' };
      expectStatus(await ctx.client.replace('/Users', user.id, replacement), 200, 'PUT /Users/{id}');
      const got = await read(ctx, '/Users', user.id);
      expectEqual(attr(got, 'name.givenName'), 'New', 'name.givenName');
      expectEqual(attr(got, 'title'), 'Lead', 'title');
    },
  },
  {
    id: 'put-user-keeps-id-and-created', title: 'PUT keeps id and meta.created', area: 'replace',
    spec: 'RFC 7643 §3.1', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const res = await ctx.client.replace('/Users', user.id, ctx.userBody({ userName: user.userName }));
      expectStatus(res, 200, 'PUT /Users/{id}');
      const body = expectResource(res, 'PUT /Users/{id}');
      expectEqual(body.id, user.id, 'id');
      if (user.meta?.created) expectEqual(body.meta?.created, user.meta.created, 'meta.created');
    },
  },
  {
    id: 'put-user-last-modified', title: 'PUT does not move meta.lastModified backwards', area: 'replace',
    spec: 'RFC 7643 §3.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const res = await ctx.client.replace('/Users', user.id, ctx.userBody({ userName: user.userName, displayName: 'Later' }));
      expectStatus(res, 200, 'PUT /Users/{id}');
      const before = Date.parse(String(user.meta?.lastModified));
      const after = Date.parse(String(expectResource(res, 'PUT').meta?.lastModified));
      if (!(after >= before)) fail('lastModified not updated', `>= ${user.meta?.lastModified}`, (res.body as { meta?: unknown }).meta, res);
    },
  },
  {
    id: 'put-user-clears-omitted', title: 'attributes left out of a PUT are cleared', area: 'replace',
    spec: 'RFC 7644 §3.5.1', level: 'MAY', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser({ nickName: 'Nicky', title: 'Temp' });
      const { nickName: _n, title: _t, ...rest } = ctx.userBody({ userName: user.userName });
      expectStatus(await ctx.client.replace('/Users', user.id, rest), 200, 'PUT /Users/{id}');
      const got = await read(ctx, '/Users', user.id);
      if (attr(got, 'nickName') !== undefined || attr(got, 'title') !== undefined) fail('omitted attributes kept', 'nickName and title cleared', { nickName: attr(got, 'nickName'), title: attr(got, 'title') });
    },
  },
  {
    id: 'put-user-unknown-404', title: 'PUT of an unknown user answers 404', area: 'replace',
    spec: 'RFC 7644 §3.12', level: 'MUST', profiles: RFC_OKTA, mutating: true,
    async run(ctx) { expectScimError(await ctx.client.replace('/Users', `${ctx.prefix}-no-such-user`, ctx.userBody()), 404, 'PUT /Users/{unknown}'); },
  },
  {
    id: 'put-group-200', title: 'PUT /Groups/{id} replaces displayName and members', area: 'replace',
    spec: 'RFC 7644 §3.5.1', level: 'MUST', profiles: RFC_OKTA, requires: ['groups'], mutating: true,
    async run(ctx) {
      const [u1, u2] = [await ctx.createUser(), await ctx.createUser()];
      const group = await ctx.createGroup({ members: [{ value: u1.id }] });
      const name = ctx.uniqueName('renamed');
      expectStatus(await ctx.client.replace('/Groups', group.id, ctx.groupBody({ displayName: name, externalId: group.externalId, members: [{ value: u2.id }] })), 200, 'PUT /Groups/{id}');
      const got = await read(ctx, '/Groups', group.id);
      expectEqual(attr(got, 'displayName'), name, 'displayName');
      expectEqual(memberIds(got), [u2.id], 'members');
    },
  },
];
