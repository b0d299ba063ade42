/**
 * @module bench/index
 * `npm run bench`: throughput and latency of the mock target with 100,000 users, against a bare
 * express 5 route on the same machine. Not a test: it prints a table (and `--json FILE`) with the
 * ratios the project targets. Every server runs in its own child process; autocannon runs here.
 *
 *   node dist/bench/index.js [--users 100000] [--duration 6] [--connections 50] [--json FILE]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { nodeArgs, rssBytes, startChild } from './child.js';
import type { Child } from './child.js';
import { scenarios } from './scenarios.js';
import type { Sample } from './scenarios.js';
import { printReport } from './report.js';
import type { BenchReport, ScenarioResult } from './report.js';

interface Args {
  users: number;
  duration: number;
  connections: number;
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { users: 100_000, duration: 6, connections: 50 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--json') args.json = value;
    else if (flag === '--users' || flag === '--duration' || flag === '--connections') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer`);
      args[flag.slice(2) as 'users' | 'duration' | 'connections'] = n;
    } else throw new Error(`unknown flag ${flag}`);
  }
  return args;
}

const TOKEN = 'bench-token';

async function sampleUsers(baseUrl: string, users: number): Promise<Sample> {
  const ids: string[] = [];
  const userNames: string[] = [];
  const step = Math.max(1, Math.floor(users / 4));
  for (let start = 1; start <= users; start += step) {
    const res = await fetch(`${baseUrl}/Users?startIndex=${start}&count=250&attributes=userName`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    if (!res.ok) throw new Error(`sampling users failed: HTTP ${res.status} ${await res.text()}`);
    const list = (await res.json()) as { Resources: { id: string; userName: string }[] };
    for (const user of list.Resources) {
      ids.push(user.id);
      userNames.push(user.userName);
    }
  }
  if (ids.length === 0) throw new Error('the seeded server returned no users');
  return { ids, userNames };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dbDir = mkdtempSync(join(tmpdir(), 'scimulator-bench-'));
  const children: Child[] = [];
  try {
    const serve = nodeArgs('cli/index');
    const bare = await startChild(nodeArgs('bench/bare-server'));
    children.push(bare);
    process.stderr.write(`seeding ${args.users} users…\n`);
    const memory = await startChild([...serve, 'serve', '--memory', '--port', '0', '--token', TOKEN, '--seed-users', String(args.users)]);
    children.push(memory);
    const loadRss = rssBytes(memory.process.pid!);
    const durable = await startChild([...serve, 'serve', '--db', join(dbDir, 'target.db.json'), '--port', '0', '--token', TOKEN]);
    children.push(durable);

    const sample = await sampleUsers(memory.url, args.users);
    const origins = { bare: new URL(bare.url).origin, memory: new URL(memory.url).origin, durable: new URL(durable.url).origin };
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios(sample, TOKEN)) {
      process.stderr.write(`${scenario.name}…\n`);
      const url = origins[scenario.target];
      await autocannon({ url, connections: args.connections, duration: 1, requests: scenario.requests });
      const r = await autocannon({ url, connections: args.connections, duration: args.duration, requests: scenario.requests });
      results.push({
        name: scenario.name,
        target: scenario.target,
        requestsPerSecond: r.requests.average,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        total: r.requests.total,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
      });
    }
    const report: BenchReport = {
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version },
      command: `node ${process.argv.slice(1).join(' ')}`,
      settings: { users: args.users, durationSeconds: args.duration, connections: args.connections },
      load: { users: args.users, startMs: memory.startMs, seedMs: parseSeedMs(memory.banner), rssBytes: loadRss },
      peakRssBytes: rssBytes(memory.process.pid!),
      scenarios: results,
    };
    printReport(report, (line) => process.stdout.write(`${line}\n`));
    if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dbDir, { recursive: true, force: true });
  }
}

/** `serve --seed-users` prints `seeded N users in X ms` */
function parseSeedMs(banner: readonly string[]): number | undefined {
  for (const line of banner) {
    const match = /seeded \d+ users in (\d+(?:\.\d+)?) ms/.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
