/**
 * `npm run fuzz`: the HTTP fuzz suite at scale (default 100,000 cases, in batches against fresh
 * targets so that one run's data does not slow the next). Prints the counts per status class.
 *   node --import tsx scripts/fuzz.ts [CASES] [BATCH]
 */
import { fuzzHttp } from '../test/fuzz/http-fuzz.js';

const total = Number(process.argv[2] ?? 100_000);
const batch = Number(process.argv[3] ?? 10_000);
const byStatus: Record<string, number> = {};
const started = performance.now();
let done = 0;
try {
  while (done < total) {
    const n = Math.min(batch, total - done);
    const result = await fuzzHttp(n, 1000 + done);
    for (const [k, v] of Object.entries(result.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + v;
    done += n;
    process.stderr.write(`${done}/${total} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  process.stdout.write(`fuzz: ${done} requests over HTTP in ${((performance.now() - started) / 1000).toFixed(0)} s, no 5xx, every 4xx a SCIM error, no pollution, target answering; by status ${JSON.stringify(byStatus)}\n`);
} catch (error) {
  process.stderr.write(`fuzz: FAILED after ${done} cases: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
