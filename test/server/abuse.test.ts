/**
 * What a probe of main found (issue 11, "Abuse"): each finding as a request over HTTP against a
 * real target, asserting the answer the RFC asks for instead of a 500, a leak or a held socket.
 */
import { expect } from 'chai';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createRequestJournal } from '../../server/journal/index.js';
import { startServer } from '../../server/start.js';
import { createDurableStore, createMemoryStore } from '../../server/store/index.js';
import { BASE, BASE_URL, expectScimError, patchOp, target, TOKEN, user } from './helpers.js';

const BULK_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const SECRET = 'hunter2-Sekr1t';

describe('abuse (issue 11)', () => {
  describe('filters', () => {
    it('should answer 400 invalidFilter, not 500, to an operand-less `not`', async () => {
      const t = target();
      for (const filter of ['userName pr not (userName pr)', 'not (userName pr) not (userName pr)', 'userName pr and not']) {
        const res = await t.get(`/Users?filter=${encodeURIComponent(filter)}`);
        expectScimError(res, 400, 'invalidFilter');
      }
    });

    it('should refuse every filter on the returned:never password with 400 invalidFilter', async () => {
      const t = target();
      await t.post('/Users', user('pw.user', { password: SECRET })).expect(201);
      for (const filter of [`password eq "${SECRET}"`, 'password sw "hun"', 'password co "ter"', 'password ew "t"', 'password gt "a"', 'password lt "z"', 'password pr', `userName pr and password eq "${SECRET}"`, 'not (password pr)']) {
        const res = await t.get(`/Users?filter=${encodeURIComponent(filter)}`);
        expectScimError(res, 400, 'invalidFilter');
        expect(JSON.stringify(res.body)).to.not.contain(SECRET);
        const search = await t.post('/Users/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter });
        expectScimError(search, 400, 'invalidFilter');
      }
    });
  });

  describe('Bulk', () => {
    it('should fail only the operation whose path is badly percent-encoded', async () => {
      const t = target();
      const res = await t.post('/Bulk', {
        schemas: [BULK_URN],
        Operations: [
          { method: 'POST', path: '/Users', bulkId: 'a', data: user('bulk.a') },
          { method: 'PATCH', path: '/Users/%', data: patchOp({ op: 'replace', path: 'active', value: false }) },
          { method: 'DELETE', path: '/Users/%E0%A4%A' },
          { method: 'POST', path: '/Users', bulkId: 'b', data: user('bulk.b') },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.Operations.map((o: { status: string }) => o.status)).to.deep.equal(['201', '400', '400', '201']);
      expect(res.body.Operations[1].response.scimType).to.equal('invalidValue');
    });
  });

  describe('prototype pollution through JSON escapes', () => {
    const escaped = String.raw`{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"esc","\u005f_proto__":{"polluted":true},"name":{"\u0063onstructor":{"prototype":{"polluted":true}}}}`;

    afterEach(() => expect(({} as Record<string, unknown>).polluted).to.equal(undefined));

    it('should refuse a `\\u005f_proto__` key in a resource body after parsing', async () => {
      const t = target();
      const res = await request(t.app).post(`${BASE}/Users`).set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'application/scim+json').send(escaped);
      expectScimError(res, 400, 'invalidSyntax');
      expect(res.body.detail).to.contain('__proto__');
    });

    it('should refuse it in Bulk, also in an operation that carries a bulkId reference', async () => {
      const t = target();
      const body = String.raw`{"schemas":["${BULK_URN}"],"Operations":[` +
        String.raw`{"method":"POST","path":"/Users","bulkId":"u","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk.u"}},` +
        String.raw`{"method":"POST","path":"/Groups","bulkId":"g","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"g","members":[{"value":"bulkId:u","\u005f_proto__":{"polluted":true}}]}}]}`;
      const res = await request(t.app).post(`${BASE}/Bulk`).set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'application/scim+json').send(body);
      expectScimError(res, 400, 'invalidSyntax');
      expect(t.store.count('User')).to.equal(0);
    });

    it('should refuse a PATCH value with an escaped `constructor` key', async () => {
      const t = target();
      const created = await t.post('/Users', user('esc.patch')).expect(201);
      const body = String.raw`{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":{"\u0063onstructor":{"prototype":{"polluted":true}}}}]}`;
      const res = await request(t.app).patch(`${BASE}/Users/${created.body.id}`).set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'application/scim+json').send(body);
      expectScimError(res, 400, 'invalidSyntax');
    });
  });

  describe('passwords', () => {
    it('should never return, echo or journal a password, and keep a salted scrypt hash', async () => {
      const journal = createRequestJournal();
      const store = createMemoryStore({ baseUrl: BASE_URL });
      const t = target({ store, journal });
      const created = await t.post('/Users', user('pw.one', { password: SECRET })).expect(201);
      const id = created.body.id as string;
      const answers: unknown[] = [created.body];
      answers.push((await t.get(`/Users/${id}`).expect(200)).body);
      answers.push((await t.get('/Users?attributes=password').expect(200)).body);
      answers.push((await t.get(`/Users?filter=${encodeURIComponent(`password eq "${SECRET}"`)}`)).body);
      const badPatch = await t.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'password', value: { x: SECRET } }));
      expectScimError(badPatch, 400, 'invalidValue');
      answers.push(badPatch.body);
      const badPathless = await t.patch(`/Users/${id}`, patchOp({ op: 'replace', value: { password: [SECRET] } }));
      expect(badPathless.status).to.equal(400);
      answers.push(badPathless.body);
      const badPost = await t.post('/Users', user('pw.two', { password: { x: SECRET } }));
      expect(badPost.status).to.equal(400);
      answers.push(badPost.body);
      answers.push((await t.put(`/Users/${id}`, user('pw.one', { password: 7 }))).body);
      for (const answer of answers) expect(JSON.stringify(answer)).to.not.contain(SECRET).and.not.contain('hunter');

      const stored = store.get('User', id)!;
      expect(stored.password).to.be.a('string').and.match(/^\$scrypt\$N=\d+,r=\d+,p=\d+\$[\w-]+\$[\w-]+$/);
      const other = await t.post('/Users', user('pw.three', { password: SECRET })).expect(201);
      expect(store.get('User', other.body.id)!.password, 'salted').to.not.equal(stored.password);

      const entries = JSON.stringify(journal.list({ limit: 1000 }));
      expect(entries).to.not.contain(SECRET).and.not.contain('hunter');
      expect(entries).to.contain('password eq');
    });

    it('should keep the stored hash across a PATCH that leaves the password alone, and verify it at sign-in', async () => {
      const store = createMemoryStore({ baseUrl: BASE_URL });
      const t = target({ store });
      const created = await t.post('/Users', user('pw.signin', { password: SECRET })).expect(201);
      const hash = store.get('User', created.body.id)!.password;
      await t.patch(`/Users/${created.body.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Renamed' })).expect(200);
      expect(store.get('User', created.body.id)!.password).to.equal(hash);
      const signin = (body: unknown) => request(t.app).post('/_admin/signin').set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect((await signin({ userName: 'pw.signin', password: SECRET })).status).to.equal(200);
      const wrong = await signin({ userName: 'pw.signin', password: 'nope' });
      expect(wrong.status).to.equal(403);
      expect(JSON.stringify(wrong.body)).to.not.contain('nope');
      expect((await signin({ userName: 'pw.signin' })).status).to.equal(200);
      await t.patch(`/Users/${created.body.id}`, patchOp({ op: 'replace', path: 'password', value: 'n3w-pass' })).expect(200);
      expect((await signin({ userName: 'pw.signin', password: SECRET })).status).to.equal(403);
      expect((await signin({ userName: 'pw.signin', password: 'n3w-pass' })).status).to.equal(200);
    });

    it('should keep cleartext passwords out of the durable store files', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'scimulator-abuse-'));
      try {
        const store = await createDurableStore({ baseUrl: BASE_URL, file: join(dir, 'db.json') });
        const t = target({ store });
        await t.post('/Users', user('pw.durable', { password: SECRET })).expect(201);
        const journalText = readFileSync(join(dir, 'db.json.journal'), 'utf8');
        expect(journalText).to.contain('$scrypt$').and.not.contain(SECRET);
        await store.close();
        for (const name of readdirSync(dir)) {
          if (name.endsWith('.lock')) continue;
          expect(readFileSync(join(dir, name), 'utf8'), name).to.not.contain(SECRET);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('slow clients', () => {
    /** a raw connection: what it received, and when it was closed */
    function raw(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        let text = '';
        const socket = connect(port, '127.0.0.1', () => resolve({ socket, received: () => text, closed }));
        const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('error', reject);
      });
    }

    it('should cut off a client that trickles its headers (headersTimeout)', async () => {
      const server = await startServer({ port: 0, auth: { bearer: [TOKEN] }, store: (baseUrl) => createMemoryStore({ baseUrl }), headersTimeout: 400, requestTimeout: 800 });
      try {
        const { socket, closed } = await raw(Number(new URL(server.url).port));
        socket.write('GET /scim/v2/Users HTTP/1.1\r\nHost: x\r\n');
        const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
        const ms = await closed;
        clearInterval(timer);
        expect(ms).to.be.below(3_000);
      } finally {
        await server.close();
      }
    });

    it('should close the connection of a request refused with 401 or 413 without reading its slow body', async () => {
      const server = await startServer({ port: 0, auth: { bearer: [TOKEN] }, store: (baseUrl) => createMemoryStore({ baseUrl }), maxBodyBytes: 1000 });
      try {
        const port = Number(new URL(server.url).port);
        for (const auth of ['', `Authorization: Bearer ${TOKEN}\r\n`]) {
          const { socket, received, closed } = await raw(port);
          socket.write(`POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/scim+json\r\nContent-Length: 5000000\r\n\r\n{"a":`);
          const timer = setInterval(() => socket.writable && socket.write(' '), 50);
          const ms = await closed;
          clearInterval(timer);
          expect(received()).to.match(auth ? /^HTTP\/1\.1 413/ : /^HTTP\/1\.1 401/);
          expect(received().toLowerCase()).to.contain('connection: close');
          expect(ms).to.be.below(2_000);
        }
        // the server still answers
        const res = await fetch(`${server.url}/Users`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(res.status).to.equal(200);
      } finally {
        await server.close();
      }
    });
  });
});
