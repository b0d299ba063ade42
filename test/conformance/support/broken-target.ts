/**
 * A deliberately broken SCIM target for conformance tests: an express proxy in front of a working
 * server that breaks one behaviour at a time, the way real apps do.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { Target } from './embedded-target.js';

export type Breakage =
  /** DELETE answers 405 */
  | 'no-delete'
  /** `userName eq "…"` compares case-sensitively */
  | 'case-sensitive-filter'
  /** the filter parameter is dropped: every list answers everything */
  | 'ignore-filter'
  /** a filter that matches nothing answers 404 instead of an empty ListResponse */
  | 'empty-filter-404';

const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export async function startBrokenTarget(upstream: Target, breakage: Breakage): Promise<Target> {
  const app = express();
  app.use(express.raw({ type: () => true, limit: '10mb' }));
  app.use(async (req, res) => {
    const send = (status: number, body: unknown) => res.status(status).type('application/scim+json').send(JSON.stringify(body));
    const url = new URL(req.originalUrl.replace(/^\/scim\/v2/, ''), `${upstream.url}/`);
    url.pathname = `${new URL(upstream.url).pathname}${req.originalUrl.replace(/^\/scim\/v2/, '').split('?')[0]}`;
    const filter = url.searchParams.get('filter');
    if (breakage === 'no-delete' && req.method === 'DELETE') return send(405, { schemas: [SCIM_ERROR], status: '405', detail: 'DELETE is not supported' });
    if (breakage === 'ignore-filter') url.searchParams.delete('filter');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
    const up = await request(url, { method: req.method as 'GET', headers, body: Buffer.isBuffer(req.body) && req.body.length ? req.body : undefined });
    const text = await up.body.text();
    let body: unknown = text;
    try { body = JSON.parse(text); } catch { /* not JSON */ }
    const list = body as { Resources?: { userName?: string }[]; totalResults?: number };
    if (req.method === 'GET' && filter && up.statusCode === 200 && Array.isArray(list?.Resources)) {
      const exact = /^userName eq "(.*)"$/.exec(filter);
      if (breakage === 'case-sensitive-filter' && exact) {
        list.Resources = list.Resources.filter((r) => r.userName === exact[1]);
        list.totalResults = list.Resources.length;
      }
      if (breakage === 'empty-filter-404' && list.totalResults === 0) return send(404, { schemas: [SCIM_ERROR], status: '404', detail: 'no match' });
    }
    for (const [k, v] of Object.entries(up.headers)) if (typeof v === 'string' && !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) res.setHeader(k, v);
    res.status(up.statusCode).send(typeof body === 'string' ? body : JSON.stringify(body));
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/scim/v2`,
    token: upstream.token,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

