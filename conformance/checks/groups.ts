/**
 * @module conformance/checks/groups
 * Group create, read, list and membership: RFC 7644 §3.3–§3.4, RFC 7643 §4.2; Entra's group
 * requests (ENTRA-SPEC §6.4).
 * https://datatracker.ietf.org/doc/html/rfc7643#section-4.2
 */
import { URN } from '../../scim/types.js';
import { attr, expectEqual, expectListResponse, expectResource, expectScimError, expectStatus, fail, memberIds } from '../assert.js';
import type { Check } from '../types.js';
import { ALL, ENTRA, RFC, RFC_ENTRA, read } from './helpers.js';

export const groupChecks: Check[] = [
  {
    id: 'groups-create-201', title: 'POST /Groups answers 201 with the group', area: 'groups',
    spec: 'RFC 7644 §3.3', level: 'MUST', profiles: ALL, requires: ['groups'], mutating: true,
    async run(ctx) {
      const body = ctx.groupBody();
      const res = await ctx.post('/Groups', body);
      expectStatus(res, 201, 'POST /Groups');
      const group = expectResource(res, 'POST /Groups');
      if (typeof group.id !== 'string' || !group.id) fail('no id', 'a server-assigned id', group.id, res);
      expectEqual(attr(group, 'displayName'), body.displayName, 'displayName');
    },
  },
  {
    id: 'groups-get-round-trip', title: 'GET /Groups/{id} returns displayName and externalId as created', area: 'groups',
    spec: 'RFC 7644 §3.4.1', level: 'MUST', profiles: ALL, requires: ['groups'], mutating: true,
    async run(ctx) {
      const body = ctx.groupBody();
      const got = await read(ctx, '/Groups', (await ctx.createGroup(body)).id);
      expectEqual(attr(got, 'displayName'), body.displayName, 'displayName');
      expectEqual(attr(got, 'externalId'), body.externalId, 'externalId');
    },
  },
  {
    id: 'groups-create-with-members', title: 'a group created with a member lists that member', area: 'groups',
    spec: 'RFC 7643 §4.2', level: 'MUST', profiles: RFC, requires: ['groups'], mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const group = await ctx.createGroup({ members: [{ value: user.id }] });
      expectEqual(memberIds(await read(ctx, '/Groups', group.id)), [user.id], 'members');
    },
  },
  {
    id: 'groups-get-unknown-404', title: 'GET of an unknown group answers 404 with a SCIM error', area: 'groups',
    spec: 'RFC 7644 §3.12', level: 'MUST', profiles: ALL, requires: ['groups'], mutating: false,
    async run(ctx) { expectScimError(await ctx.client.get('/Groups', `${ctx.prefix}-no-such-group`), 404, 'GET /Groups/{unknown}'); },
  },
  {
    id: 'groups-list-200', title: 'GET /Groups answers a ListResponse', area: 'groups',
    spec: 'RFC 7644 §3.4.2', level: 'MUST', profiles: ALL, requires: ['groups'], mutating: false,
    async run(ctx) { expectListResponse(await ctx.client.list('/Groups', { count: 5 }), 'GET /Groups'); },
  },
  {
    id: 'groups-excluded-members', title: 'GET /Groups/{id}?excludedAttributes=members omits members', area: 'groups',
    spec: 'ENTRA-SPEC §6.4', level: 'MUST', profiles: RFC_ENTRA, requires: ['groups'], mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const group = await ctx.createGroup({ members: [{ value: user.id }] });
      const got = await read(ctx, '/Groups', group.id, { excludedAttributes: 'members' });
      if (attr(got, 'members') !== undefined) fail('members returned although excluded', 'no members', attr(got, 'members'));
      expectEqual(got.id, group.id, 'id');
    },
  },
  {
    id: 'groups-entra-create-request', title: "Entra's create-group request (with its ADSCIM schema URN) is accepted", area: 'groups',
    spec: 'ENTRA-SPEC §6.4', level: 'SHOULD', profiles: ENTRA, requires: ['groups'], mutating: true,
    async run(ctx) {
      const res = await ctx.post('/Groups', {
        schemas: [URN.Group, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
        externalId: crypto.randomUUID(), displayName: ctx.uniqueName('entra-group'), meta: { resourceType: 'Group' },
      });
      expectStatus(res, 201, 'POST /Groups (Entra sample)');
    },
  },
  {
    id: 'groups-member-deleted-user', title: 'a deleted user no longer appears among group members', area: 'groups',
    spec: 'RFC 7644 §3.6', level: 'MAY', profiles: RFC, requires: ['groups'], mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const keep = await ctx.createUser();
      const group = await ctx.createGroup({ members: [{ value: user.id }, { value: keep.id }] });
      expectStatus(await ctx.client.delete('/Users', user.id), 204, 'DELETE /Users/{id}');
      expectEqual(memberIds(await read(ctx, '/Groups', group.id)), [keep.id], 'members after deleting one user');
    },
  },
];
