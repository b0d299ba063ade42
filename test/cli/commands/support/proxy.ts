/**
 * A recording proxy in front of a real target: every request's method and URL is kept, and
 * `intercept` may answer a request itself (a 500, a hang) instead of forwarding it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface Proxy {
  /** the upstream's SCIM base URL, on the proxy */
  url: string;
  seen: { method: string; url: string }[];
  close(): Promise<void>;
}

/** Returns true when it answered (or will never answer) the request itself. */
export type Intercept = (req: IncomingMessage, res: ServerResponse, n: number) => boolean;

export async function startProxy(upstreamBase: string, intercept: Intercept = () => false): Promise<Proxy> {
  const upstream = new URL(upstreamBase);
  const seen: Proxy['seen'] = [];
  const server = createServer(async (req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '' });
    if (intercept(req, res, seen.length)) return;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
    const up = await request(new URL(req.url ?? '/', upstream.origin), { method: req.method as 'GET', headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const body = Buffer.from(await up.body.arrayBuffer());
    for (const [k, v] of Object.entries(up.headers)) if (v !== undefined && !['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) res.setHeader(k, v);
    res.writeHead(up.statusCode).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    seen,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Answers with a SCIM error body. */
export function scimError(res: ServerResponse, status: number, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'application/scim+json', ...headers })
    .end(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: 'injected by the test proxy' }));
  return true;
}
