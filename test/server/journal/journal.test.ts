import { expect } from 'chai';
import express from 'express';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, createServer, get } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { captureJson, createRequestJournal, REDACTED } from '../../../server/journal/index.js';
import type { RequestJournal } from '../../../server/journal/index.js';
import { createQuirkRuntime } from '../../../server/quirks/index.js';
import { TOKEN, expectScimError, target, user } from '../helpers.js';

function tinyApp(journal: RequestJournal) {
  const app = express();
  captureJson(app.response);
  app.use(journal.middleware);
  app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
  app.post('/things', (req, res) => void res.status(201).json({ ...req.body, id: '1' }));
  app.get('/quirky', (_req, res) => {
    res.locals.quirk = 'rateLimit';
    res.status(429).json({ detail: 'slow down' });
  });
  return app;
}

const clock = () => new Date('2026-01-02T03:04:05.000Z');

describe('server/journal', () => {
  describe('#createRequestJournal() middleware', () => {
    it('should record method, path, query, status, bodies (redacted) and the quirk that fired', async () => {
      const journal = createRequestJournal({ clock });
      const app = tinyApp(journal);
      await request(app).post('/things?access_token=abc&x=1').set('Authorization', 'Bearer secret').send({ name: 'n', password: 'p' });
      await request(app).get('/quirky');
      const [created, throttled] = journal.list({});
      expect(created).to.deep.include({
        seq: 1, time: '2026-01-02T03:04:05.000Z', method: 'POST', path: '/things', query: { access_token: REDACTED, x: '1' },
        status: 201, requestBody: { name: 'n', password: REDACTED }, responseBody: { name: 'n', password: REDACTED, id: '1' },
      });
      expect(created!.durationMs).to.be.a('number').and.at.least(0);
      expect(JSON.stringify(created)).to.not.contain('secret');
      expect(created).to.not.have.property('quirk');
      expect(throttled).to.deep.include({ seq: 2, status: 429, quirk: 'rateLimit', responseBody: { detail: 'slow down' } });
    });

    it('should page with limit (most recent) and since (the entries after a seq, oldest first)', async () => {
      const journal = createRequestJournal({ capacity: 3 });
      const app = tinyApp(journal);
      for (let i = 0; i < 5; i++) await request(app).get('/quirky');
      expect(journal.list({}).map((e) => e.seq)).to.deep.equal([3, 4, 5]);
      expect(journal.list({ limit: 2 }).map((e) => e.seq)).to.deep.equal([4, 5]);
      expect(journal.list({ since: 3 }).map((e) => e.seq)).to.deep.equal([4, 5]);
      expect(journal.list({ since: 3, limit: 1 }).map((e) => e.seq)).to.deep.equal([4]);
      expect(journal.list({ limit: 0 })).to.deep.equal([]);
      journal.clear();
      expect(journal.list({})).to.deep.equal([]);
    });

    it('should append one JSON line per request to the file for later replay', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'scimulator-journal-'));
      try {
        const file = join(dir, 'requests.jsonl');
        const journal = createRequestJournal({ file, clock });
        const app = tinyApp(journal);
        await request(app).post('/things').send({ a: 1 });
        await request(app).get('/quirky');
        await journal.close();
        const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number; path: string });
        expect(lines.map((l) => [l.seq, l.path])).to.deep.equal([[1, '/things'], [2, '/quirky']]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('should report a file that cannot be written on close()', async () => {
      const journal = createRequestJournal({ file: join(tmpdir(), 'no-such-dir-scimulator', 'x', 'j.jsonl') });
      const error = await journal.close().then(() => undefined, (e: Error) => e);
      expect(error).to.be.instanceOf(Error);
    });
  });

  describe('requests that end without an answer, and keep-alive connections', () => {
    /** tinyApp behind a listening node server, with a route that never answers */
    async function listening(journal: RequestJournal) {
      const app = tinyApp(journal);
      app.get('/never', () => undefined);
      app.get('/ok', (_req, res) => void res.status(204).end());
      const server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    }

    it('should record a request never answered as status 0 once the client gives up', async () => {
      const journal = createRequestJournal();
      const { server, origin } = await listening(journal);
      try {
        await new Promise<void>((resolve) => {
          const req = get(`${origin}/never`);
          req.on('error', () => resolve());
          setTimeout(() => req.destroy(), 50);
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const entries = journal.list({});
        expect(entries.map((e) => [e.path, e.status])).to.deep.equal([['/never', 0]]);
        expect(entries[0]).to.not.have.property('responseHeaders');
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });

    it('should record every request of a keep-alive connection once, without adding a close listener to the connection per request', async () => {
      const journal = createRequestJournal();
      const { server, origin } = await listening(journal);
      const sockets = new Set<Socket>();
      server.on('connection', (socket) => sockets.add(socket));
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      // one request over the shared connection, its body read to the end
      const send = (path: string) => new Promise<void>((resolve, reject) => {
        get(`${origin}${path}`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
      });
      try {
        for (let i = 0; i < 20; i++) await send(i % 2 === 0 ? '/ok' : '/quirky');
        expect(sockets.size).to.equal(1);
        const [socket] = [...sockets];
        const before = socket!.listenerCount('close');
        await send('/ok');
        expect(socket!.listenerCount('close')).to.equal(before);
        agent.destroy();
        await new Promise((resolve) => setTimeout(resolve, 50));
        const entries = journal.list({});
        expect(entries.map((e) => e.status)).to.deep.equal([...Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 204 : 429)), 204]);
        expect(entries[1]).to.deep.include({ path: '/quirky', quirk: 'rateLimit', responseBody: { detail: 'slow down' } });
      } finally {
        agent.destroy();
        server.closeAllConnections();
        server.close();
      }
    });
  });

  describe('with the real createServer', () => {
    it('should record SCIM requests, the quirk that answered, and a reset as status 0', async () => {
      const journal = createRequestJournal();
      const quirks = createQuirkRuntime({ description: 't', faults: { kinds: ['503', 'reset'], every: 2 } });
      const t = target({ journal, quirks });
      await t.post('/Users', user('ada', { password: 'hunter2' }));
      await t.get('/Users?filter=userName%20eq%20%22ada%22');
      await t.get('/Users');
      await t.get('/Users').then(() => undefined, () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const entries = journal.list({});
      expect(entries.map((e) => [e.method, e.path, e.status, e.quirk])).to.deep.equal([
        ['POST', '/scim/v2/Users', 201, undefined],
        ['GET', '/scim/v2/Users', 503, 'faults'],
        ['GET', '/scim/v2/Users', 200, undefined],
        ['GET', '/scim/v2/Users', 0, 'faults'],
      ]);
      expect(entries[0]!.requestBody).to.deep.include({ userName: 'ada', password: REDACTED });
      expect((entries[0]!.responseBody as { userName: string }).userName).to.equal('ada');
      expect(entries[1]!.query).to.deep.equal({ filter: 'userName eq "ada"' });
    });

    it('should name the quirk that acted inside the routes: a silent cut, a refusal, an ignored filter', async () => {
      const journal = createRequestJournal();
      const quirks = createQuirkRuntime({
        description: 't', truncate: { User: { displayName: 3 } }, licenses: { seats: 1 }, filterSupport: { attributes: ['userName'], unsupported: 'ignore' },
      });
      const t = target({ journal, quirks });
      await t.post('/Users', user('ada', { displayName: 'Ada Lovelace' }));
      await t.post('/Users', user('bob'));
      await t.get('/Users?filter=externalId%20eq%20%22x%22');
      await t.get('/Users?filter=userName%20eq%20%22ada%22');
      expect(journal.list({}).map((e) => [e.status, e.quirk])).to.deep.equal([[201, 'truncate'], [403, 'licenses'], [200, 'filterSupport'], [200, undefined]]);
    });

    it('should serve the journal at GET /_admin/requests?limit=&since=', async () => {
      const journal = createRequestJournal();
      const t = target({ journal });
      await t.get('/Users');
      await t.get('/Groups');
      const res = await request(t.app).get('/_admin/requests?since=1&limit=5').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).to.equal(200);
      expect(res.body.entries.map((e: { path: string }) => e.path)).to.deep.equal(['/scim/v2/Groups']);
      expect(journal.list({}).map((e) => e.path)).to.deep.equal(['/scim/v2/Users', '/scim/v2/Groups']);
    });

    it('should keep each request its own headers when a run of requests repeats them and one changes', async () => {
      const journal = createRequestJournal();
      const app = tinyApp(journal);
      for (const tag of ['a', 'a', 'b', 'a']) await request(app).get('/quirky').set('X-Tag', tag);
      await request(app).get('/quirky').set('X-Tag', 'a').set('X-Other', 'c');
      const entries = journal.list({});
      expect(entries.map((e) => e.requestHeaders!['x-tag'])).to.deep.equal(['a', 'a', 'b', 'a', 'a']);
      expect(entries.map((e) => e.requestHeaders!['x-other'])).to.deep.equal([undefined, undefined, undefined, undefined, 'c']);
    });

    it('should pause and resume recording at PUT /_admin/journal, keeping what it holds, without recording the switch', async () => {
      const journal = createRequestJournal();
      const t = target({ journal });
      const put = (body: unknown) => request(t.app).put('/_admin/journal').set('Authorization', `Bearer ${TOKEN}`).send(body as object);
      await t.get('/Users');
      expect((await put({ recording: false })).body).to.deep.equal({ recording: false });
      await t.get('/Groups');
      await t.post('/Users', user('paused@example.com'));
      const paused = await request(t.app).get('/_admin/journal').set('Authorization', `Bearer ${TOKEN}`);
      expect(paused.status).to.equal(200);
      expect(paused.body).to.deep.equal({ recording: false });
      expect((await put({ recording: true })).body).to.deep.equal({ recording: true });
      await t.get('/Users?count=1');
      // the switch and its reads are journal routes: only the SCIM calls made while recording show
      expect(journal.list({}).map((e) => `${e.method} ${e.path}`)).to.deep.equal(['GET /scim/v2/Users', 'GET /scim/v2/Users']);
      expect(journal.list({}).map((e) => e.seq)).to.deep.equal([1, 2]);
    });

    it('should refuse a journal switch that is not {"recording": boolean}, and 404 with no journal', async () => {
      const journal = createRequestJournal();
      const t = target({ journal });
      for (const body of [{}, { recording: 'false' }, { recording: null }, [true]]) {
        const res = await request(t.app).put('/_admin/journal').set('Authorization', `Bearer ${TOKEN}`).send(body);
        expectScimError(res, 400, 'invalidValue');
      }
      expect(journal.recording).to.equal(true);
      const off = target();
      expectScimError(await request(off.app).get('/_admin/journal').set('Authorization', `Bearer ${TOKEN}`), 404);
      expectScimError(await request(off.app).put('/_admin/journal').set('Authorization', `Bearer ${TOKEN}`).send({ recording: false }), 404);
      expect((await request(t.app).get('/_admin/journal')).status).to.equal(401);
    });
  });
});
