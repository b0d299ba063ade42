/**
 * @module conformance/checks/delete
 * DELETE: 204, then 404 for every later operation on the resource. RFC 7644 §3.6.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.6
 */
import { expectScimError, expectStatus, fail } from '../assert.js';
import type { Check } from '../types.js';
import { ALL, RFC, expectFilter } from './helpers.js';
import { eqFilter } from '../../scim/filter/build.js';

export const deleteChecks: Check[] = [
  {
    id: 'delete-user-204', title: 'DELETE /Users/{id} answers 204', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) { expectStatus(await ctx.client.delete('/Users', (await ctx.createUser()).id), 204, 'DELETE /Users/{id}'); },
  },
  {
    id: 'delete-user-then-404', title: 'GET after DELETE answers 404', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      expectStatus(await ctx.client.delete('/Users', user.id), 204, 'DELETE /Users/{id}');
      expectScimError(await ctx.client.get('/Users', user.id), 404, 'GET after DELETE');
    },
  },
  {
    id: 'delete-user-twice-404', title: 'a second DELETE of the same user answers 404', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      expectStatus(await ctx.client.delete('/Users', user.id), 204, 'first DELETE');
      expectScimError(await ctx.client.delete('/Users', user.id), 404, 'second DELETE');
    },
  },
  {
    id: 'delete-user-not-found-by-filter', title: 'a deleted user is no longer found by userName', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      expectStatus(await ctx.client.delete('/Users', user.id), 204, 'DELETE /Users/{id}');
      await expectFilter(ctx, eqFilter('userName', String(user.userName)), []);
    },
  },
  {
    id: 'delete-unknown-404', title: 'DELETE of an unknown user answers 404', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) { expectScimError(await ctx.client.delete('/Users', `${ctx.prefix}-no-such-user`), 404, 'DELETE /Users/{unknown}'); },
  },
  {
    id: 'delete-no-body', title: 'the 204 answer to DELETE has no body', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const res = await ctx.client.delete('/Users', (await ctx.createUser()).id);
      expectStatus(res, 204, 'DELETE /Users/{id}');
      if (res.body !== undefined) fail('204 with a body', 'no body', res.body, res);
    },
  },
  {
    id: 'delete-group-204', title: 'DELETE /Groups/{id} answers 204, then GET answers 404', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'MUST', profiles: ALL, requires: ['groups'], mutating: true,
    async run(ctx) {
      const group = await ctx.createGroup();
      expectStatus(await ctx.client.delete('/Groups', group.id), 204, 'DELETE /Groups/{id}');
      expectScimError(await ctx.client.get('/Groups', group.id), 404, 'GET after DELETE');
    },
  },
  {
    id: 'delete-group-keeps-users', title: 'deleting a group leaves its member users in place', area: 'delete',
    spec: 'RFC 7644 §3.6', level: 'MUST', profiles: RFC, requires: ['groups'], mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const group = await ctx.createGroup({ members: [{ value: user.id }] });
      expectStatus(await ctx.client.delete('/Groups', group.id), 204, 'DELETE /Groups/{id}');
      expectStatus(await ctx.client.get('/Users', user.id), 200, 'GET member user');
    },
  },
];
