/**
 * Child process for the HTTP kill -9 test: `serve --db FILE` as the CLI starts it (startServer
 * over the durable store), but compacting after every COMPACT_AFTER_ENTRIES journal entries so
 * that a kill also lands during a snapshot write or a journal rotation. Prints `listening on URL`.
 * Usage: node --import tsx durable-server.ts FILE TOKEN COMPACT_AFTER_ENTRIES
 */
import { startServer } from '../../../../server/start.js';
import { createDurableStore } from '../../../../server/store/index.js';

const [file, token, compactAfter] = process.argv.slice(2);
// Refuse to run when loaded any other way (a bare `mocha` picking up every .ts under test/).
if (file === undefined || file.startsWith('-') || !token || !(Number(compactAfter) > 0)) {
  throw new TypeError('usage: node --import tsx durable-server.ts FILE TOKEN COMPACT_AFTER_ENTRIES');
}
const server = await startServer({
  port: 0,
  auth: { bearer: [token] },
  journal: false,
  store: (baseUrl) => createDurableStore({ file, baseUrl, compactAfterEntries: Number(compactAfter) }),
});
process.stdout.write(`listening on ${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
