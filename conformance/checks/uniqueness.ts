/**
 * @module conformance/checks/uniqueness
 * 409 uniqueness conflicts: RFC 7644 §3.3 (MUST), userName compared case-insensitively
 * (RFC 7643 §4.1 caseExact false), unique group displayName (ENTRA-SPEC §6.6).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.3
 */
import { expectScimError, expectStatus } from '../assert.js';
import type { Check } from '../types.js';
import { ALL, ENTRA, RFC, RFC_ENTRA, filterIds } from './helpers.js';
import { expectEqual } from '../assert.js';
import { eqFilter } from '../../scim/filter/build.js';

export const uniquenessChecks: Check[] = [
  {
    id: 'uniqueness-user-409', title: 'creating a second user with the same userName answers 409', area: 'uniqueness',
    spec: 'RFC 7644 §3.3', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const res = await ctx.post('/Users', ctx.userBody({ userName: user.userName }));
      expectStatus(res, 409, 'POST /Users with a taken userName');
    },
  },
  {
    id: 'uniqueness-user-scim-type', title: 'the 409 carries scimType "uniqueness"', area: 'uniqueness',
    spec: 'RFC 7644 §3.3', level: 'MUST', profiles: RFC_ENTRA, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const res = await ctx.post('/Users', ctx.userBody({ userName: user.userName }));
      expectScimError(res, 409, 'POST /Users with a taken userName', 'uniqueness');
    },
  },
  {
    id: 'uniqueness-user-case-insensitive', title: 'userName uniqueness ignores case', area: 'uniqueness',
    spec: 'RFC 7643 §4.1', level: 'MUST', profiles: RFC_ENTRA, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const res = await ctx.post('/Users', ctx.userBody({ userName: String(user.userName).toUpperCase() }));
      expectStatus(res, 409, 'POST /Users with the userName in upper case');
    },
  },
  {
    id: 'uniqueness-no-duplicate-stored', title: 'after a 409 only one user has the userName', area: 'uniqueness',
    spec: 'RFC 7644 §3.3', level: 'MUST', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const res = await ctx.post('/Users', ctx.userBody({ userName: user.userName }));
      expectEqual(await filterIds(ctx, eqFilter('userName', String(user.userName))), [user.id], 'users with the userName');
    },
  },
  {
    id: 'uniqueness-put-409', title: 'PUT to a userName another user holds answers 409', area: 'uniqueness',
    spec: 'RFC 7644 §3.5.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const [a, b] = [await ctx.createUser(), await ctx.createUser()];
      expectScimError(await ctx.client.replace('/Users', b.id, ctx.userBody({ userName: a.userName })), 409, 'PUT with a taken userName', 'uniqueness');
    },
  },
  {
    id: 'uniqueness-patch-409', title: 'PATCH to a userName another user holds answers 409', area: 'uniqueness',
    spec: 'RFC 7644 §3.5.2', level: 'SHOULD', profiles: RFC, requires: ['patch'], mutating: true,
    async run(ctx) {
      const [a, b] = [await ctx.createUser(), await ctx.createUser()];
      expectScimError(await ctx.client.patch('/Users', b.id, [{ op: 'replace', path: 'userName', value: a.userName }]), 409, 'PATCH with a taken userName', 'uniqueness');
    },
  },
  {
    id: 'uniqueness-group-409', title: 'a second group with the same displayName answers 409', area: 'uniqueness',
    spec: 'ENTRA-SPEC §6.6', level: 'MUST', profiles: ENTRA, requires: ['groups'], mutating: true,
    async run(ctx) {
      const group = await ctx.createGroup();
      const res = await ctx.post('/Groups', ctx.groupBody({ displayName: group.displayName }));
      expectStatus(res, 409, 'POST /Groups with a taken displayName');
    },
  },
];
