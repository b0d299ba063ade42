/**
 * @module conformance/checks/projection
 * attributes / excludedAttributes on GET and POST /.search: RFC 7644 §3.4.2.5, §3.4.3, and
 * RFC 7643 §7 `returned` ("always" attributes cannot be left out).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.5
 */
import { attr, expectEqual, expectListResponse, expectStatus, fail } from '../assert.js';
import type { Check } from '../types.js';
import { RFC, filterSet, read } from './helpers.js';
import { eqFilter } from '../../scim/filter/build.js';

export const projectionChecks: Check[] = [
  {
    id: 'projection-attributes-get', title: 'GET ?attributes=userName returns userName and id only', area: 'projection',
    spec: 'RFC 7644 §3.4.2.5', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const got = await read(ctx, '/Users', user.id, { attributes: 'userName' });
      expectEqual([got.id, attr(got, 'userName')], [user.id, user.userName], 'id, userName');
      if (attr(got, 'name') !== undefined || attr(got, 'emails') !== undefined) fail('attributes not asked for were returned', 'no name, no emails', got);
    },
  },
  {
    id: 'projection-excluded-get', title: 'GET ?excludedAttributes=emails leaves emails out and keeps the rest', area: 'projection',
    spec: 'RFC 7644 §3.4.2.5', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const got = await read(ctx, '/Users', user.id, { excludedAttributes: 'emails' });
      if (attr(got, 'emails') !== undefined) fail('emails returned although excluded', 'no emails', attr(got, 'emails'));
      expectEqual(attr(got, 'userName'), user.userName, 'userName');
    },
  },
  {
    id: 'projection-always-returned', title: 'id and schemas are returned even when excluded or not asked for', area: 'projection',
    spec: 'RFC 7643 §7', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const excluded = await read(ctx, '/Users', user.id, { excludedAttributes: 'id' });
      expectEqual(excluded.id, user.id, 'id with excludedAttributes=id');
      const narrowed = await read(ctx, '/Users', user.id, { attributes: 'displayName' });
      expectEqual(narrowed.id, user.id, 'id with attributes=displayName');
      if (!Array.isArray(narrowed.schemas)) fail('schemas missing', 'schemas', narrowed);
    },
  },
  {
    id: 'projection-sub-attribute', title: 'attributes=name.givenName returns only that sub-attribute of name', area: 'projection',
    spec: 'RFC 7644 §3.4.2.5', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const got = await read(ctx, '/Users', user.id, { attributes: 'name.givenName' });
      expectEqual(attr(got, 'name.givenName'), attr(user, 'name.givenName'), 'name.givenName');
      if (attr(got, 'name.familyName') !== undefined) fail('name.familyName returned', 'absent', attr(got, 'name.familyName'));
    },
  },
  {
    id: 'projection-list', title: 'attributes on a list applies to every resource', area: 'projection',
    spec: 'RFC 7644 §3.4.2.5', level: 'MUST', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      const s = await filterSet(ctx);
      const list = expectListResponse(await ctx.client.list('/Users', { filter: s.scope, attributes: 'userName' }), 'list with attributes');
      if (list.Resources.length !== 3) fail('wrong number of resources', 3, list.Resources.length);
      const leaked = list.Resources.filter((r) => attr(r, 'name') !== undefined || attr(r, 'emails') !== undefined);
      if (leaked.length) fail('attributes not asked for were returned', 'id and userName only', leaked[0]);
    },
  },
  {
    id: 'projection-search-attributes', title: 'POST /.search honours attributes', area: 'projection',
    spec: 'RFC 7644 §3.4.3', level: 'SHOULD', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      const s = await filterSet(ctx);
      const list = expectListResponse(await ctx.client.search('/Users', { filter: eqFilter('userName', String(s.a.userName)), attributes: ['userName'] }), 'POST /.search');
      expectEqual(list.Resources.map((r) => r.id), [s.a.id], 'ids');
      if (attr(list.Resources[0], 'emails') !== undefined) fail('emails returned', 'id and userName only', list.Resources[0]);
    },
  },
  {
    id: 'projection-search-excluded', title: 'POST /.search honours excludedAttributes', area: 'projection',
    spec: 'RFC 7644 §3.4.3', level: 'SHOULD', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      const s = await filterSet(ctx);
      const list = expectListResponse(await ctx.client.search('/Users', { filter: eqFilter('userName', String(s.a.userName)), excludedAttributes: ['emails'] }), 'POST /.search');
      expectEqual(list.Resources.map((r) => r.id), [s.a.id], 'ids');
      if (attr(list.Resources[0], 'emails') !== undefined) fail('emails returned although excluded', 'no emails', list.Resources[0]);
    },
  },
  {
    id: 'projection-search-paging', title: 'POST /.search honours startIndex and count', area: 'projection',
    spec: 'RFC 7644 §3.4.3', level: 'SHOULD', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      const s = await filterSet(ctx);
      const list = expectListResponse(await ctx.client.search('/Users', { filter: s.scope, startIndex: 2, count: 1 }), 'POST /.search');
      expectEqual([list.totalResults, list.Resources.length], [3, 1], 'totalResults, Resources');
    },
  },
  {
    id: 'projection-search-root', title: 'POST /.search at the root finds users', area: 'projection',
    spec: 'RFC 7644 §3.4.3', level: 'MAY', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      const s = await filterSet(ctx);
      const res = await ctx.client.search('', { filter: eqFilter('userName', String(s.c.userName)) });
      expectStatus(res, 200, 'POST /.search');
      expectEqual(expectListResponse(res, 'POST /.search').Resources.map((r) => r.id), [s.c.id], 'ids');
    },
  },
];
