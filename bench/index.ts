/**
 * @module bench/index
 * `npm run bench`: throughput and latency of the mock target with 100,000 users, against a bare
 * express 5 route on the same machine, then (unless --no-engine) the provisioning engine's cycles
 * (bench/engine, in a process of its own). Not a test: it prints a table (and `--json FILE`) with the
 * ratios the project targets. Every server runs in its own child process; autocannon runs here.
 * Targets: the plain memory store, the same with a quirk runtime whose quirks are all off, and the
 * durable store restarted on its files, all with the request journal off (`--no-journal`), and the
 * memory store as a plain `serve` runs it, journal on; each holds the seeded users. The indexed
 * filter and the bare route are measured at `--connections` and at 10. RSS is read from /proc
 * after loading, once every child has settled, every 500 ms through the run (the peak) and after
 * the last scenario. The ratios the targets are judged on (filter vs bare at both concurrencies,
 * durable POST) are measured again as paired rounds (bench/paired): the machine's speed drifts too
 * much between table rows a minute apart. The costs judged against a few percent (the journal on,
 * every quirk off) are measured inside one child, the feature switched on and off under load
 * (bench/toggled): a few percent is lost in the spread between two processes. Then bench/patch-scale (a 50,000-member group, one member added or removed
 * per PATCH) runs in a child of its own.
 *
 * Fairness: the children start one after another, so the first one seeded used to be measured
 * while the others were still seeding or it was still collecting its own seeding garbage (its
 * filter row scored 5-10 points below the identical quirks-off row). Every child now settles
 * (idle, RSS steady) before the first scenario, every scenario gets the same 2 s warm-up, and
 * every scenario is measured in two halves, in list order and then in reverse order.
 *
 *   node dist/bench/index.js [--users 100000] [--duration 6] [--connections 50] [--rounds 9] [--slice 2] [--switch-seconds 30] [--json FILE]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { integerArgument } from '../cli/arguments.js';
import { cpuMicros, nodeArgs, rssBytes, runToEnd, settle, startChild } from './child.js';
import type { Child } from './child.js';
import { LOW_CONNECTIONS, scenarios } from './scenarios.js';
import type { Sample, Scenario, Target } from './scenarios.js';
import { printReport } from './report.js';
import { measurePaired } from './paired.js';
import { measureToggled } from './toggled.js';
import type { ToggledResult } from './toggled.js';
import { load } from './load.js';
import type { Run } from './load.js';
import type { Comparison, PairedResult } from './paired.js';
import type { BenchReport, ScenarioResult } from './report.js';

interface Args {
  users: number;
  duration: number;
  connections: number;
  json?: string;
  /** rounds and seconds per run of the paired ratios (bench/paired) */
  rounds: number;
  slice: number;
  /** seconds of each switched measurement (bench/toggled): the journal, then the quirk runtime */
  switchSeconds: number;
  /** run bench/engine afterwards with these directory sizes */
  engineUsers?: string;
}

/** The CLI's own argument parser (commander), so `npm run bench -- --help` prints usage. */
function parseArgs(argv: string[]): Args {
  const program = new Command()
    .name('npm run bench --')
    .description('throughput and latency of scimulator serve under autocannon, list order then reverse order')
    .addOption(new Option('--users <n>', 'users seeded into the target').default(100_000).argParser(integerArgument('--users', 1, 10_000_000)))
    .addOption(new Option('--duration <s>', 'seconds measured per scenario half').default(6).argParser(integerArgument('--duration', 1, 3600)))
    .addOption(new Option('--connections <n>', 'concurrent connections').default(50).argParser(integerArgument('--connections', 1, 10_000)))
    .addOption(new Option('--rounds <n>', 'rounds of each paired ratio (reference and subject back to back, ABBA order)').default(9).argParser(integerArgument('--rounds', 1, 100)))
    .addOption(new Option('--slice <s>', 'seconds measured per run of a paired ratio').default(2).argParser(integerArgument('--slice', 1, 600)))
    .addOption(new Option('--switch-seconds <s>', 'seconds of load while the journal (and then the quirk runtime) is switched on and off in one process').default(30).argParser(integerArgument('--switch-seconds', 1, 3600)))
    .option('--json <file>', 'also write the results as JSON to this file')
    .option('--engine-users <list>', 'directory sizes for the engine bench that follows (bench/engine)', '10000,100000')
    .option('--no-engine', 'measure the target only, not the provisioning engine')
    .exitOverride()
    .parse(argv, { from: 'user' });
  const opts = program.opts<{ users: number; duration: number; connections: number; rounds: number; slice: number; switchSeconds: number; json?: string; engine: boolean; engineUsers: string }>();
  return {
    users: opts.users, duration: opts.duration, connections: opts.connections, rounds: opts.rounds, slice: opts.slice, switchSeconds: opts.switchSeconds, ...(opts.json ? { json: opts.json } : {}),
    ...(opts.engine ? { engineUsers: opts.engineUsers } : {}),
  };
}

