/**
 * A provisioning run in its own process, for the kill -9 test: an initial (or auto) cycle of the
 * directory file into the target, state in the given directory. Prints one JSON line when done.
 * Usage: node --import tsx crash-child.ts URL TOKEN STATE_DIR DIRECTORY_FILE
 */
import { openJob } from '../../../../engine/index.js';

const [url, token, stateDir, source] = process.argv.slice(2);
if (!url || !token || !stateDir || !source) {
  process.stderr.write('usage: crash-child.ts URL TOKEN STATE_DIR DIRECTORY_FILE\n');
  process.exit(2);
}
const job = await openJob(
  { name: 'crash', source: { path: source }, target: { url, auth: { type: 'bearer', token } }, concurrency: 4, provisionGroups: false },
  { stateDir },
);
const report = await job.run();
await job.close();
process.stdout.write(`${JSON.stringify({ state: report.state, byAction: report.counts.byAction, byStatus: report.counts.byStatus, requests: report.requests })}\n`);
