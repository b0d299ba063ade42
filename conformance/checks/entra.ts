/**
 * @module conformance/checks/entra
 * What Microsoft Entra ID sends and expects (ENTRA-SPEC §6.3–§6.5): the connection probe, both
 * PATCH dialects (capitalised ops, "True"/"False" strings, path-less dotted keys, filter paths
 * that create elements, string manager values, member add/remove forms).
 */
import { URN } from '../../scim/types.js';
import { attr, byType, expectEqual, expectListResponse, expectStatus, fail, memberIds } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { ENTERPRISE, ENTRA, patchThenRead, read, requireEnterprise } from './helpers.js';
import { eqFilter } from '../../scim/filter/build.js';

function entraCheck(id: string, title: string, run: (ctx: CheckContext) => Promise<void>, extra: Partial<Check> = {}): Check {
  return { id, title, area: 'entra', spec: 'ENTRA-SPEC §6.5', level: 'MUST', profiles: ENTRA, mutating: true, run, ...extra };
}

const MANAGER = `${ENTERPRISE}:manager`;

async function managerOf(ctx: CheckContext, id: string): Promise<unknown> {
  const manager = attr(await read(ctx, '/Users', id), MANAGER);
  return manager && typeof manager === 'object' ? attr(manager, 'value') : manager;
}

