/**
 * @module conformance/checks/users
 * User create, read and list with round-trip value checks: RFC 7644 §3.3, §3.4.1, §3.4.2;
 * RFC 7643 §3.1, §4.1; Entra's create request and value expectations (ENTRA-SPEC §6.4, §6.6).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.3
 */
import { URN } from '../../scim/types.js';
import { attr, byType, expectEqual, expectListResponse, expectResource, expectScimError, expectStatus, fail } from '../assert.js';
import type { Check } from '../types.js';
import { ALL, ENTERPRISE, ENTRA, RFC, RFC_ENTRA, read, requireEnterprise } from './helpers.js';

const ROUND_TRIP = ['userName', 'externalId', 'name.givenName', 'name.familyName', 'displayName', 'active'];

export const userChecks: Check[] = [
  {
    id: 'users-create-201', title: 'POST /Users answers 201 with the created user', area: 'users',
    spec: 'RFC 7644 §3.3', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const res = await ctx.post('/Users', ctx.userBody());
      expectStatus(res, 201, 'POST /Users');
      const body = expectResource(res, 'POST /Users');
      if (typeof body.id !== 'string' || !body.id) fail('the created user has no id', 'a server-assigned id', body.id, res);
      if (!Array.isArray(body.schemas) || !body.schemas.includes(URN.User)) fail('schemas must include the User URN', URN.User, body.schemas, res);
    },
  },
  {
    id: 'users-create-meta', title: 'the created user has meta.resourceType, created and lastModified', area: 'users',
    spec: 'RFC 7643 §3.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const meta = user.meta ?? {};
      if (meta.resourceType !== 'User' || !meta.created || !meta.lastModified) fail('meta incomplete', { resourceType: 'User', created: '…', lastModified: '…' }, meta);
      if (Number.isNaN(Date.parse(meta.created))) fail('meta.created is not a dateTime', 'xsd:dateTime', meta.created);
    },
  },
  {
    id: 'users-create-round-trip', title: 'the create response echoes the values sent', area: 'users',
    spec: 'RFC 7644 §3.3', level: 'SHOULD', profiles: ALL, mutating: true,
    async run(ctx) {
      const body = ctx.userBody();
      const user = await ctx.createUser(body);
      for (const path of ROUND_TRIP) expectEqual(attr(user, path), attr(body, path), `create response ${path}`);
    },
  },
  {
    id: 'users-get-200', title: 'GET /Users/{id} answers 200 with the user', area: 'users',
    spec: 'RFC 7644 §3.4.1', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const got = await read(ctx, '/Users', user.id);
      expectEqual(got.id, user.id, 'GET id');
    },
  },
  {
    id: 'users-get-round-trip', title: 'GET returns the values the user was created with', area: 'users',
    spec: 'RFC 7644 §3.4.1', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const body = ctx.userBody();
      const user = await ctx.createUser(body);
      const got = await read(ctx, '/Users', user.id);
      for (const path of ROUND_TRIP) expectEqual(attr(got, path), attr(body, path), `GET ${path}`);
      expectEqual(attr(byType(got, 'emails', 'work'), 'value'), attr(byType(body, 'emails', 'work'), 'value'), 'GET emails[type eq "work"].value');
    },
  },
  {
    id: 'users-get-unknown-404', title: 'GET of an unknown user answers 404 with a SCIM error', area: 'users',
    spec: 'RFC 7644 §3.12', level: 'MUST', profiles: ALL, mutating: false,
    async run(ctx) { expectScimError(await ctx.client.get('/Users', `${ctx.prefix}-no-such-user`), 404, 'GET /Users/{unknown}'); },
  },
  {
    id: 'users-list-200', title: 'GET /Users answers a ListResponse', area: 'users',
    spec: 'RFC 7644 §3.4.2', level: 'MUST', profiles: ALL, mutating: false,
    async run(ctx) { expectListResponse(await ctx.client.list('/Users', { count: 5 }), 'GET /Users'); },
  },
  {
    id: 'users-list-ids', title: 'every listed user has an id and schemas', area: 'users',
    spec: 'RFC 7643 §3', level: 'MUST', profiles: RFC_ENTRA, mutating: false,
    async run(ctx) {
      const list = expectListResponse(await ctx.client.list('/Users', { count: 10 }), 'GET /Users');
      const bad = list.Resources.filter((r) => typeof r.id !== 'string' || !Array.isArray(r.schemas));
      if (bad.length) fail('listed resources without id or schemas', 'id and schemas on each', bad.slice(0, 3));
    },
  },
  {
    id: 'users-password-never-returned', title: 'a password sent on create is never returned', area: 'users',
    spec: 'RFC 7643 §4.1', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser({ password: `Pw-${ctx.prefix}-9x!` });
      if (attr(user, 'password') !== undefined) fail('password returned by create', 'absent', 'present');
      if (attr(await read(ctx, '/Users', user.id), 'password') !== undefined) fail('password returned by GET', 'absent', 'present');
    },
  },
  {
    id: 'users-id-server-assigned', title: 'an id sent by the client is not used', area: 'users',
    spec: 'RFC 7643 §3.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const clientId = `${ctx.prefix}-client-chosen-id`;
      const res = await ctx.post('/Users', { ...ctx.userBody(), id: clientId });
      if (res.status === 400) return;
      expectStatus(res, [201, 400], 'POST /Users with an id');
      if (res.body?.id === clientId) fail('the server kept the client-chosen id', 'a server-assigned id', clientId, res);
    },
  },
  {
    id: 'users-meta-ignored', title: 'meta values sent by the client are ignored', area: 'users',
    spec: 'RFC 7643 §3.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser({ meta: { created: '2001-01-01T00:00:00Z', resourceType: 'User' } });
      if (user.meta?.created === '2001-01-01T00:00:00Z') fail('meta.created taken from the request', 'server time', user.meta.created);
    },
  },
  {
    id: 'users-missing-username-400', title: 'a create without the required userName answers 400', area: 'users',
    spec: 'RFC 7643 §4.1', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const { userName: _omitted, ...body } = ctx.userBody();
      const res = await ctx.post('/Users', body);
      expectScimError(res, 400, 'POST /Users without userName');
    },
  },
  {
    id: 'users-inactive-returned', title: 'a user created with active=false is stored and returned inactive', area: 'users',
    spec: 'ENTRA-SPEC §6.6', level: 'MUST', profiles: ALL, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser({ active: false });
      expectEqual(attr(await read(ctx, '/Users', user.id), 'active'), false, 'GET active');
    },
  },
  {
    // RFC only: Entra works with an app that keeps no phone numbers or addresses (it asks for exact storage of what is kept, ENTRA-SPEC §6.6)
    id: 'users-multi-valued-round-trip', title: 'several emails, phone numbers and addresses round-trip', area: 'users',
    spec: 'RFC 7643 §4.1.2', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const body = ctx.userBody();
      body.emails = [{ value: `w-${body.userName}`, type: 'work', primary: true }, { value: `h-${body.userName}`, type: 'home' }];
      body.phoneNumbers = [{ value: '+1 (555) 010-0199', type: 'work' }, { value: '555-0123', type: 'mobile' }];
      body.addresses = [{ type: 'work', streetAddress: '1 Main St', locality: 'Springfield', postalCode: '12345', country: 'US' }];
      const got = await read(ctx, '/Users', (await ctx.createUser(body)).id);
      expectEqual(attr(byType(got, 'emails', 'home'), 'value'), `h-${body.userName}`, 'emails home');
      expectEqual(attr(byType(got, 'emails', 'work'), 'primary'), true, 'emails work primary');
      expectEqual(attr(byType(got, 'phoneNumbers', 'mobile'), 'value'), '555-0123', 'phoneNumbers mobile');
      expectEqual(attr(byType(got, 'addresses', 'work'), 'locality'), 'Springfield', 'addresses work locality');
    },
  },
  {
    id: 'users-values-exact', title: 'values are stored exactly as sent (no phone or case normalisation)', area: 'users',
    spec: 'ENTRA-SPEC §6.6', level: 'MUST', profiles: ENTRA, mutating: true,
    async run(ctx) {
      const user = await ctx.createUser({ phoneNumbers: [{ value: '+1 (555) 010-0199 ext. 7', type: 'work' }], displayName: 'MiXeD CaSe Name' });
      const got = await read(ctx, '/Users', user.id);
      // An app without a phone column drops phoneNumbers altogether: that is not normalisation. What it keeps must be exact.
      if (attr(got, 'phoneNumbers') !== undefined) expectEqual(attr(byType(got, 'phoneNumbers', 'work'), 'value'), '+1 (555) 010-0199 ext. 7', 'phone number');
      expectEqual(attr(got, 'displayName'), 'MiXeD CaSe Name', 'displayName');
    },
  },
  {
    id: 'users-unicode-round-trip', title: 'non-ASCII values round-trip in UTF-8', area: 'users',
    spec: 'RFC 7644 §3.8', level: 'MUST', profiles: RFC_ENTRA, mutating: true,
    async run(ctx) {
      const name = { givenName: 'Zoë', familyName: 'Ångström-山田 🚀' };
      const got = await read(ctx, '/Users', (await ctx.createUser({ name })).id);
      expectEqual(attr(got, 'name.familyName'), name.familyName, 'name.familyName');
      expectEqual(attr(got, 'name.givenName'), name.givenName, 'name.givenName');
    },
  },
  {
    id: 'users-enterprise-round-trip', title: 'enterprise extension attributes round-trip', area: 'users',
    spec: 'RFC 7643 §4.3', level: 'MUST', profiles: RFC_ENTRA, mutating: true,
    async run(ctx) {
      requireEnterprise(ctx);
      const ext = { employeeNumber: `E-${ctx.prefix}`, department: 'Tech Infrastructure', costCenter: 'CC-42' };
      const user = await ctx.createUser({ schemas: [URN.User, ENTERPRISE], [ENTERPRISE]: ext });
      const got = await read(ctx, '/Users', user.id);
      for (const key of Object.keys(ext)) expectEqual(attr(got, `${ENTERPRISE}:${key}`), ext[key as keyof typeof ext], `${ENTERPRISE}:${key}`);
    },
  },
  {
    id: 'users-entra-create-request', title: "Entra's create-user request is accepted as sent", area: 'users',
    spec: 'ENTRA-SPEC §6.4', level: 'MUST', profiles: ENTRA, mutating: true,
    async run(ctx) {
      const name = ctx.uniqueName('entra');
      const res = await ctx.post('/Users', {
        schemas: [URN.User, ENTERPRISE], externalId: crypto.randomUUID(), userName: `Test_User_${name}`, active: true,
        emails: [{ primary: true, type: 'work', value: `Test_User_${name}@testuser.com` }], meta: { resourceType: 'User' },
        name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' }, roles: [],
      });
      expectStatus(res, 201, 'POST /Users (Entra sample)');
      if (typeof expectResource(res, 'POST /Users').id !== 'string') fail('no id in the create response', 'id', res.body, res);
    },
  },
];
