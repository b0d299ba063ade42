import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createScimClient, ScimClientError } from '../../../scim/client/index.js';
import type { Exchange, ScimClient } from '../../../scim/client/index.js';

interface Seen { method: string; url: string; query: unknown; headers: Record<string, unknown>; body: unknown }

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('scim/client/create-client', () => {
  const seen: Seen[] = [];
  let base: string;
  let server: Server;
  let tokenFetches = 0;
  let expiresIn = 3600;
  let client: ScimClient | undefined;

  before(async () => {
    const app = express();
    app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
    app.use(express.urlencoded({ extended: false }));
    app.post('/token', (req, res) => {
      tokenFetches++;
      res.json({ access_token: `tok-${tokenFetches}`, token_type: 'Bearer', expires_in: expiresIn });
    });
    app.get('/scim/v2/Users/missing', (_req, res) => {
      res.status(404).type('application/scim+json').send(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404', detail: 'no such user' }));
    });
    app.get('/scim/v2/slow', () => { /* never answers */ });
    app.delete('/scim/v2/Users/:id', (_req, res) => { res.status(204).end(); });
    app.get('/scim/v2/secure', (req, res) => {
      seen.push({ method: req.method, url: req.originalUrl, query: req.query, headers: req.headers, body: req.body });
      if (req.headers.authorization !== `Bearer tok-${tokenFetches}`) res.status(401).json({ status: '401' });
      else res.json({ ok: true });
    });
    app.all(/.*/, (req, res) => {
      seen.push({ method: req.method, url: req.originalUrl, query: req.query, headers: req.headers, body: req.body });
      res.status(req.method === 'POST' ? 201 : 200).type('application/scim+json').send(JSON.stringify({ echo: true }));
    });
    ({ url: base, server } = await listen(app));
  });
  after(() => { server.close(); });
  beforeEach(() => { seen.length = 0; tokenFetches = 0; expiresIn = 3600; });
  afterEach(async () => { await client?.close(); client = undefined; });

  it('should send the bearer token, scim+json content type and the parsed JSON body (RFC 7644 §3.1)', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2/`, auth: { type: 'bearer', token: 's3cret' } });
    const res = await client.create('Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'a' });
    expect(res.status).to.equal(201);
    expect(res.body).to.deep.equal({ echo: true });
    expect(res.headers['content-type']).to.match(/^application\/scim\+json/);
    expect(seen[0]!.url).to.equal('/scim/v2/Users');
    expect(seen[0]!.headers.authorization).to.equal('Bearer s3cret');
    expect(seen[0]!.headers['content-type']).to.equal('application/scim+json');
    expect(seen[0]!.body).to.deep.equal({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'a' });
  });

  it('should percent-encode filters so quotes, spaces, ampersands and plus signs survive (RFC 7644 §3.4.2.2)', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2` });
    const filter = 'userName eq "a+b&c=d@x.com" and displayName co "50%"';
    await client.list('/Users', { filter, startIndex: 3, count: 2, attributes: ['userName', 'name.givenName'], sortOrder: 'descending' });
    expect(seen[0]!.query).to.deep.equal({ filter, startIndex: '3', count: '2', attributes: 'userName,name.givenName', sortOrder: 'descending' });
    expect(seen[0]!.url).to.contain('%20eq%20%22a%2Bb%26c%3Dd%40x.com%22');
  });

  it('should encode resource ids as one path segment', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2` });
    await client.get('Users', 'a/b?c');
    expect(seen[0]!.url).to.equal('/scim/v2/Users/a%2Fb%3Fc');
  });

  it('should parse a SCIM error body on a 404 without throwing (RFC 7644 §3.12)', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2` });
    const res = await client.get('Users', 'missing');
    expect(res.status).to.equal(404);
    expect(res.ok).to.equal(false);
    expect(res.scimError).to.deep.include({ status: '404', detail: 'no such user' });
  });

  it('should return an undefined body for 204 No Content (RFC 7644 §3.6)', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2` });
    const res = await client.delete('Users', 'x');
    expect(res.status).to.equal(204);
    expect(res.body).to.equal(undefined);
  });

  it('should wrap operations in a PatchOp message and POST .search with a SearchRequest', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2` });
    await client.patch('Users', 'u1', [{ op: 'replace', path: 'active', value: false }]);
    await client.search('Users', { filter: 'userName eq "x"', count: 1 });
    await client.search('', { filter: 'id pr' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).to.deep.equal(['PATCH /scim/v2/Users/u1', 'POST /scim/v2/Users/.search', 'POST /scim/v2/.search']);
    expect(seen[0]!.body).to.deep.equal({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] });
    expect(seen[1]!.body).to.deep.equal({ schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'userName eq "x"', count: 1 });
  });

  it('should send basic credentials and redact them and passwords from the exchange', async () => {
    const exchanges: Exchange[] = [];
    client = createScimClient({ baseUrl: `${base}/scim/v2`, auth: { type: 'basic', user: 'u', pass: 'p' }, onExchange: (e) => exchanges.push(e) });
    const res = await client.create('Users', { schemas: [], userName: 'a', password: 'hunter2', name: { givenName: 'A' } });
    expect(seen[0]!.headers.authorization).to.equal(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(exchanges).to.have.length(1);
    expect(exchanges[0]).to.equal(res.exchange);
    expect(res.exchange.requestHeaders.authorization).to.equal('Basic [redacted]');
    expect(res.exchange.requestBody).to.deep.equal({ schemas: [], userName: 'a', password: '[redacted]', name: { givenName: 'A' } });
    expect(res.exchange).to.include({ method: 'POST', url: `${base}/scim/v2/Users`, status: 201 });
    expect(JSON.stringify(res.exchange)).not.to.contain('hunter2');
  });

  it('should fetch an oauth client-credentials token once and reuse it until it expires (RFC 6749 §4.4)', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2`, auth: { type: 'oauth-client-credentials', tokenUrl: `${base}/token`, clientId: 'id', clientSecret: 'sec' } });
    await Promise.all([client.get('Users', 'a'), client.get('Users', 'b'), client.get('Users', 'c')]);
    expect(tokenFetches).to.equal(1);
    expect(seen.map((s) => s.headers.authorization)).to.deep.equal(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1']);
  });

  it('should fetch a new oauth token when the current one is about to expire', async () => {
    expiresIn = 5;
    client = createScimClient({ baseUrl: `${base}/scim/v2`, auth: { type: 'oauth-client-credentials', tokenUrl: `${base}/token`, clientId: 'id', clientSecret: 'sec' } });
    await client.get('Users', 'a');
    await client.get('Users', 'b');
    expect(tokenFetches).to.equal(2);
    expect(seen.map((s) => s.headers.authorization)).to.deep.equal(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('should fetch a new oauth token once after a 401', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2`, auth: { type: 'oauth-client-credentials', tokenUrl: `${base}/token`, clientId: 'id', clientSecret: 'sec' } });
    await client.get('Users', 'a');
    tokenFetches = 5; // the server now expects tok-5 while the client holds tok-1
    const res = await client.request('GET', '/secure');
    expect(res.status).to.equal(200);
    expect(tokenFetches).to.equal(6);
  });

  it('should throw a protocol error when the token endpoint fails', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2`, auth: { type: 'oauth-client-credentials', tokenUrl: `${base}/scim/v2/Users/missing`, clientId: 'id', clientSecret: 'sec' } });
    const error = await client.get('Users', 'a').then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ScimClientError);
    expect(error).to.include({ kind: 'protocol' });
  });

  it('should throw a timeout error when the server does not answer in time', async () => {
    client = createScimClient({ baseUrl: `${base}/scim/v2`, timeoutMs: 150 });
    const error = await client.request('GET', '/slow').then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ScimClientError);
    expect(error).to.include({ kind: 'timeout' });
    expect((error as ScimClientError).exchange).to.include({ method: 'GET' });
  });

  it('should throw a connection error when nothing listens', async () => {
    const probe = await listen(express());
    probe.server.close();
    client = createScimClient({ baseUrl: `${probe.url}/scim/v2`, timeoutMs: 2000 });
    const error = await client.serviceProviderConfig().then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ScimClientError);
    expect(error).to.include({ kind: 'connection' });
  });

  it('should reject a base URL that is not http(s)', () => {
    expect(() => createScimClient({ baseUrl: 'ftp://x' })).to.throw(TypeError);
  });
});
