import { expect } from 'chai';
import { createQuirkRuntime } from '../../server/quirks/index.js';
import { ENTERPRISE_URN, PATCH_URN, USER_URN, expectScim, expectScimError, patchOp, target, user } from './helpers.js';
import type { TestTarget } from './helpers.js';

async function withUser(): Promise<{ t: TestTarget; id: string }> {
  const t = target();
  const body = (await t.post('/Users', { schemas: [USER_URN, ENTERPRISE_URN], userName: 'bjensen', active: true, displayName: 'Babs', emails: [{ type: 'home', value: 'babs@home.example' }] })).body;
  return { t, id: body.id };
}

describe('server PATCH over HTTP (RFC 7644 §3.5.2)', () => {
  it('should answer a user PATCH with 200 and the resource', async () => {
    const { t, id } = await withUser();
    const res = await t.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Barbara' }));
    expectScim(res, 200);
    expect(res.body.displayName).to.equal('Barbara');
    expect(res.headers.etag).to.equal(res.body.meta.version);
  });

  it('should disable with the legacy dialect: Replace active "False" (ENTRA-SPEC §6.5)', async () => {
    const { t, id } = await withUser();
    const res = await t.patch(`/Users/${id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expectScim(res, 200);
    expect(res.body.active).to.equal(false);
  });

  it('should apply the aadOptscim062020 path-less replace with dotted and URN keys (ENTRA-SPEC §6.5)', async () => {
    const { t, id } = await withUser();
    const res = await t.patch(`/Users/${id}`, patchOp({
      op: 'replace',
      value: { displayName: 'Bjfe', 'name.givenName': 'Kkom', 'name.familyName': 'Unua', [`${ENTERPRISE_URN}:employeeNumber`]: 'Aklq', active: false },
    }));
    expectScim(res, 200);
    expect(res.body).to.include({ displayName: 'Bjfe', active: false });
    expect(res.body.name).to.deep.equal({ givenName: 'Kkom', familyName: 'Unua' });
    expect(res.body[ENTERPRISE_URN]).to.deep.equal({ employeeNumber: 'Aklq' });
  });

  it('should create the work email on replace emails[type eq "work"].value and leave home alone (ENTRA-SPEC §6.5)', async () => {
    const { t, id } = await withUser();
    const res = await t.patch(`/Users/${id}`, patchOp({ op: 'Replace', path: 'emails[type eq "work"].value', value: 'bj@work.example' }));
    expectScim(res, 200);
    const byType = Object.fromEntries(res.body.emails.map((e: { type: string; value: string }) => [e.type, e.value]));
    expect(byType).to.deep.equal({ home: 'babs@home.example', work: 'bj@work.example' });
  });

  it('should add an extension attribute by its full URN path and a manager as a plain string (ENTRA-SPEC §6.4)', async () => {
    const { t, id } = await withUser();
    const manager = (await t.post('/Users', user('boss'))).body.id;
    const res = await t.patch(`/Users/${id}`, patchOp(
      { op: 'Add', path: `${ENTERPRISE_URN}:department`, value: 'Tech Infrastructure' },
      { op: 'Add', path: `${ENTERPRISE_URN}:manager`, value: manager },
    ));
    expectScim(res, 200);
    expect(res.body[ENTERPRISE_URN].department).to.equal('Tech Infrastructure');
    expect(res.body[ENTERPRISE_URN].manager.value).to.equal(manager);
  });

  it('should refuse an immutable or readOnly change with 400 mutability and change nothing', async () => {
    const { t, id } = await withUser();
    const before = (await t.get(`/Users/${id}`)).body;
    expectScimError(await t.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'id', value: 'other' })), 400, 'mutability');
    expect((await t.get(`/Users/${id}`)).body).to.deep.equal(before);
  });

  it('should accept the PatchOp URN in any case and an "operations" key, as scim/patch does (one validation)', async () => {
    const { t, id } = await withUser();
    const upper = await t.patch(`/Users/${id}`, { schemas: [PATCH_URN.toUpperCase()], Operations: [{ op: 'replace', path: 'displayName', value: 'Upper' }] });
    expectScim(upper, 200);
    expect(upper.body.displayName).to.equal('Upper');
    const lower = await t.patch(`/Users/${id}`, { schemas: [PATCH_URN], operations: [{ op: 'replace', path: 'displayName', value: 'Lower' }] });
    expectScim(lower, 200);
    expect(lower.body.displayName).to.equal('Lower');
  });

  it('should refuse a body without the PatchOp URN with 400 invalidSyntax, with or without quirks', async () => {
    for (const quirks of [undefined, createQuirkRuntime({ description: 't', patchSupport: { pathless: false } })]) {
      const t = target({ quirks });
      const id = (await t.post('/Users', user('urnless'))).body.id;
      expectScimError(await t.patch(`/Users/${id}`, { schemas: [USER_URN], Operations: [{ op: 'replace', path: 'displayName', value: 'x' }] }), 400, 'invalidSyntax');
    }
  });

  it('should hand the quirk gate the validated operations: an "operations" key and a path of spaces count as path-less', async () => {
    const t = target({ quirks: createQuirkRuntime({ description: 't', patchSupport: { pathless: false } }) });
    const id = (await t.post('/Users', user('gated'))).body.id;
    const res = await t.patch(`/Users/${id}`, { schemas: [PATCH_URN.toUpperCase()], operations: [{ op: 'Replace', path: '  ', value: { displayName: 'x' } }] });
    expectScimError(res, 400, 'invalidPath');
    expect(res.body.detail).to.equal('operation 1: a path is required');
    expectScim(await t.patch(`/Users/${id}`, { schemas: [PATCH_URN.toUpperCase()], operations: [{ op: 'Replace', path: 'displayName', value: 'y' }] }), 200);
  });

  it('should answer 404 for PATCH on an unknown id', async () => {
    const { t } = await withUser();
    expectScimError(await t.patch('/Users/nope', patchOp({ op: 'replace', path: 'displayName', value: 'x' })), 404);
  });
});