export const entraChecks: Check[] = [
  entraCheck('entra-probe-user', 'the probe for a user that cannot exist answers 200 with an empty ListResponse', async (ctx) => {
    const list = expectListResponse(await ctx.client.list('/Users', { filter: eqFilter('userName', crypto.randomUUID()) }), 'probe');
    expectEqual([list.totalResults, list.Resources.length], [0, 0], 'totalResults, Resources');
  }, { spec: 'ENTRA-SPEC §6.3', mutating: false }),
  entraCheck('entra-probe-group', 'the probe for a group that cannot exist answers 200 with an empty ListResponse', async (ctx) => {
    const list = expectListResponse(await ctx.client.list('/Groups', { filter: eqFilter('displayName', crypto.randomUUID()), excludedAttributes: 'members' }), 'probe');
    expectEqual([list.totalResults, list.Resources.length], [0, 0], 'totalResults, Resources');
  }, { spec: 'ENTRA-SPEC §6.3', mutating: false, requires: ['groups'] }),
  entraCheck('entra-op-capitalised', 'op names "Add", "Replace" and "Remove" are accepted', async (ctx) => {
    const user = await ctx.createUser({ title: 'Gone soon' });
    const got = await patchThenRead(ctx, '/Users', user.id, [
      { op: 'Replace', path: 'displayName', value: 'Capital Replace' },
      { op: 'Add', path: 'nickName', value: 'Babs' },
      { op: 'Remove', path: 'title' },
    ]);
    expectEqual([attr(got, 'displayName'), attr(got, 'nickName'), attr(got, 'title')], ['Capital Replace', 'Babs', undefined], 'displayName, nickName, title');
  }),
  entraCheck('entra-active-string-false', 'replace active with the string "False" disables the user', async (ctx) => {
    const user = await ctx.createUser();
    expectEqual(attr(await patchThenRead(ctx, '/Users', user.id, [{ op: 'Replace', path: 'active', value: 'False' }]), 'active'), false, 'active');
  }),
  entraCheck('entra-active-string-true', 'replace active with the string "True" re-enables the user', async (ctx) => {
    const user = await ctx.createUser({ active: false });
    expectEqual(attr(await patchThenRead(ctx, '/Users', user.id, [{ op: 'Replace', path: 'active', value: 'True' }]), 'active'), true, 'active');
  }),
  entraCheck('entra-pathless-dotted-keys', 'a path-less replace with dotted and URN-qualified keys sets each attribute', async (ctx) => {
    requireEnterprise(ctx);
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', value: {
      displayName: 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua', [`${ENTERPRISE}:employeeNumber`]: 'Aklq', active: false,
    } }]);
    expectEqual(
      [attr(got, 'displayName'), attr(got, 'name.givenName'), attr(got, 'name.familyName'), attr(got, `${ENTERPRISE}:employeeNumber`), attr(got, 'active')],
      ['Bjfe', 'Kkom', 'Unua', 'Aklq', false], 'displayName, name.givenName, name.familyName, employeeNumber, active',
    );
  }),
  entraCheck('entra-filter-path-creates-element', 'replace emails[type eq "work"].value creates the work email when missing', async (ctx) => {
    const body = ctx.userBody();
    body.emails = [{ value: `home-${String(body.userName)}`, type: 'home' }];
    const user = await ctx.createUser(body);
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'Replace', path: 'emails[type eq "work"].value', value: `work-${String(body.userName)}` }]);
    expectEqual(attr(byType(got, 'emails', 'work'), 'value'), `work-${String(body.userName)}`, 'work email');
    expectEqual(attr(byType(got, 'emails', 'home'), 'value'), `home-${String(body.userName)}`, 'home email untouched');
  }),
  entraCheck('entra-same-element-sub-attributes', 'consecutive filter-path ops on one element land in the same element', async (ctx) => {
    // Entra sends addresses only to an app that keeps them; one that drops them on create has nothing to place
    const user = await ctx.createUser({ addresses: [{ type: 'home', locality: 'Seattle' }] });
    if (attr(await read(ctx, '/Users', user.id), 'addresses') === undefined) ctx.skip('the target does not keep addresses (dropped on create)');
    const got = await patchThenRead(ctx, '/Users', user.id, [
      { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Redmond' },
      { op: 'Add', path: 'addresses[type eq "work"].region', value: 'WA' },
    ]);
    const work = (attr(got, 'addresses') as unknown[] | undefined ?? []).filter((a) => attr(a, 'type') === 'work');
    if (work.length !== 1) fail('expected one work address', 1, attr(got, 'addresses'));
    expectEqual([attr(work[0], 'locality'), attr(work[0], 'region')], ['Redmond', 'WA'], 'work address locality, region');
    expectEqual(attr(byType(got, 'addresses', 'home'), 'locality'), 'Seattle', 'home address left alone');
  }),
  entraCheck('entra-extension-add', 'add of a URN-qualified enterprise attribute sets it', async (ctx) => {
    requireEnterprise(ctx);
    const user = await ctx.createUser();
    expectEqual(attr(await patchThenRead(ctx, '/Users', user.id, [{ op: 'Add', path: `${ENTERPRISE}:department`, value: 'Tech Infrastructure' }]), `${ENTERPRISE}:department`), 'Tech Infrastructure', 'department');
  }),
  entraCheck('entra-manager-add-string', 'add of manager with a plain string id sets manager.value', async (ctx) => {
    requireEnterprise(ctx);
    const [manager, user] = [await ctx.createUser(), await ctx.createUser()];
    expectStatus(await ctx.client.patch('/Users', user.id, [{ op: 'Add', path: MANAGER, value: manager.id }]), [200, 204], 'PATCH add manager');
    expectEqual(await managerOf(ctx, user.id), manager.id, 'manager.value');
  }, { spec: 'ENTRA-SPEC §6.4' }),
  entraCheck('entra-manager-replace', 'replace of manager with another id changes it', async (ctx) => {
    requireEnterprise(ctx);
    const [m1, m2] = [await ctx.createUser(), await ctx.createUser()];
    const user = await ctx.createUser({ schemas: [URN.User, ENTERPRISE], [ENTERPRISE]: { manager: { value: m1.id } } });
    expectStatus(await ctx.client.patch('/Users', user.id, [{ op: 'Replace', path: MANAGER, value: m2.id }]), [200, 204], 'PATCH replace manager');
    expectEqual(await managerOf(ctx, user.id), m2.id, 'manager.value');
  }, { spec: 'ENTRA-SPEC §6.4' }),
  entraCheck('entra-manager-remove', 'remove of manager clears it', async (ctx) => {
    requireEnterprise(ctx);
    const manager = await ctx.createUser();
    const user = await ctx.createUser({ schemas: [URN.User, ENTERPRISE], [ENTERPRISE]: { manager: { value: manager.id } } });
    expectStatus(await ctx.client.patch('/Users', user.id, [{ op: 'Remove', path: MANAGER }]), [200, 204], 'PATCH remove manager');
    expectEqual(await managerOf(ctx, user.id), undefined, 'manager');
  }, { spec: 'ENTRA-SPEC §6.4' }),
  entraCheck('entra-manager-object-form', 'add of manager as {"value": id} is accepted too', async (ctx) => {
    requireEnterprise(ctx);
    const [manager, user] = [await ctx.createUser(), await ctx.createUser()];
    expectStatus(await ctx.client.patch('/Users', user.id, [{ op: 'add', path: MANAGER, value: { value: manager.id } }]), [200, 204], 'PATCH add manager object');
    expectEqual(await managerOf(ctx, user.id), manager.id, 'manager.value');
  }, { spec: 'ENTRA-SPEC §6.4', level: 'SHOULD' }),
  entraCheck('entra-member-add-ref-null', 'add members [{"$ref": null, "value": id}] adds the member', async (ctx) => {
    const [user, group] = [await ctx.createUser(), await ctx.createGroup()];
    expectEqual(memberIds(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'Add', path: 'members', value: [{ $ref: null, value: user.id }] }])), [user.id], 'members');
  }, { requires: ['groups'] }),
  entraCheck('entra-member-remove-value-list', 'remove members with a value list removes those members', async (ctx) => {
    const [u1, u2] = [await ctx.createUser(), await ctx.createUser()];
    const group = await ctx.createGroup({ members: [{ value: u1.id }, { value: u2.id }] });
    expectEqual(memberIds(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'Remove', path: 'members', value: [{ value: u1.id }] }])), [u2.id], 'members');
  }, { requires: ['groups'] }),
  entraCheck('entra-member-add-idempotent', 'adding an existing member again succeeds and keeps one membership', async (ctx) => {
    const user = await ctx.createUser();
    const group = await ctx.createGroup({ members: [{ value: user.id }] });
    expectEqual(memberIds(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'add', path: 'members', value: [{ value: user.id }] }])), [user.id], 'members');
  }, { requires: ['groups'], level: 'SHOULD' }),
  entraCheck('entra-member-remove-non-member', 'removing a user who is not a member succeeds', async (ctx) => {
    const [member, other] = [await ctx.createUser(), await ctx.createUser()];
    const group = await ctx.createGroup({ members: [{ value: member.id }] });
    expectEqual(memberIds(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'remove', path: `members[${eqFilter('value', other.id)}]` }])), [member.id], 'members');
  }, { requires: ['groups'], level: 'SHOULD' }),
  entraCheck('entra-inactive-user-filterable', 'a disabled user is still found by userName', async (ctx) => {
    const user = await ctx.createUser({ active: false });
    const list = expectListResponse(await ctx.client.list('/Users', { filter: eqFilter('userName', String(user.userName)) }), 'filter');
    expectEqual(list.Resources.map((r) => r.id), [user.id], 'ids');
  }, { spec: 'ENTRA-SPEC §6.6' }),
  entraCheck('entra-group-by-name-excluded-members', 'GET /Groups?excludedAttributes=members&filter=displayName eq … finds the group without members', async (ctx) => {
    const user = await ctx.createUser();
    const group = await ctx.createGroup({ members: [{ value: user.id }] });
    const list = expectListResponse(await ctx.client.list('/Groups', { filter: eqFilter('displayName', String(group.displayName)), excludedAttributes: 'members' }), 'filter');
    expectEqual(list.Resources.map((r) => r.id), [group.id], 'ids');
    if (attr(list.Resources[0], 'members') !== undefined) fail('members returned although excluded', 'no members', attr(list.Resources[0], 'members'));
  }, { spec: 'ENTRA-SPEC §6.4', requires: ['groups'] }),
  entraCheck('entra-external-id-filter', 'externalId eq finds the user', async (ctx) => {
    const user = await ctx.createUser();
    const list = expectListResponse(await ctx.client.list('/Users', { filter: eqFilter('externalId', String(user.externalId)) }), 'filter');
    expectEqual(list.Resources.map((r) => r.id), [user.id], 'ids');
  }, { spec: 'ENTRA-SPEC §6.4' }),
  entraCheck('entra-primary-string-boolean', 'replace of emails[type eq "work"].primary with a boolean keeps the email', async (ctx) => {
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', path: 'emails[type eq "work"].primary', value: true }]);
    expectEqual(attr(byType(got, 'emails', 'work'), 'primary'), true, 'work email primary');
  }, { level: 'SHOULD' }),
];
