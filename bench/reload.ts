/**
 * @module bench/reload
 * A durable store reloaded at 1,000,000 users (not a test: numbers, no assertions): seed N users
 * into a durable store, close it (the snapshot), then open the files in a fresh process and report
 * the reload time and that process's RSS. The snapshot used to be read as one string, which fails
 * past ~500k users (V8's string limit).
 *   node --import tsx bench/reload.ts [N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableStore } from '../server/store/durable-store.js';
import { seedUsers } from '../server/seed/seed-users.js';

const BASE = 'http://127.0.0.1:8080/scim/v2';
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

if (process.argv[2] === '--open') {
  // the child: open, settle, report
  const started = performance.now();
  const store = await createDurableStore({ file: process.argv[3]!, baseUrl: BASE });
  const ms = performance.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write(`${JSON.stringify({ ms, users: store.count('User'), groups: store.count('Group'), rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed })}\n`);
  // released without a final snapshot (nothing changed)
  await store.close();
} else {
  const n = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'scimulator-reload-'));
  const file = join(dir, 'db.json');
  try {
    let started = performance.now();
    const store = await createDurableStore({ file, baseUrl: BASE, compactAfterEntries: Number.MAX_SAFE_INTEGER, compactAfterBytes: Number.MAX_SAFE_INTEGER });
    await seedUsers(store, n);
    process.stdout.write(`seeded ${n} users durably in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    started = performance.now();
    await store.close();
    process.stdout.write(`close (snapshot) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${mb(statSync(file).size)}\n`);
    const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', import.meta.filename, '--open', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; users: number; groups: number; rss: number; heapUsed: number };
    process.stdout.write(`reload of ${r.users} users and ${r.groups} groups in a fresh process: ${(r.ms / 1000).toFixed(1)} s, rss ${mb(r.rss)}, heapUsed ${mb(r.heapUsed)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