const TOKEN = 'bench-token';
/** the children that hold the seeded users (the bare route holds nothing) */
const HUNDRED_K = ['memory', 'quirks', 'durable', 'journal'] as const;
/** issue 11: "Put a 50,000-member group in the bench" */
const PATCH_SCALE_GROUP = 50_000;
const WARM_UP_SECONDS = 2;
/** each slice of a switched measurement */
const SWITCH_SLICE_MS = 250;
const JOURNAL_COST = 'request journal on vs off (filter)';
const QUIRKS_COST = 'every quirk off vs plain (filter)';
const ALL_OFF_PROFILE = { description: 'every quirk off' };

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
    const serve = [...nodeArgs('cli/index'), 'serve', '--port', '0', '--token', TOKEN, '--no-journal'];
    // the journal is on by default: this child is `serve` as a user runs it
    const journaled = [...nodeArgs('cli/index'), 'serve', '--port', '0', '--token', TOKEN];
    const seed = ['--seed-users', String(args.users)];
    const bare = await startChild(nodeArgs('bench/bare-server'));
    children.push(bare);
    process.stderr.write(`seeding ${args.users} users…\n`);
    const memory = await startChild([...serve, '--memory', ...seed]);
    children.push(memory);
    const loadRss = rssBytes(memory.process.pid!);
    // The quirk runtime with every quirk off, to hold its overhead to the plain target's.
    const profile = join(dbDir, 'all-off.json');
    writeFileSync(profile, `${JSON.stringify(ALL_OFF_PROFILE)}\n`);
    const quirks = await startChild([...serve, '--memory', '--quirks', profile, ...seed]);
    children.push(quirks);
    // The durable target holds the same 100k users, loaded from its files as after a restart:
    // seed, stop (which writes the snapshot), start again on the same files.
    const db = ['--db', join(dbDir, 'target.db.json')];
    process.stderr.write(`seeding and reloading the durable store…\n`);
    await (await startChild([...serve, ...db, ...seed])).stop();
    const durable = await startChild([...serve, ...db]);
    children.push(durable);
    const journal = await startChild([...journaled, '--memory', ...seed]);
    children.push(journal);

    const sample = await sampleUsers(memory.url, args.users);
    const servers = { bare, memory, quirks, durable, journal };
    const origins = Object.fromEntries(Object.entries(servers).map(([name, child]) => [name, new URL(child.url).origin])) as Record<Target, string>;
    process.stderr.write('letting every server settle…\n');
    const settledRssBytes: BenchReport['settledRssBytes'] = {};
    await Promise.all((Object.entries(servers) as [Target, Child][]).map(async ([name, child]) => {
      const bytes = await settle(child.process.pid!);
      if (bytes !== undefined) settledRssBytes[name] = bytes;
    }));
    // Each scenario runs in two halves, the first pass in list order and the second in reverse,
    // so that no scenario owns the slot right after another's load (measured: the filter row
    // run second scored 5-10 points below the identical one run third, whichever server it was).
    const list = scenarios(sample, TOKEN);
    const halves = new Map<Scenario, Run[]>();
    const paired: PairedResult[] = [];
    const toggled: ToggledResult[] = [];
    const half = args.duration / 2;
    // the peak RSS of every 100k-user child through the whole run, not only at its ends
    const peakRssBytes: BenchReport['peakRssByTarget'] = {};
    const sampleRss = () => {
      for (const name of HUNDRED_K) {
        const bytes = rssBytes(servers[name].process.pid!);
        if (bytes !== undefined) peakRssBytes[name] = Math.max(peakRssBytes[name] ?? 0, bytes);
      }
    };
    sampleRss();
    const sampler = setInterval(sampleRss, 500);
    try {
      for (const scenario of [...list, ...[...list].reverse()]) {
        process.stderr.write(`${scenario.name}…\n`);
        const url = origins[scenario.target];
        const connections = scenario.connections ?? args.connections;
        // a scenario that creates resources runs a fixed number of requests (bench/scenarios amount)
        await load({ url, connections, duration: WARM_UP_SECONDS, requests: scenario.requests }, scenario.amount?.warmUp);
        const r = await load({ url, connections, duration: half, requests: scenario.requests }, scenario.amount?.half);
        halves.set(scenario, [...(halves.get(scenario) ?? []), r]);
      }
      for (const comparison of comparisons(list, args.connections)) {
        process.stderr.write(`${comparison.name}: ${args.rounds} paired rounds…\n`);
        paired.push(await measurePaired(comparison, {
          rounds: args.rounds,
          seconds: args.slice,
          origin: (scenario) => origins[scenario.target],
          cpu: (scenario) => cpuMicros(servers[scenario.target].process.pid!),
        }));
      }
      // the journal: recording paused and resumed; the quirk runtime: dropped and put back
      const switched = [
        { name: JOURNAL_COST, target: 'journal', toggle: (on: boolean) => admin(origins.journal, 'PUT', '/journal', { recording: on }) },
        { name: QUIRKS_COST, target: 'quirks', toggle: (on: boolean) => (on ? admin(origins.quirks, 'PUT', '/quirks', ALL_OFF_PROFILE) : admin(origins.quirks, 'DELETE', '/quirks')) },
      ] as const;
      for (const { name, target, toggle } of switched) {
        process.stderr.write(`${name}: ${args.switchSeconds} s switched every ${SWITCH_SLICE_MS} ms…\n`);
        toggled.push(await measureToggled({
          name,
          origin: origins[target],
          // the same rotation of userNames as the child's filter row
          requests: scenarioOn(list, args.connections, target, args.connections, true).requests,
          connections: args.connections,
          seconds: args.switchSeconds,
          sliceMs: SWITCH_SLICE_MS,
          toggle,
          cpu: () => cpuMicros(servers[target].process.pid!),
        }));
      }
    } finally {
      clearInterval(sampler);
    }
    sampleRss();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const results: ScenarioResult[] = list.map((scenario) => {
      const rs = halves.get(scenario)!;
      return {
        name: scenario.name,
        target: scenario.target,
        connections: scenario.connections ?? args.connections,
        requestsPerSecond: mean(rs.map((r) => r.rate)),
        // the mean of the two halves' percentiles
        p50Ms: mean(rs.map((r) => r.result.latency.p50)),
        p99Ms: mean(rs.map((r) => r.result.latency.p99)),
        total: rs.reduce((n, r) => n + r.result.requests.total, 0),
        errors: rs.reduce((n, r) => n + r.result.errors + r.result.timeouts, 0),
        non2xx: rs.reduce((n, r) => n + r.result.non2xx, 0),
      };
    });
    const finalRssBytes: BenchReport['finalRssBytes'] = {};
    for (const name of HUNDRED_K) {
      const bytes = rssBytes(servers[name].process.pid!);
      if (bytes !== undefined) finalRssBytes[name] = bytes;
    }
    const report: BenchReport = {
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version },
      command: `node ${process.argv.slice(1).join(' ')}`,
      settings: { users: args.users, durationSeconds: args.duration, connections: args.connections, lowConnections: LOW_CONNECTIONS, rounds: args.rounds, sliceSeconds: args.slice, switchSeconds: args.switchSeconds, switchSliceMs: SWITCH_SLICE_MS },
      load: { users: args.users, startMs: memory.startMs, seedMs: parseSeedMs(memory.banner), rssBytes: loadRss },
      durableReloadMs: durable.startMs,
      settledRssBytes,
      finalRssBytes,
      peakRssBytes: [...Object.values(peakRssBytes), ...HUNDRED_K.map((name) => settledRssBytes[name])].reduce<number | undefined>((max, b) => (b === undefined ? max : Math.max(max ?? 0, b)), undefined),
      peakRssByTarget: peakRssBytes,
      scenarios: results,
      paired,
      toggled,
    };
    // the large-group PATCHes run on their own, after every 100k-user child has stopped
    await Promise.all(children.splice(0).map((c) => c.stop()));
    process.stderr.write(`PATCH costs on a ${PATCH_SCALE_GROUP}-member group…\n`);
    report.patchScale = parsePatchScale(await runToEnd([...nodeArgs('bench/patch-scale'), '--group', String(PATCH_SCALE_GROUP)]));
    printReport(report, (line) => process.stdout.write(`${line}\n`));
    if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    if (args.engineUsers) {
      // its own process, so the engine's RSS is its own
      process.stdout.write('\n');
      await runInherited([...nodeArgs('bench/engine'), '--users', args.engineUsers]);
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dbDir, { recursive: true, force: true });
  }
}

