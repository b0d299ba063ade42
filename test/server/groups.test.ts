import { expect } from 'chai';
import { expectScim, expectScimError, group, patchOp, target, user } from './helpers.js';
import type { TestTarget } from './helpers.js';

async function withUsers(): Promise<{ t: TestTarget; a: string; b: string }> {
  const t = target();
  const a = (await t.post('/Users', user('alice'))).body.id as string;
  const b = (await t.post('/Users', user('bob'))).body.id as string;
  return { t, a, b };
}

const memberIds = (body: { members?: { value: string }[] }) => (body.members ?? []).map((m) => m.value).sort();

describe('server /Groups', () => {
  it('should create a group with members and derive each user\'s groups (RFC 7643 §4.1.2)', async () => {
    const { t, a } = await withUsers();
    const res = await t.post('/Groups', group('Admins', { members: [{ value: a }] }));
    expectScim(res, 201);
    expect(memberIds(res.body)).to.deep.equal([a]);
    const alice = await t.get(`/Users/${a}`);
    expect(alice.body.groups.map((g: { value: string }) => g.value)).to.deep.equal([res.body.id]);
  });

  it('should create a group without members as Entra does (ENTRA-SPEC §6.4)', async () => {
    const t = target();
    const res = await t.post('/Groups', { ...group('Empty'), externalId: 'e', meta: { resourceType: 'Group' } });
    expectScim(res, 201);
    expect(res.body.displayName).to.equal('Empty');
  });

  it('should answer 409 for a displayName already taken (ENTRA-SPEC §6.6)', async () => {
    const t = target();
    await t.post('/Groups', group('Dup'));
    expectScimError(await t.post('/Groups', group('dup')), 409, 'uniqueness');
  });

  it('should answer a PATCH with 204 unless attributes are requested (ENTRA-SPEC §6.6)', async () => {
    const { t, a } = await withUsers();
    const id = (await t.post('/Groups', group('G'))).body.id;
    const res = await t.patch(`/Groups/${id}`, patchOp({ op: 'Add', path: 'members', value: [{ $ref: null, value: a }] }));
    expect(res.status).to.equal(204);
    expect(res.headers.etag).to.be.a('string');
    const withAttributes = await t.patch(`/Groups/${id}?attributes=displayName`, patchOp({ op: 'replace', path: 'displayName', value: 'H' }));
    expectScim(withAttributes, 200);
    expect(withAttributes.body).to.include({ displayName: 'H', id });
    expect(withAttributes.body).to.not.have.property('members');
  });

  it('should treat adding an existing member as a no-op and keep the version', async () => {
    const { t, a } = await withUsers();
    const created = (await t.post('/Groups', group('G', { members: [{ value: a }] }))).body;
    const res = await t.patch(`/Groups/${created.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: a }] }));
    expect(res.status).to.equal(204);
    const after = await t.get(`/Groups/${created.id}`);
    expect(memberIds(after.body)).to.deep.equal([a]);
    expect(after.body.meta.version).to.equal(created.meta.version);
  });

  it('should remove members in both Entra dialects (ENTRA-SPEC §6.5)', async () => {
    const { t, a, b } = await withUsers();
    const id = (await t.post('/Groups', group('G', { members: [{ value: a }, { value: b }] }))).body.id;
    expect((await t.patch(`/Groups/${id}`, patchOp({ op: 'Remove', path: 'members', value: [{ value: a }] }))).status).to.equal(204);
    expect((await t.patch(`/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${b}"]` }))).status).to.equal(204);
    expect(memberIds((await t.get(`/Groups/${id}`)).body)).to.deep.equal([]);
  });

  it('should honour excludedAttributes=members on GET and on a filter (ENTRA-SPEC §6.4)', async () => {
    const { t, a } = await withUsers();
    const id = (await t.post('/Groups', group('Team', { members: [{ value: a }] }))).body.id;
    const one = await t.get(`/Groups/${id}?excludedAttributes=members`);
    expectScim(one, 200);
    expect(one.body).to.not.have.property('members');
    const list = await t.get(`/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Team"')}`);
    expectScim(list, 200);
    expect(list.body.totalResults).to.equal(1);
    expect(list.body.Resources[0]).to.not.have.property('members');
  });

  it('should drop a deleted user from every group (RFC 7644 §3.6)', async () => {
    const { t, a, b } = await withUsers();
    const id = (await t.post('/Groups', group('G', { members: [{ value: a }, { value: b }] }))).body.id;
    expect((await t.delete(`/Users/${a}`)).status).to.equal(204);
    expect(memberIds((await t.get(`/Groups/${id}`)).body)).to.deep.equal([b]);
  });

  it('should replace a group with PUT and delete it with 204', async () => {
    const { t, a, b } = await withUsers();
    const id = (await t.post('/Groups', group('G', { members: [{ value: a }] }))).body.id;
    const res = await t.put(`/Groups/${id}`, group('G2', { members: [{ value: b }] }));
    expectScim(res, 200);
    expect(memberIds(res.body)).to.deep.equal([b]);
    expect((await t.delete(`/Groups/${id}`)).status).to.equal(204);
    expectScimError(await t.get(`/Groups/${id}`), 404);
  });
});
