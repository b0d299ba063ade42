/**
 * scimulator's own server for conformance tests: memory store, random token, optional quirk profile.
 */
import { randomBytes } from 'node:crypto';
import { startServer } from '../../../server/index.js';
import { createMemoryStore } from '../../../server/store/index.js';
import { createQuirkRuntime, loadQuirkProfile } from '../../../server/quirks/index.js';

export interface Target { url: string; token: string; close(): Promise<void> }

export async function startEmbeddedTarget(quirkProfile?: string): Promise<Target> {
  const quirks = quirkProfile ? createQuirkRuntime(await loadQuirkProfile(quirkProfile)) : undefined;
  const token = randomBytes(16).toString('hex');
  const server = await startServer({
    host: '127.0.0.1', port: 0, auth: { bearer: [token] }, quirks,
    store: (baseUrl) => createMemoryStore({ baseUrl, caseExactUserName: quirks?.caseExactUserName }),
  });
  return { url: server.url, token, close: () => server.close() };
}
