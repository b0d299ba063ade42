import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runConformance, RunStartError } from '../../conformance/index.js';
import type { Check } from '../../conformance/index.js';
import { expectStatus } from '../../conformance/assert.js';

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

describe('conformance/runner', () => {
  let server: Server;
  let base: string;
  const users = new Map<string, Record<string, unknown>>();
  let next = 0;

  before(async () => {
    const app = express();
    app.use(express.json({ type: () => true }));
    app.get('/scim/v2/ServiceProviderConfig', (_req, res) => { res.json({ patch: { supported: true }, bulk: { supported: false }, filter: { supported: false }, sort: { supported: false }, etag: { supported: false }, changePassword: { supported: false } }); });
    app.get('/scim/v2/Schemas', (_req, res) => { res.json({ schemas: [LIST], totalResults: 0, Resources: [] }); });
    app.get('/scim/v2/ResourceTypes', (_req, res) => { res.json({ schemas: [LIST], totalResults: 1, Resources: [{ name: 'User', endpoint: '/Users', schema: 'urn:ietf:params:scim:schemas:core:2.0:User' }] }); });
    app.post('/scim/v2/Users', (req, res) => { const id = `u${++next}`; users.set(id, { ...req.body, id }); res.status(201).json(users.get(id)); });
    app.get('/scim/v2/Users/:id', (req, res) => { if (users.has(req.params.id)) res.json(users.get(req.params.id)); else res.status(404).json({ status: '404' }); });
    app.delete('/scim/v2/Users/:id', (req, res) => { res.status(users.delete(req.params.id) ? 204 : 404).end(); });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
  });
  after(() => { server.close(); });
  beforeEach(() => { users.clear(); });

  const check = (id: string, run: Check['run'], extra: Partial<Check> = {}): Check => ({ id, title: id, area: 'users', spec: 'RFC 7644 §3.3', level: 'MUST', profiles: ['rfc'], mutating: true, run, ...extra });

  const checks: Check[] = [
    check('passes', async (ctx) => { await ctx.createUser(); }),
    check('fails-after-create', async (ctx) => {
      const user = await ctx.createUser({ password: 'hunter2' });
      expectStatus(await ctx.client.get('/Users', `${user.id}-nope`), 200, 'GET');
    }),
    check('needs-bulk', async () => undefined, { requires: ['bulk'] }),
    check('skips-itself', async (ctx) => ctx.skip('nothing to do'), { level: 'SHOULD' }),
    check('trips', async () => { throw new TypeError('cannot read x of undefined'); }, { level: 'SHOULD' }),
  ];

  it('should report pass, fail with expected/actual and the exchange, and skips for features not advertised', async () => {
    const result = await runConformance({ client: { baseUrl: base }, checks, profile: 'rfc' });
    expect(result.checks.map((c) => [c.id, c.status])).to.deep.equal([
      ['passes', 'passed'], ['fails-after-create', 'failed'], ['needs-bulk', 'skipped'], ['skips-itself', 'skipped'], ['trips', 'failed'],
    ]);
    expect(result.summary).to.deep.equal({ passed: 1, failed: 2, skipped: 2, notRun: 0, mustFailed: 1, mustNotRun: 0, knownFailures: 0 });
    expect(result.features).to.deep.equal(['patch']);
    const failed = result.checks[1]!;
    expect(failed).to.include({ expected: '200', reason: 'GET: expected HTTP 200, got 404' });
    expect(failed.exchanges?.[0]).to.include({ method: 'GET', status: 404 });
    expect(result.checks[2]!.reason).to.equal('not advertised: bulk');
    expect(result.checks[4]!.reason).to.equal('unexpected response shape: cannot read x of undefined');
  });

  it('should delete every resource a check created, even when the check failed', async () => {
    await runConformance({ client: { baseUrl: base }, checks, profile: 'rfc' });
    expect(users.size).to.equal(0);
  });

  it('should keep the resources with keep', async () => {
    await runConformance({ client: { baseUrl: base }, checks, profile: 'rfc', keep: true });
    expect(users.size).to.equal(2);
  });

  it('should redact secrets from the exchanges it reports', async () => {
    const result = await runConformance({ client: { baseUrl: base, auth: { type: 'bearer', token: 'top-secret' } }, checks: [check('x', async (ctx) => {
      const res = await ctx.client.create('/Users', ctx.userBody({ password: 'hunter2' }));
      ctx.track('/Users', String(res.body.id));
      expectStatus(res, 400, 'POST');
    })], profile: 'rfc' });
    const text = JSON.stringify(result);
    expect(text).not.to.contain('top-secret');
    expect(text).not.to.contain('hunter2');
  });

  it('should refuse to start when the target cannot be reached', async () => {
    const error = await runConformance({ client: { baseUrl: 'http://127.0.0.1:1/scim/v2', timeoutMs: 2000 }, checks }).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(RunStartError);
    expect((error as Error).message).to.match(/^cannot reach http:\/\/127\.0\.0\.1:1\/scim\/v2: /);
  });
});
