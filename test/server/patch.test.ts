import { expect } from 'chai';
import { ENTERPRISE_URN, USER_URN, expectScim, expectScimError, patchOp, target, user } from './helpers.js';
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

  it('should answer 404 for PATCH on an unknown id', async () => {
    const { t } = await withUser();
    expectScimError(await t.patch('/Users/nope', patchOp({ op: 'replace', path: 'displayName', value: 'x' })), 404);
  });
});
