import { expect } from 'chai';
import { GROUP_URN, USER_URN, expectScim, expectScimError, target } from './helpers.js';

const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';

function bulk(operations: unknown[], extra: Record<string, unknown> = {}) {
  return { schemas: [BULK_REQUEST], Operations: operations, ...extra };
}

const postUser = (bulkId: string, userName: string) => ({ method: 'POST', path: '/Users', bulkId, data: { schemas: [USER_URN], userName } });

describe('server /Bulk (RFC 7644 §3.7)', () => {
  it('should run POST, PUT and DELETE operations and answer a BulkResponse with string statuses', async () => {
    const t = target();
    const existing = (await t.post('/Users', { schemas: [USER_URN], userName: 'old' })).body;
    const res = await t.post('/Bulk', bulk([
      postUser('u1', 'alice'),
      { method: 'PUT', path: `/Users/${existing.id}`, data: { schemas: [USER_URN], userName: 'old', displayName: 'Renamed' } },
      { method: 'DELETE', path: `/Users/${existing.id}` },
    ]));
    expectScim(res, 200);
    expect(res.body.schemas).to.deep.equal([BULK_RESPONSE]);
    const [post, put, del] = res.body.Operations;
    expect(post).to.include({ method: 'POST', bulkId: 'u1', status: '201' });
    expect(post.location).to.match(/\/Users\/.+$/);
    expect(post.version).to.be.a('string');
    expect(put).to.include({ method: 'PUT', status: '200' });
    expect(del).to.include({ method: 'DELETE', status: '204' });
    expect(t.store.count('User')).to.equal(1);
  });

  it('should resolve bulkId references in later operations, even when the POST comes later (§3.7.2)', async () => {
    const t = target();
    const res = await t.post('/Bulk', bulk([
      { method: 'POST', path: '/Groups', bulkId: 'g1', data: { schemas: [GROUP_URN], displayName: 'Tour Guides', members: [{ value: 'bulkId:u1' }, { value: 'bulkId:u2' }] } },
      postUser('u1', 'alice'),
      postUser('u2', 'bob'),
    ]));
    expectScim(res, 200);
    const statuses = Object.fromEntries(res.body.Operations.map((o: { bulkId: string; status: string }) => [o.bulkId, o.status]));
    expect(statuses).to.deep.equal({ g1: '201', u1: '201', u2: '201' });
    const groupId = res.body.Operations.find((o: { bulkId: string }) => o.bulkId === 'g1').location.split('/').pop();
    const userIds = res.body.Operations.filter((o: { bulkId: string }) => o.bulkId !== 'g1').map((o: { location: string }) => o.location.split('/').pop());
    const group = await t.get(`/Groups/${groupId}`);
    expect(group.body.members.map((m: { value: string }) => m.value).sort()).to.deep.equal(userIds.sort());
  });

  it('should answer 409 for operations whose bulkIds refer to each other in a cycle (§3.7.1)', async () => {
    const t = target();
    const res = await t.post('/Bulk', bulk([
      { method: 'POST', path: '/Groups', bulkId: 'a', data: { schemas: [GROUP_URN], displayName: 'A', members: [{ value: 'bulkId:b' }] } },
      { method: 'POST', path: '/Groups', bulkId: 'b', data: { schemas: [GROUP_URN], displayName: 'B', members: [{ value: 'bulkId:a' }] } },
      postUser('u', 'carol'),
    ]));
    expectScim(res, 200);
    const byId = Object.fromEntries(res.body.Operations.map((o: { bulkId: string }) => [o.bulkId, o]));
    expect(byId.u.status).to.equal('201');
    expect(byId.a.status).to.equal('409');
    expect(byId.b.status).to.equal('409');
    expect(byId.a.response.schemas).to.deep.equal(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(t.store.count('Group')).to.equal(0);
  });

  it('should answer 400 for a reference to a bulkId no POST defines', async () => {
    const t = target();
    const res = await t.post('/Bulk', bulk([
      { method: 'POST', path: '/Groups', bulkId: 'g', data: { schemas: [GROUP_URN], displayName: 'G', members: [{ value: 'bulkId:ghost' }] } },
    ]));
    expect(res.body.Operations[0].status).to.equal('400');
    expect(res.body.Operations[0].response.scimType).to.equal('invalidValue');
  });

  it('should stop after failOnErrors errors (§3.7.3)', async () => {
    const t = target();
    const res = await t.post('/Bulk', bulk([
      postUser('1', 'dup'),
      postUser('2', 'dup'),
      postUser('3', 'dup'),
      postUser('4', 'fine'),
    ], { failOnErrors: 2 }));
    expectScim(res, 200);
    expect(res.body.Operations.map((o: { status: string }) => o.status)).to.deep.equal(['201', '409', '409']);
    expect(t.store.count('User')).to.equal(1);
  });

  it('should report each failed operation with its SCIM error and go on without failOnErrors', async () => {
    const t = target();
    const res = await t.post('/Bulk', bulk([
      { method: 'POST', path: '/Users', bulkId: 'x', data: { schemas: [USER_URN] } },
      { method: 'DELETE', path: '/Users/missing' },
      { method: 'GET', path: '/Users/whatever' },
      { method: 'POST', path: '/Widgets', bulkId: 'w', data: {} },
      postUser('ok', 'fine'),
    ]));
    expect(res.body.Operations.map((o: { status: string }) => o.status)).to.deep.equal(['400', '404', '405', '400', '201']);
  });

  it('should answer 413 when there are more operations than maxOperations (§3.7.4)', async () => {
    const t = target({ bulk: { maxOperations: 2, maxPayloadSize: 1_000_000 } });
    const res = await t.post('/Bulk', bulk([postUser('1', 'a'), postUser('2', 'b'), postUser('3', 'c')]));
    expectScimError(res, 413);
    expect(t.store.count('User')).to.equal(0);
  });

  it('should answer 413 when the payload exceeds maxPayloadSize (§3.7.4)', async () => {
    const t = target({ bulk: { maxOperations: 100, maxPayloadSize: 200 } });
    const res = await t.post('/Bulk', bulk([postUser('1', 'a'.repeat(300))]));
    expectScimError(res, 413);
  });

  it('should answer 400 invalidSyntax to a body that is not a BulkRequest', async () => {
    const t = target();
    expectScimError(await t.post('/Bulk', { Operations: [] }), 400, 'invalidSyntax');
    expectScimError(await t.post('/Bulk', { schemas: [BULK_REQUEST], Operations: [{ method: 'POST' }] }), 400, 'invalidSyntax');
  });
});
