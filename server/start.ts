/**
 * @module server/start
 * startServer: createServer behind a listening HTTP server. The store may be given as a factory of
 * the base URL, because with `port: 0` the URL (which goes into meta.location) is known only once
 * the port is bound.
 */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, currentQuirks, SCIM_BASE_PATH } from './app.js';
import type { ServerOptions } from './app.js';
import type { ResourceStore } from './store/types.js';
import type { RequestJournal } from './quirks/types.js';
import { createRequestJournal } from './journal/journal.js';
import { appMessages } from './prototypes.js';

export interface StartOptions extends Omit<ServerOptions, 'store' | 'baseUrl' | 'journal'> {
  /**
   * The request journal behind GET /_admin/requests. On by default (an in-memory ring bounded in
   * entries and bytes, as WireMock and Mockoon keep theirs); a journal of your own (e.g. with a
   * file), or `false` for none (`serve --no-journal`).
   */
  journal?: RequestJournal | false;
  host?: string;
  port?: number;
  store: ResourceStore | ((baseUrl: string, rules: QuirkStoreRules) => ResourceStore | Promise<ResourceStore>);
  /** runs after the store exists and before requests are accepted (e.g. seeding) */
  prepare?: (store: ResourceStore) => Promise<void>;
  /** the URL clients reach the server at (behind a proxy, in a container), e.g. https://scim.example.com:
   *  the base URL in Location headers and meta.location becomes <publicUrl>/scim/v2 */
  publicUrl?: string;
  /** longest wait for a request's headers, in ms (default 20 s; node's own is 60 s) */
  headersTimeout?: number;
  /** longest wait for a whole request, body included, in ms (default 60 s; node's own is 300 s) */
  requestTimeout?: number;
}

export const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * The store rules a quirk decides, read from the quirk runtime in force at each call, so that a
 * profile swapped through PUT /_admin/quirks changes them too (pass to createMemoryStore & co.).
 */
export interface QuirkStoreRules {
  readonly caseExactUserName: () => boolean;
}

export interface RunningServer {
  /** the SCIM base URL, http://HOST:PORT/scim/v2 */
  readonly url: string;
  readonly store: ResourceStore;
  /** stops accepting, ends open connections, then closes the store and the journal */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // A slow client (headers or body trickled byte by byte) is cut off instead of holding a socket.
  const headersTimeout = options.headersTimeout ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // requests and responses born on the app's prototypes (./prototypes.ts), once the app exists
  const messages = appMessages();
  const http = createHttpServer({
    ...messages.options,
    headersTimeout,
    requestTimeout,
    // node checks the timeouts on this period (30 s by default, longer than a short timeout)
    connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(Math.min(headersTimeout, requestTimeout) / 4))),
  });
  // A client that knows the port may connect before the store is ready: hold its requests.
  let handler: RequestListener | undefined;
  const early: [IncomingMessage, ServerResponse][] = [];
  http.on('request', (req, res) => (handler ? handler(req, res) : early.push([req, res])));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8080, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const url = options.publicUrl ? publicBase(options.publicUrl) : `http://${listenName(host)}:${port}${SCIM_BASE_PATH}`;
  let store: ResourceStore;
  let app: ReturnType<typeof createServer> | undefined;
  const rules: QuirkStoreRules = {
    caseExactUserName: () => (app ? currentQuirks(app) : options.quirks)?.caseExactUserName ?? false,
  };
  try {
    store = typeof options.store === 'function' ? await options.store(url, rules) : options.store;
    await options.prepare?.(store);
  } catch (error) {
    await new Promise((resolve) => http.close(resolve));
    throw error;
  }
  const { host: _h, port: _p, prepare: _prep, headersTimeout: _ht, requestTimeout: _rt, publicUrl: _pu, journal: given, ...rest } = options;
  const journal = given === false ? undefined : (given ?? createRequestJournal());
  const created = createServer({ ...rest, journal, store, baseUrl: url });
  app = created;
  messages.adopt(created);
  handler = created;
  for (const [req, res] of early.splice(0)) created(req, res);
  http.keepAliveTimeout = 5_000;

  let closing: Promise<void> | undefined;
  return {
    url,
    store,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          currentQuirks(created)?.close?.();
          http.close(() => resolve());
          http.closeIdleConnections();
          setTimeout(() => http.closeAllConnections(), 1_000).unref();
        });
        await store.close();
        await journal?.close();
      })()),
  };
}

/** A wildcard address (0.0.0.0, ::) is where the server listens, not a name a client can use. */
function listenName(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function publicBase(publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return base.endsWith(SCIM_BASE_PATH) ? base : `${base}${SCIM_BASE_PATH}`;
}
