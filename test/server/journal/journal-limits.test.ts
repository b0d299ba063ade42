/**
 * The journal under abuse (issue 11): bounded per entry and in total, headers recorded with secrets
 * redacted, admin calls marked, the file rotated, and on by default behind startServer.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createRequestJournal, REDACTED } from '../../../server/journal/index.js';
import { startServer } from '../../../server/start.js';
import { createMemoryStore } from '../../../server/store/index.js';
import { BASE, target, TOKEN, user } from '../helpers.js';

describe('server/journal limits', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scimulator-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should keep a truncation marker for a body above maxBodyBytes, and stay within maxBytes in total', async () => {
    const journal = createRequestJournal({ maxBodyBytes: 2_000, maxBytes: 40_000 });
    const t = target({ journal, maxBodyBytes: 50_000 });
    const big = user('big', { displayName: 'x'.repeat(20_000) });
    for (let i = 0; i < 30; i++) await t.post('/Users', { ...big, userName: `big${i}` }).expect(201);
    const res = await request(t.app).get('/_admin/requests?limit=1000').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).to.equal(200);
    const entries = res.body.entries as { requestBody: { truncated: boolean; bytes: number; preview: string } }[];
    expect(entries.length).to.be.within(1, 29);
    expect(JSON.stringify(entries).length).to.be.below(40_000);
    expect(entries.at(-1)!.requestBody.truncated).to.equal(true);
    expect(entries.at(-1)!.requestBody.bytes).to.be.above(20_000);
    expect(entries.at(-1)!.requestBody.preview).to.have.length(1024);
  });

  it('should bound memory when large bodies are refused (150 × 4 MB 413s) and still list 1000 entries', async function () {
    this.timeout(60_000);
    const journal = createRequestJournal();
    const t = target({ journal, maxBodyBytes: 8 * 1024 * 1024 });
    const body = JSON.stringify(user('huge', { displayName: 'y'.repeat(4 * 1024 * 1024) }));
    for (let i = 0; i < 150; i++) {
      const res = await request(t.app).post(`${BASE}/Users?n=${i}`).set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'application/scim+json').send(body.replace('"huge"', `"huge${i}"`));
      expect(res.status).to.be.oneOf([201, 400, 413]);
    }
    const res = await request(t.app).get('/_admin/requests?limit=1000').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).to.equal(200);
    expect(res.body.entries).to.have.length(150);
    expect(JSON.stringify(res.body).length).to.be.below(32 * 1024 * 1024);
  });

  it('should record request and response headers with secrets redacted, and mark admin calls', async () => {
    const journal = createRequestJournal();
    const t = target({ journal });
    await t.post('/Users', user('h')).set('Cookie', 'session=abc').set('X-Api-Key', 'k-123').expect(201);
    await request(t.app).get('/_admin/quirks').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    const all = journal.list({});
    expect(all).to.have.length(2);
    const [created, reset] = all;
    expect(created!.requestHeaders!.authorization).to.equal(REDACTED);
    expect(created!.requestHeaders!.cookie).to.equal(REDACTED);
    expect(created!.requestHeaders!['x-api-key']).to.equal(REDACTED);
    expect(created!.requestHeaders!['content-type']).to.equal('application/scim+json');
    expect(created!.responseHeaders!.location).to.be.a('string');
    expect(created!.responseHeaders!['content-type']).to.contain('application/scim+json');
    expect(JSON.stringify(all)).to.not.contain(TOKEN).and.not.contain('k-123').and.not.contain('session=abc');
    expect(created!.admin).to.equal(undefined);
    expect(reset!.admin).to.equal(true);
    const res = await request(t.app).get('/_admin/requests?admin=false').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.body.entries.map((e: { path: string }) => e.path)).to.deep.equal([`${BASE}/Users`]);
    const only = await request(t.app).get('/_admin/requests?admin=true').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(only.body.entries.map((e: { path: string }) => e.path)).to.deep.equal(['/_admin/quirks']);
    await request(t.app).get('/_admin/requests?admin=maybe').set('Authorization', `Bearer ${TOKEN}`).expect(400);
  });

  it('should rotate the file by size and keep only `keep` old files', async () => {
    const file = join(dir, 'journal.ndjson');
    const journal = createRequestJournal({ file, maxFileBytes: 4_000, keep: 2 });
    const t = target({ journal });
    for (let i = 0; i < 40; i++) await t.post('/Users', user(`rot${i}`)).expect(201);
    await journal.close();
    expect(readdirSync(dir).sort()).to.deep.equal(['journal.ndjson', 'journal.ndjson.1', 'journal.ndjson.2']);
    for (const name of ['journal.ndjson', 'journal.ndjson.1', 'journal.ndjson.2']) expect(statSync(join(dir, name)).size, name).to.be.within(1, 4_000);
    expect(existsSync(`${file}.3`)).to.equal(false);
  });

  it('should rotate by size when one batch of entries crosses the limit several times', async () => {
    const file = join(dir, 'burst.ndjson');
    const journal = createRequestJournal({ file, maxFileBytes: 2_000, keep: 3 });
    const t = target({ journal });
    // answered together, stored in one batch: three rotations or more inside one synchronous run
    await Promise.all(Array.from({ length: 30 }, (_, i) => t.post('/Users', user(`burst${i}`)).expect(201)));
    await journal.close();
    const names = readdirSync(dir).filter((name) => name.startsWith('burst')).sort();
    expect(names).to.deep.equal(['burst.ndjson', 'burst.ndjson.1', 'burst.ndjson.2', 'burst.ndjson.3']);
    for (const name of names) expect(statSync(join(dir, name)).size, name).to.be.within(1, 2_000);
  });

  it('should be on by default behind startServer, and off with journal: false', async () => {
    const on = await startServer({ port: 0, auth: { bearer: [TOKEN] }, store: (baseUrl) => createMemoryStore({ baseUrl }) });
    const off = await startServer({ port: 0, auth: { bearer: [TOKEN] }, store: (baseUrl) => createMemoryStore({ baseUrl }), journal: false });
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      await fetch(`${on.url}/Users`, { headers: auth });
      const listed = await fetch(new URL('/_admin/requests', on.url), { headers: auth });
      expect(listed.status).to.equal(200);
      expect(((await listed.json()) as { entries: unknown[] }).entries).to.have.length(1);
      expect((await fetch(new URL('/_admin/requests', off.url), { headers: auth })).status).to.equal(404);
    } finally {
      await on.close();
      await off.close();
    }
  });
});

describe('server/journal previews', () => {
  it('should give the first 1024 characters of the redacted JSON, exactly, however long the arrays', async () => {
    const { previewOf } = await import('../../../server/journal/journal.js');
    const { redact } = await import('../../../server/journal/redact.js');
    const page = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 5000,
      Resources: Array.from({ length: 5000 }, (_, i) => ({ id: String(i), userName: `user${i}@example.com`, password: `secret-${i}`, emails: Array.from({ length: 3 }, (_, j) => ({ value: `u${i}.${j}@example.com` })) })),
    };
    const patch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: 'x'.repeat(3000), path: 'password' }, ...Array.from({ length: 100 }, () => ({ op: 'add', path: 'members', value: [{ value: 'm' }] }))] };
    for (const body of [page, patch, { members: [] }, 'text', 42]) {
      expect(previewOf(body)).to.equal((JSON.stringify(redact(body)) ?? '').slice(0, 1024));
    }
    expect(previewOf(patch)).to.not.contain('xxxx');
  });

  it('should agree with redacting and serialising the whole body on any JSON value', async () => {
    const fc = (await import('fast-check')).default;
    const { previewOf } = await import('../../../server/journal/journal.js');
    const { redact } = await import('../../../server/journal/redact.js');
    const key = fc.constantFrom('password', 'Operations', 'path', 'value', 'members', 'token', 'filter', 'detail', 'id', 'x');
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 40 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(fc.property(json, (body) => {
      expect(previewOf(body)).to.equal((JSON.stringify(redact(body)) ?? '').slice(0, 1024));
    }), { numRuns: 300 });
  });
});
