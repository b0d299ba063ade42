/**
 * @module server/embedded
 * A throw-away target for in-process use (conformance --embedded, tests, the pilot's scenarios):
 * 127.0.0.1 on a free port, a memory store, a random bearer token, optional quirks.
 */
import { randomBytes } from 'node:crypto';
import { startServer } from './start.js';
import { createMemoryStore } from './store/index.js';
import type { QuirkRuntime } from './quirks/types.js';

export interface EmbeddedTarget {
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startEmbeddedTarget(options: { quirks?: QuirkRuntime } = {}): Promise<EmbeddedTarget> {
  const { quirks } = options;
  const token = randomBytes(24).toString('base64url');
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    auth: { bearer: [token] },
    quirks,
    // the caseExactUserName quirk is also the store's uniqueness rule
    store: (baseUrl) => createMemoryStore({ baseUrl, caseExactUserName: quirks?.caseExactUserName }),
  });
  return { url: server.url, token, close: () => server.close() };
}
