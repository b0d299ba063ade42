/**
 * @module conformance/checks/patch
 * PATCH operations: RFC 7644 §3.5.2 (add §3.5.2.1, remove §3.5.2.2, replace §3.5.2.3), value
 * filter paths, sub-attributes, several operations in one atomic request, group membership.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { attr, byType, expect4xx, expectEqual, expectResource, expectScimError, expectStatus, fail, memberIds } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { ALL, ENTERPRISE, RFC, RFC_ENTRA, RFC_OKTA, patchThenRead, read, requireEnterprise } from './helpers.js';
import { eqFilter } from '../../scim/filter/build.js';

function patchCheck(id: string, title: string, spec: string, run: (ctx: CheckContext) => Promise<void>, extra: Partial<Check> = {}): Check {
  return { id, title, area: 'patch', spec, level: 'MUST', profiles: RFC, requires: ['patch'], mutating: true, run, ...extra };
}

async function twoEmailUser(ctx: CheckContext) {
  const body = ctx.userBody();
  body.emails = [{ value: `work-${String(body.userName)}`, type: 'work', primary: true }, { value: `home-${String(body.userName)}`, type: 'home' }];
  return ctx.createUser(body);
}

export const patchChecks: Check[] = [
  patchCheck('patch-add-attribute', 'add sets a simple attribute', 'RFC 7644 §3.5.2.1', async (ctx) => {
    const user = await ctx.createUser();
    expectEqual(attr(await patchThenRead(ctx, '/Users', user.id, [{ op: 'add', path: 'nickName', value: 'Babs' }]), 'nickName'), 'Babs', 'nickName');
  }, { profiles: RFC_ENTRA }),
  patchCheck('patch-replace-attribute', 'replace changes a simple attribute', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const user = await ctx.createUser();
    expectEqual(attr(await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', path: 'displayName', value: 'Patched Name' }]), 'displayName'), 'Patched Name', 'displayName');
  }, { profiles: ALL }),
  patchCheck('patch-remove-attribute', 'remove clears a simple attribute', 'RFC 7644 §3.5.2.2', async (ctx) => {
    const user = await ctx.createUser({ nickName: 'Temp' });
    expectEqual(attr(await patchThenRead(ctx, '/Users', user.id, [{ op: 'remove', path: 'nickName' }]), 'nickName'), undefined, 'nickName');
  }),
  patchCheck('patch-add-no-path', 'add without a path merges the value object into the resource', 'RFC 7644 §3.5.2.1', async (ctx) => {
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'add', value: { nickName: 'NoPath', title: 'Analyst' } }]);
    expectEqual([attr(got, 'nickName'), attr(got, 'title')], ['NoPath', 'Analyst'], 'nickName, title');
    expectEqual(attr(got, 'userName'), user.userName, 'userName untouched');
  }),
  patchCheck('patch-replace-no-path', 'replace without a path replaces the attributes given', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', value: { displayName: 'Whole', active: false } }]);
    expectEqual([attr(got, 'displayName'), attr(got, 'active')], ['Whole', false], 'displayName, active');
  }, { profiles: RFC_OKTA }),
  patchCheck('patch-active-false', 'replace active=false deactivates the user', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const user = await ctx.createUser();
    expectEqual(attr(await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', path: 'active', value: false }]), 'active'), false, 'active');
  }, { profiles: ALL }),
  patchCheck('patch-add-multi-valued', 'add to a multi-valued attribute appends the values', 'RFC 7644 §3.5.2.1', async (ctx) => {
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'add', path: 'emails', value: [{ value: `home-${String(user.userName)}`, type: 'home' }] }]);
    expectEqual(attr(byType(got, 'emails', 'home'), 'value'), `home-${String(user.userName)}`, 'new home email');
    expectEqual(attr(byType(got, 'emails', 'work'), 'value'), attr(byType(user, 'emails', 'work'), 'value'), 'existing work email');
  }),
  patchCheck('patch-replace-value-filter', 'replace emails[type eq "work"].value changes only the work email', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const user = await twoEmailUser(ctx);
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', path: 'emails[type eq "work"].value', value: `new-${String(user.userName)}` }]);
    expectEqual(attr(byType(got, 'emails', 'work'), 'value'), `new-${String(user.userName)}`, 'work email');
    expectEqual(attr(byType(got, 'emails', 'home'), 'value'), `home-${String(user.userName)}`, 'home email untouched');
  }, { profiles: RFC_ENTRA }),
  patchCheck('patch-remove-value-filter', 'remove emails[type eq "home"] removes only that element', 'RFC 7644 §3.5.2.2', async (ctx) => {
    const user = await twoEmailUser(ctx);
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'remove', path: 'emails[type eq "home"]' }]);
    if (byType(got, 'emails', 'home')) fail('home email still present', 'removed', attr(got, 'emails'));
    expectEqual(attr(byType(got, 'emails', 'work'), 'value'), `work-${String(user.userName)}`, 'work email kept');
  }),
  patchCheck('patch-sub-attribute', 'replace name.familyName changes only that sub-attribute', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', path: 'name.familyName', value: 'Updated' }]);
    expectEqual(attr(got, 'name.familyName'), 'Updated', 'name.familyName');
    expectEqual(attr(got, 'name.givenName'), attr(user, 'name.givenName'), 'name.givenName kept');
  }, { profiles: RFC_ENTRA }),
  patchCheck('patch-replace-complex-merges', 'replace of a complex attribute leaves unnamed sub-attributes unchanged', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', path: 'name', value: { givenName: 'Merged' } }]);
    expectEqual(attr(got, 'name.givenName'), 'Merged', 'name.givenName');
    expectEqual(attr(got, 'name.familyName'), attr(user, 'name.familyName'), 'name.familyName kept');
  }),
  patchCheck('patch-multiple-operations', 'several operations in one request are all applied in order', 'RFC 7644 §3.5.2', async (ctx) => {
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [
      { op: 'add', path: 'nickName', value: 'First' },
      { op: 'replace', path: 'nickName', value: 'Second' },
      { op: 'replace', path: 'title', value: 'Director' },
      { op: 'replace', path: 'name.givenName', value: 'Multi' },
    ]);
    expectEqual([attr(got, 'nickName'), attr(got, 'title'), attr(got, 'name.givenName')], ['Second', 'Director', 'Multi'], 'nickName, title, name.givenName');
  }, { profiles: RFC_ENTRA }),
  patchCheck('patch-atomic', 'a request with one failing operation changes nothing', 'RFC 7644 §3.5.2', async (ctx) => {
    const user = await ctx.createUser();
    const res = await ctx.client.patch('/Users', user.id, [{ op: 'replace', path: 'displayName', value: 'Must Not Stick' }, { op: 'remove' }]);
    expect4xx(res, 'PATCH with a failing second operation');
    expectEqual(attr(await read(ctx, '/Users', user.id), 'displayName'), user.displayName, 'displayName after the failed PATCH');
  }),
  patchCheck('patch-remove-no-path-400', 'remove without a path answers 400 noTarget', 'RFC 7644 §3.5.2.2', async (ctx) => {
    const user = await ctx.createUser();
    expectScimError(await ctx.client.patch('/Users', user.id, [{ op: 'remove' }]), 400, 'remove without path', 'noTarget');
  }),
  patchCheck('patch-invalid-op-400', 'an unknown op answers 400', 'RFC 7644 §3.5.2', async (ctx) => {
    const user = await ctx.createUser();
    expectScimError(await ctx.client.patch('/Users', user.id, [{ op: 'frobnicate', path: 'nickName', value: 'x' }]), 400, 'op "frobnicate"');
  }),
  patchCheck('patch-invalid-path-400', 'a malformed path answers 400', 'RFC 7644 §3.5.2', async (ctx) => {
    const user = await ctx.createUser();
    const res = await ctx.client.patch('/Users', user.id, [{ op: 'replace', path: 'emails[type eq ', value: 'x' }]);
    expectScimError(res, 400, 'malformed path');
    if (res.scimError?.scimType !== 'invalidPath' && res.scimError?.scimType !== 'invalidFilter') fail('expected scimType invalidPath', 'invalidPath', res.scimError?.scimType ?? '(none)', res);
  }),
  patchCheck('patch-readonly-id-400', 'replacing the readOnly id answers 400 mutability', 'RFC 7644 §3.5.2', async (ctx) => {
    const user = await ctx.createUser();
    const res = await ctx.client.patch('/Users', user.id, [{ op: 'replace', path: 'id', value: `${ctx.prefix}-other` }]);
    expectScimError(res, 400, 'replace id', 'mutability');
  }, { level: 'SHOULD' }),
  patchCheck('patch-200-body', 'a 200 answer to PATCH carries the updated resource', 'RFC 7644 §3.5.2', async (ctx) => {
    const user = await ctx.createUser();
    const res = await ctx.client.patch('/Users', user.id, [{ op: 'replace', path: 'displayName', value: 'In Body' }]);
    expectStatus(res, [200, 204], 'PATCH');
    if (res.status === 204) return;
    expectEqual(attr(expectResource(res, 'PATCH'), 'displayName'), 'In Body', 'PATCH response displayName');
  }, { level: 'SHOULD' }),
  patchCheck('patch-unknown-404', 'PATCH of an unknown user answers 404', 'RFC 7644 §3.12', async (ctx) => {
    expectScimError(await ctx.client.patch('/Users', `${ctx.prefix}-no-such-user`, [{ op: 'replace', path: 'active', value: false }]), 404, 'PATCH /Users/{unknown}');
  }, { profiles: ALL }),
  patchCheck('patch-extension-urn-path', 'a URN-qualified path changes an enterprise attribute', 'RFC 7644 §3.10', async (ctx) => {
    requireEnterprise(ctx);
    const user = await ctx.createUser();
    const got = await patchThenRead(ctx, '/Users', user.id, [{ op: 'replace', path: `${ENTERPRISE}:costCenter`, value: 'CC-7' }]);
    expectEqual(attr(got, `${ENTERPRISE}:costCenter`), 'CC-7', 'costCenter');
  }, { profiles: RFC_ENTRA }),
  patchCheck('patch-schemas-required', 'a PatchOp without the PatchOp schema answers 400', 'RFC 7644 §3.5.2', async (ctx) => {
    const user = await ctx.createUser();
    const res = await ctx.client.patch('/Users', user.id, { schemas: [], Operations: [{ op: 'replace', path: 'nickName', value: 'x' }] });
    expectScimError(res, 400, 'PATCH without schemas');
  }, { level: 'SHOULD' }),
  patchCheck('patch-group-add-member', 'add members adds a user to a group', 'RFC 7644 §3.5.2.1', async (ctx) => {
    const user = await ctx.createUser();
    const group = await ctx.createGroup();
    expectEqual(memberIds(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'add', path: 'members', value: [{ value: user.id }] }])), [user.id], 'members');
  }, { profiles: ALL, requires: ['patch', 'groups'] }),
  patchCheck('patch-group-add-several-members', 'one add operation adds several members', 'RFC 7644 §3.5.2.1', async (ctx) => {
    const users = [await ctx.createUser(), await ctx.createUser(), await ctx.createUser()];
    const group = await ctx.createGroup();
    const got = await patchThenRead(ctx, '/Groups', group.id, [{ op: 'add', path: 'members', value: users.map((u) => ({ value: u.id })) }]);
    expectEqual(memberIds(got), users.map((u) => u.id).sort(), 'members');
  }, { profiles: RFC_ENTRA, requires: ['patch', 'groups'] }),
  patchCheck('patch-group-remove-member-filter', 'remove members[value eq "id"] removes only that member', 'RFC 7644 §3.5.2.2', async (ctx) => {
    const [u1, u2] = [await ctx.createUser(), await ctx.createUser()];
    const group = await ctx.createGroup({ members: [{ value: u1.id }, { value: u2.id }] });
    const got = await patchThenRead(ctx, '/Groups', group.id, [{ op: 'remove', path: `members[${eqFilter('value', u1.id)}]` }]);
    expectEqual(memberIds(got), [u2.id], 'members');
  }, { profiles: ALL, requires: ['patch', 'groups'] }),
  patchCheck('patch-group-replace-members', 'replace members sets the member list', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const [u1, u2] = [await ctx.createUser(), await ctx.createUser()];
    const group = await ctx.createGroup({ members: [{ value: u1.id }] });
    expectEqual(memberIds(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'replace', path: 'members', value: [{ value: u2.id }] }])), [u2.id], 'members');
  }, { profiles: RFC_OKTA, requires: ['patch', 'groups'] }),
  patchCheck('patch-group-remove-all-members', 'remove members without a filter empties the group', 'RFC 7644 §3.5.2.2', async (ctx) => {
    const [u1, u2] = [await ctx.createUser(), await ctx.createUser()];
    const group = await ctx.createGroup({ members: [{ value: u1.id }, { value: u2.id }] });
    expectEqual(memberIds(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'remove', path: 'members' }])), [], 'members');
  }, { requires: ['patch', 'groups'] }),
  patchCheck('patch-group-displayname', 'replace displayName renames a group', 'RFC 7644 §3.5.2.3', async (ctx) => {
    const group = await ctx.createGroup();
    const name = ctx.uniqueName('renamed');
    expectEqual(attr(await patchThenRead(ctx, '/Groups', group.id, [{ op: 'replace', path: 'displayName', value: name }]), 'displayName'), name, 'displayName');
  }, { profiles: ALL, requires: ['patch', 'groups'] }),
];

