import { expect } from 'chai';
import { BASE_URL, expectScim, expectScimError, target, user } from './helpers.js';
import { createMemoryStore } from '../../server/store/index.js';
import type { TestTarget } from './helpers.js';

async function fiveUsers(pageSize?: number): Promise<TestTarget> {
  const t = target(pageSize ? { pageSize } : {});
  for (const name of ['carol', 'alice', 'eve', 'bob', 'dave']) await t.post('/Users', user(name, { displayName: name.toUpperCase(), title: 'T' }));
  return t;
}

const names = (body: { Resources: { userName: string }[] }) => body.Resources.map((r) => r.userName);

describe('server paging, sorting and projection over HTTP', () => {
  it('should page with startIndex and count (RFC 7644 §3.4.2.4)', async () => {
    const t = await fiveUsers();
    const res = await t.get('/Users?startIndex=2&count=2');
    expectScim(res, 200);
    expect(res.body).to.include({ totalResults: 5, itemsPerPage: 2, startIndex: 2 });
    expect(names(res.body)).to.deep.equal(['alice', 'eve']);
  });

  it('should cap count at the page size and treat startIndex < 1 as 1', async () => {
    const t = await fiveUsers(3);
    const res = await t.get('/Users?startIndex=0&count=50');
    expect(res.body).to.include({ totalResults: 5, itemsPerPage: 3, startIndex: 1 });
  });

  it('should answer count=0 with totalResults and no resources', async () => {
    const res = await (await fiveUsers()).get('/Users?count=0');
    expectScim(res, 200);
    expect(res.body.totalResults).to.equal(5);
    expect(res.body.Resources).to.deep.equal([]);
  });

  it('should answer 400 invalidValue to a count that is not a number', async () => {
    expectScimError(await (await fiveUsers()).get('/Users?count=many'), 400, 'invalidValue');
  });

  it('should sort by userName both ways (RFC 7644 §3.4.2.3)', async () => {
    const t = await fiveUsers();
    expect(names((await t.get('/Users?sortBy=userName')).body)).to.deep.equal(['alice', 'bob', 'carol', 'dave', 'eve']);
    expect(names((await t.get('/Users?sortBy=userName&sortOrder=descending')).body)).to.deep.equal(['eve', 'dave', 'carol', 'bob', 'alice']);
  });

  it('should sort by meta.location, an attribute the store derives on read (RFC 7643 §3.1)', async () => {
    const ids = ['u5', 'u3', 'u1', 'u4', 'u2'];
    const t = target({ store: createMemoryStore({ baseUrl: BASE_URL, newId: () => ids.shift()! }) });
    for (const name of ['e', 'c', 'a', 'd', 'b']) expectScim(await t.post('/Users', user(name)), 201);
    const res = await t.get('/Users?sortBy=meta.location');
    expectScim(res, 200);
    expect(res.body.Resources.map((r: { id: string }) => r.id)).to.deep.equal(['u1', 'u2', 'u3', 'u4', 'u5']);
  });

  it('should walk every page with RFC 9865 cursors and refuse a forged cursor', async () => {
    const t = await fiveUsers();
    const seen: string[] = [];
    let res = await t.get('/Users?cursor=&count=2');
    for (;;) {
      expectScim(res, 200);
      seen.push(...names(res.body));
      if (!res.body.nextCursor) break;
      res = await t.get(`/Users?cursor=${res.body.nextCursor}&count=2`);
    }
    expect(seen).to.deep.equal(['carol', 'alice', 'eve', 'bob', 'dave']);
    expectScimError(await t.get('/Users?cursor=Zm9yZ2Vk&count=2'), 400, 'invalidCursor');
  });

  it('should return only id, schemas and the requested attributes (RFC 7644 §3.9)', async () => {
    const t = await fiveUsers();
    const res = await t.get('/Users?attributes=userName&count=1');
    expect(Object.keys(res.body.Resources[0]).sort()).to.deep.equal(['id', 'schemas', 'userName']);
  });

  it('should drop excludedAttributes but never id', async () => {
    const t = await fiveUsers();
    const res = await t.get('/Users?excludedAttributes=title,displayName,id&count=1');
    expect(res.body.Resources[0]).to.have.property('id');
    expect(res.body.Resources[0]).to.not.have.any.keys('title', 'displayName');
  });
});