/**
 * The ratios the targets are judged on, each measured as paired rounds (bench/paired): the indexed
 * filter against the bare route at both concurrencies, and the durable POST. What the journal and
 * a quirk runtime with every quirk off cost is measured in one process instead (bench/toggled).
 */
function comparisons(list: readonly Scenario[], connections: number): Comparison[] {
  const find = (target: Target, connectionCount: number, filter: boolean) => scenarioOn(list, connections, target, connectionCount, filter);
  return [
    { name: `indexed filter vs bare route (${connections} connections)`, reference: find('bare', connections, false), subject: find('memory', connections, true), connections },
    { name: `indexed filter vs bare route (${LOW_CONNECTIONS} connections)`, reference: find('bare', LOW_CONNECTIONS, false), subject: find('memory', LOW_CONNECTIONS, true), connections: LOW_CONNECTIONS },
    { name: 'durable POST vs bare route', reference: find('bare', connections, false), subject: post(list), connections },
  ];
}

/** a child's filter row (filter: true) or its other row at a connection count (`connections`: the run's default) */
function scenarioOn(list: readonly Scenario[], connections: number, target: Target, connectionCount: number, filter: boolean): Scenario {
  const scenario = list.find((s) => s.target === target && (s.connections ?? connections) === connectionCount && s.name.startsWith('filter') === filter);
  if (!scenario) throw new Error(`bench: no ${filter ? 'filter' : 'bare'} scenario on ${target} at ${connectionCount} connections`);
  return scenario;
}

/** one call to the admin API (server/routes/admin): the switches of bench/toggled */
async function admin(origin: string, method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${origin}/_admin${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} /_admin${path} failed: HTTP ${res.status} ${await res.text()}`);
}

function post(list: readonly Scenario[]): Scenario {
  const scenario = list.find((s) => s.target === 'durable' && s.requests[0]?.method === 'POST');
  if (!scenario) throw new Error('bench: no POST scenario on the durable target');
  return scenario;
}

function runInherited(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** bench/patch-scale prints one `name   12.3 ms` line per measurement */
function parsePatchScale(lines: readonly string[]): NonNullable<BenchReport['patchScale']> {
  return lines.flatMap((line) => {
    const match = /^(.*\S)\s+(\d+(?:\.\d+)?) ms$/.exec(line);
    return match ? [{ name: match[1]!, ms: Number(match[2]) }] : [];
  });
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
  // --help is "an error" to commander that has already printed the usage; a bad flag has printed its line
  if (error instanceof CommanderError) {
    process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.help' ? 0 : 2;
    return;
  }
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
