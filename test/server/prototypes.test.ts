import { expect } from 'chai';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { appMessages } from '../../server/prototypes.js';

describe('server/prototypes: requests and responses born on the app\'s prototypes', () => {
  it('should create them on express\'s app.request and app.response, so express has nothing to move, and still serve', async () => {
    const app = express();
    const seen: { request: boolean; response: boolean; node: boolean }[] = [];
    const messages = appMessages();
    let phase: 'before' | 'after' = 'before';
    const server = createServer(messages.options, (req, res) => {
      // looked at before express's app.handle would move them
      seen.push({ request: Object.getPrototypeOf(req) === app.request, response: Object.getPrototypeOf(res) === app.response, node: req instanceof IncomingMessage && res instanceof ServerResponse });
      if (phase === 'before') {
        res.end('plain');
        return;
      }
      app(req, res);
    });
    app.get('/x', (req, res) => {
      res.json({ query: req.query, path: req.path });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/x`)).text()).to.equal('plain');
      phase = 'after';
      messages.adopt(app);
      const res = await fetch(`${base}/x?a=1`);
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.equal({ query: { a: '1' }, path: '/x' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen[0]).to.deep.equal({ request: false, response: false, node: true });
    expect(seen[1]).to.deep.equal({ request: true, response: true, node: true });
  });
});
