/**
 * @module bench/store
 * Measures the durable store at 100k users (not a test: numbers, no assertions).
 * Run: node --expose-gc --import tsx bench/store.ts [N] [WRITERS]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDurableStore } from '../server/store/durable-store.js';
import { createMemoryStore } from '../server/store/memory-store.js';
import { seedUsers } from '../server/seed/seed-users.js';
import { createRandom } from '../server/seed/prng.js';
import { syntheticUser } from '../server/seed/synthetic-directory.js';

const N = Number(process.argv[2] ?? 100_000);
const WRITERS = Number(process.argv[3] ?? 64);
const BASE = 'http://127.0.0.1:8080/scim/v2';
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function settle(): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
  }
  return process.memoryUsage();
}

const dir = mkdtempSync(join(tmpdir(), 'scimulator-bench-'));
const file = join(dir, 'db.json');
const random = createRandom(1);
const taken = new Set<string>();
const inputs = Array.from({ length: N }, (_, i) => syntheticUser(random, i, { taken, managers: [] }));

// 1. N durable creates with WRITERS concurrent writers (default compaction thresholds)
let store: Awaited<ReturnType<typeof createDurableStore>> | undefined = await createDurableStore({ file, baseUrl: BASE });
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
let next = 0;
let t = performance.now();
await Promise.all(Array.from({ length: WRITERS }, async () => {
  while (next < N) await store!.create('User', inputs[next++]);
}));
const createMs = performance.now() - t;
delay.disable();
const s1 = store.stats!();
console.log(`create ${N} users durably, ${WRITERS} writers: ${(createMs / 1000).toFixed(2)} s (${Math.round(N / (createMs / 1000))}/s), ` +
  `${s1.journalWrites} fdatasyncs (${(N / s1.journalWrites).toFixed(1)} mutations each), ${s1.snapshots} compactions, ` +
  `event-loop delay max ${delay.max / 1e6 | 0} ms p99 ${delay.percentile(99) / 1e6 | 0} ms`);

// 2. the snapshot at N (close() compacts), and event-loop stalls while it is written
const mem = await settle();
console.log(`in memory with ${N} users: rss ${mb(mem.rss)}, heapUsed ${mb(mem.heapUsed)}`);
const stall = monitorEventLoopDelay({ resolution: 1 });
stall.enable();
t = performance.now();
await store.close();
stall.disable();
const snapshotMs = store.stats!().lastSnapshotMs;
store = undefined;
inputs.length = 0;
console.log(`close() with final snapshot: ${(performance.now() - t).toFixed(0)} ms; snapshot write ${snapshotMs?.toFixed(0)} ms, ` +
  `${mb(statSync(file).size)}; longest event-loop stall ${(stall.max / 1e6).toFixed(0)} ms`);

// 3. open + replay at N
t = performance.now();
const reopened = await createDurableStore({ file, baseUrl: BASE });
console.log(`open (snapshot load + index rebuild) at ${reopened.count('User')} users: ${(performance.now() - t).toFixed(0)} ms`);
const mem2 = await settle();
console.log(`after open: rss ${mb(mem2.rss)}, heapUsed ${mb(mem2.heapUsed)}`);
// journal replay: 10k creates in the journal, no close (crash image), reopen
for (let i = 0; i < 10_000; i += WRITERS) {
  await Promise.all(Array.from({ length: Math.min(WRITERS, 10_000 - i) }, (_, k) =>
    reopened.create('User', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `extra${i + k}@example.com` })));
}
t = performance.now();
// (reopened is abandoned without close(), as after kill -9)
const crashed = await createDurableStore({ file, baseUrl: BASE });
console.log(`open after a crash with 10k journal lines over the snapshot: ${(performance.now() - t).toFixed(0)} ms (${crashed.count('User')} users)`);
await crashed.close();
rmSync(dir, { recursive: true, force: true });

// 4. seeding N users into a memory store (the --seed-users path)
const memory = createMemoryStore({ baseUrl: BASE });
t = performance.now();
const seeded = await seedUsers(memory, N, { seed: 7 });
console.log(`seedUsers(${N}) into memory: ${(performance.now() - t).toFixed(0)} ms (${seeded.groups} groups, ${seeded.memberships} memberships)`);

// 5. frozen records handed out as they are vs a copy per read
const all = memory.query('User');
t = performance.now();
for (let i = 0; i < 10; i++) for (const u of all) memory.get('User', u.id);
const frozenMs = (performance.now() - t) / 10;
t = performance.now();
for (const u of all) structuredClone(memory.get('User', u.id));
const cloneMs = performance.now() - t;
console.log(`get() of all ${N} users: ${frozenMs.toFixed(0)} ms frozen as stored vs ${cloneMs.toFixed(0)} ms with structuredClone per read`);
