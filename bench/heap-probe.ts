/**
 * @module bench/heap-probe
 * Where a 100k-user target's memory goes under sustained load (not a test, not in npm run bench):
 * runs each bench scenario against one `serve --memory` child and prints its RSS after each, and
 * with `--snapshots DIR` writes a heap snapshot at rest and after the load (SIGUSR2 →
 * --heapsnapshot-signal) to compare (DevTools' Memory tab, Comparison view, or any summariser).
 *   node --import tsx bench/heap-probe.ts [--users 100000] [--seconds 8] [--snapshots DIR] [-- serve flags…]
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { nodeArgs, rssBytes, settle, startChild } from './child.js';
import { scenarios } from './scenarios.js';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const users = Number(flag('--users', '100000'));
const seconds = Number(flag('--seconds', '8'));
const connections = Number(flag('--connections', '50'));
const snapshots = argv.includes('--snapshots') ? flag('--snapshots', '.') : undefined;
const extra = argv.includes('--') ? argv.slice(argv.indexOf('--') + 1) : [];
const TOKEN = 'bench-token';
const MB = 1024 * 1024;

const node = snapshots ? [`--heapsnapshot-signal=SIGUSR2`, `--diagnostic-dir=${snapshots}`] : [];
const child = await startChild([...node, ...nodeArgs('cli/index'), 'serve', '--port', '0', '--token', TOKEN, '--memory', '--seed-users', String(users), ...extra]);
const pid = child.process.pid!;
const rss = () => `${((rssBytes(pid) ?? 0) / MB).toFixed(0)} MB`;
async function snapshot(label: string): Promise<void> {
  if (!snapshots) return;
  const before = readdirSync(snapshots).filter((f) => f.endsWith('.heapsnapshot')).length;
  child.process.kill('SIGUSR2');
  const files = () => readdirSync(snapshots).filter((f) => f.endsWith('.heapsnapshot')).sort();
  while (files().length <= before) await new Promise((r) => setTimeout(r, 500));
  // written in place: done once its size holds for two seconds
  const file = join(snapshots, files().at(-1)!);
  let size = -1;
  while (size !== (size = statSync(file).size) || size === 0) await new Promise((r) => setTimeout(r, 2000));
  process.stdout.write(`snapshot ${label} written\n`);
}
try {
  process.stdout.write(`loaded: ${rss()}\n`);
  await settle(pid);
  process.stdout.write(`settled: ${rss()}\n`);
  await snapshot('at rest');
  const res = await fetch(`${child.url}/Users?count=250&attributes=userName`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const list = (await res.json()) as { Resources: { id: string; userName: string }[] };
  const sample = { ids: list.Resources.map((u) => u.id), userNames: list.Resources.map((u) => u.userName) };
  const origin = new URL(child.url).origin;
  for (const s of scenarios(sample, TOKEN).filter((x) => x.target !== 'bare' && x.target !== 'quirks')) {
    const r = await autocannon({ url: origin, connections, duration: seconds, requests: s.requests });
    process.stdout.write(`${s.name}: ${r.requests.average.toFixed(0)} req/s, RSS ${rss()}\n`);
  }
  await settle(pid);
  process.stdout.write(`settled after load: ${rss()}\n`);
  await snapshot('after load');
} finally {
  await child.stop();
}
