import { expect } from 'chai';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createScimClient, discoverFeatures, readFeatures } from '../../../scim/client/index.js';
import { startEmbeddedTarget } from '../../../server/embedded.js';
import type { EmbeddedTarget } from '../../../server/embedded.js';

describe('scim/client/features', () => {
  describe('discoverFeatures against a live target', () => {
    let target: EmbeddedTarget;
    before(async () => { target = await startEmbeddedTarget(); });
    after(async () => { await target.close(); });

    it("should read the embedded target's ServiceProviderConfig", async () => {
      const client = createScimClient({ baseUrl: target.url, auth: { type: 'bearer', token: target.token } });
      try {
        const result = await discoverFeatures(client);
        expect(result.ok).to.equal(true);
        if (!result.ok) return;
        const { features } = result;
        expect(features).to.deep.include({ patch: true, sort: true, etag: true, changePassword: false, pagination: { cursor: true, index: true } });
        expect(features.bulk.supported).to.equal(true);
        expect(features.bulk.maxOperations).to.be.a('number').above(0);
        expect(features.bulk.maxPayloadSize).to.be.a('number').above(0);
        expect(features.filter.supported).to.equal(true);
        expect(features.filter.maxResults).to.be.a('number').above(0);
        expect(features.authenticationSchemes).to.deep.equal(['oauthbearertoken']);
      } finally { await client.close(); }
    });

    it('should report the status when the target refuses', async () => {
      const client = createScimClient({ baseUrl: target.url, auth: { type: 'bearer', token: 'wrong' } });
      try {
        const result = await discoverFeatures(client);
        expect(result).to.deep.include({ ok: false, status: 401 });
        expect((result as { error: string }).error).to.match(/^GET \/ServiceProviderConfig answered 401/);
      } finally { await client.close(); }
    });
  });

  it('should report a network failure without a status', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    server.close();
    await once(server, 'close');
    const client = createScimClient({ baseUrl: `http://127.0.0.1:${port}/scim`, timeoutMs: 2000 });
    try {
      const result = await discoverFeatures(client);
      expect(result.ok).to.equal(false);
      expect(result).not.to.have.property('status');
      expect((result as { error: string }).error).to.include('ServiceProviderConfig');
    } finally { await client.close(); }
  });

  it('should report a 200 that is not a JSON object', async () => {
    const server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'); }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = createScimClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim` });
    try {
      expect(await discoverFeatures(client)).to.deep.equal({ ok: false, status: 200, error: 'GET /ServiceProviderConfig did not return a JSON object' });
    } finally { await client.close(); server.close(); }
  });

  describe('readFeatures', () => {
    it('should read a lenient body: string flags, string limits, primary scheme first, junk ignored', () => {
      expect(readFeatures({
        patch: { supported: 'True' },
        bulk: { supported: true, maxOperations: '10', maxPayloadSize: -1 },
        filter: { supported: false, maxResults: 'many' },
        sort: true,
        etag: { supported: 1 },
        authenticationSchemes: [{ type: 'httpbasic' }, { type: 'oauthbearertoken', primary: true }, 'junk', { name: 'no type' }],
      })).to.deep.equal({
        patch: true,
        bulk: { supported: true, maxOperations: 10 },
        filter: { supported: false },
        sort: false,
        etag: false,
        changePassword: false,
        pagination: { cursor: false, index: false },
        authenticationSchemes: ['oauthbearertoken', 'httpbasic'],
      });
    });

    it('should return undefined for a body that is not an object', () => {
      for (const body of [undefined, null, 'text', [1]]) expect(readFeatures(body)).to.equal(undefined);
    });
  });
});
