import { expect } from 'chai';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createScimClient } from '../../../scim/client/index.js';
import { parseRetryAfter } from '../../../scim/client/retry-after.js';

describe('scim/client/retry-after', () => {
  const now = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
  const cases: [string | undefined, number | undefined][] = [
    [undefined, undefined],
    ['0', 0],
    ['120', 120_000],
    ['  7 ', 7_000],
    ['Thu, 01 Jan 2026 12:00:30 GMT', 30_000],
    ['thu, 01 jan 2026 12:01:00 gmt', 60_000],
    ['Thursday, 01-Jan-26 12:00:05 GMT', 5_000],
    ['Thu Jan  1 12:00:10 2026', 10_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['1e3', undefined],
    ['', undefined],
    ['soon', undefined],
    ['Thu, 31 Feb 2026 12:00:00 GMT', undefined],
    ['Thu, 01 Jan 2026 25:00:00 GMT', undefined],
    ['Thu, 01 Jan 2026 12:00:30 CET', undefined],
    ['2026-01-01T12:00:30Z', undefined],
    ['99999999999999999999', undefined],
  ];
  for (const [header, expected] of cases) {
    it(`should read ${JSON.stringify(header)} as ${expected}`, () => {
      expect(parseRetryAfter(header, now)).to.equal(expected);
    });
  }
});

describe('scim/client: retryAfterMs on responses', () => {
  let server: Server;
  let base: string;
  const clientOf = (clock?: () => Date) => createScimClient({ baseUrl: `${base}/scim`, ...(clock ? { clock } : {}) });

  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/scim/Users/seconds') res.writeHead(429, { 'retry-after': '3' }).end();
      else if (req.url === '/scim/Users/date') res.writeHead(503, { 'retry-after': 'Thu, 01 Jan 2026 12:00:45 GMT' }).end();
      else if (req.url === '/scim/Users/garbage') res.writeHead(429, { 'retry-after': 'later' }).end();
      else res.writeHead(200, { 'content-type': 'application/scim+json' }).end('{"schemas":[],"id":"x"}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => { server.close(); });

  it('should carry delay-seconds as milliseconds', async () => {
    const client = clientOf();
    try {
      const res = await client.get('/Users', 'seconds');
      expect(res.status).to.equal(429);
      expect(res.retryAfterMs).to.equal(3000);
    } finally { await client.close(); }
  });

  it('should measure an HTTP-date from the client clock', async () => {
    const client = clientOf(() => new Date(Date.UTC(2026, 0, 1, 12, 0, 0)));
    try {
      expect((await client.get('/Users', 'date')).retryAfterMs).to.equal(45_000);
    } finally { await client.close(); }
  });

  it('should leave retryAfterMs out when the header is missing or malformed', async () => {
    const client = clientOf();
    try {
      const garbage = await client.get('/Users', 'garbage');
      expect(garbage.status).to.equal(429);
      expect(garbage).not.to.have.property('retryAfterMs');
      expect(await client.get('/Users', 'x')).not.to.have.property('retryAfterMs');
    } finally { await client.close(); }
  });
});
