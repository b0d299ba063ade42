/**
 * @module bench/report
 * The benchmark's table: each scenario with req/s, p50/p99 latency and its ratio to the bare
 * express route, then the project's targets with a verdict each.
 */
import Table from 'cli-table3';
import type { Target as ServerTarget } from './scenarios.js';
import { median } from './paired.js';
import type { PairedResult, Round } from './paired.js';
import type { ToggledResult } from './toggled.js';

export interface ScenarioResult {
  name: string;
  target: ServerTarget;
  /** autocannon's concurrent connections for this row */
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
  non2xx: number;
}

export interface BenchReport {
  machine: { cpus: number; model: string; memoryBytes: number; node: string };
  command: string;
  settings: { users: number; durationSeconds: number; connections: number; lowConnections: number; rounds?: number; sliceSeconds?: number; switchSeconds?: number; switchSliceMs?: number };
  load: { users: number; startMs: number; seedMs: number | undefined; rssBytes: number | undefined };
  /** the durable target restarted on its snapshot: milliseconds from spawn to listening */
  durableReloadMs?: number;
  /** resident memory of every child once it has settled after loading, before the first scenario */
  settledRssBytes: Partial<Record<ServerTarget, number>>;
  /** resident memory of each 100k-user server child once every scenario has run */
  finalRssBytes: Partial<Record<ServerTarget, number>>;
  /** the largest RSS of a 100k-user child, sampled every 500 ms from settling to the end */
  peakRssBytes: number | undefined;
  /** that peak per child */
  peakRssByTarget: Partial<Record<ServerTarget, number>>;
  /** bench/patch-scale: PATCH costs on a large group and many values (one request each) */
  patchScale?: { name: string; ms: number }[];
  scenarios: ScenarioResult[];
  /** the ratios the targets are judged on, measured in paired rounds (bench/paired) */
  paired?: PairedResult[];
  /** costs measured in one process by switching a feature under load (bench/toggled): the journal, every quirk off */
  toggled?: ToggledResult[];
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean | undefined;
}

const MB = 1024 * 1024;
/** no ANSI colours: the table is pasted into reports and CI logs */
const PLAIN = { head: [], border: [] };

/** the bare route measured at the same concurrency as `row` (the reference of its ratio) */
function bareAt(report: BenchReport, connections: number): number {
  return report.scenarios.find((s) => s.target === 'bare' && s.connections === connections)?.requestsPerSecond ?? 0;
}

export function targets(report: BenchReport): Target[] {
  const row = (name: string) => report.scenarios.find((x) => x.name === name);
  const high = report.settings.connections;
  const low = report.settings.lowConnections;
  // A switched (bench/toggled) or paired measurement, when the run made one, is the verdict; the
  // table's rows were measured a minute or more apart and are kept for the absolute numbers.
  const measuredRatio = (name: string) => (report.toggled?.find((p) => p.name === name) ?? report.paired?.find((p) => p.name === name))?.medianRatio;
  const ratio = (name: string, paired: string) => {
    const measured = measuredRatio(paired);
    if (measured !== undefined) return measured;
    const s = row(name);
    const bare = s ? bareAt(report, s.connections) : 0;
    return s && bare > 0 ? s.requestsPerSecond / bare : undefined;
  };
  const filter = ratio('filter userName eq (indexed)', `indexed filter vs bare route (${high} connections)`);
  const filterLow = ratio(`filter userName eq (indexed, ${low} connections)`, `indexed filter vs bare route (${low} connections)`);
  const plain = row('filter userName eq (indexed)')?.requestsPerSecond;
  const slower = (paired: string, other: number | undefined) => {
    const measured = measuredRatio(paired);
    if (measured !== undefined) return 1 - measured;
    return plain && other !== undefined ? 1 - other / plain : undefined;
  };
  const overhead = slower('every quirk off vs plain (filter)', report.scenarios.find((x) => x.target === 'quirks')?.requestsPerSecond);
  const journalCost = slower('request journal on vs off (filter)', report.scenarios.find((x) => x.target === 'journal')?.requestsPerSecond);
  const post = report.scenarios.find((x) => x.name.startsWith('POST'));
  const postRatio = measuredRatio('durable POST vs bare route') ?? (post ? post.requestsPerSecond / (bareAt(report, post.connections) || Infinity) : undefined);
  const loadMs = report.load.seedMs ?? report.load.startMs;
  const rss = report.peakRssBytes ?? report.load.rssBytes;
  const pct = (r: number | undefined) => (r === undefined ? 'n/a' : `${(r * 100).toFixed(0)}%`);
  const within = (name: string, r: number | undefined) => ({ name, goal: '≤ 5% slower', value: r === undefined ? 'n/a' : `${(r * 100).toFixed(1)}%`, met: r === undefined ? undefined : r <= 0.05 });
  return [
    { name: `indexed filter vs bare route (${high} connections)`, goal: '≥ 75%', value: pct(filter), met: filter === undefined ? undefined : filter >= 0.75 },
    { name: `indexed filter vs bare route (${low} connections)`, goal: '≥ 75%', value: pct(filterLow), met: filterLow === undefined ? undefined : filterLow >= 0.75 },
    { name: 'durable POST vs bare route', goal: '≥ 50%', value: pct(postRatio), met: postRatio === undefined ? undefined : postRatio >= 0.5 },
    within('every quirk off vs plain (filter)', overhead),
    within('request journal on vs off (filter)', journalCost),
    { name: `load ${report.load.users} users`, goal: '< 15 s', value: `${(loadMs / 1000).toFixed(1)} s`, met: loadMs < 15_000 },
    ...(report.durableReloadMs === undefined ? [] : [{ name: `reload ${report.load.users} users from disk`, goal: '< 15 s', value: `${(report.durableReloadMs / 1000).toFixed(1)} s`, met: report.durableReloadMs < 15_000 }]),
    { name: 'server RSS (peak through the run)', goal: '< 400 MB', value: rss === undefined ? 'n/a' : `${(rss / MB).toFixed(0)} MB`, met: rss === undefined ? undefined : rss < 400 * MB },
  ];
}

function medianMicros(rounds: readonly Round[], key: 'subjectCpuMicros' | 'referenceCpuMicros'): string {
  return median(rounds.map((r) => r[key] ?? 0)).toFixed(0);
}

export function printReport(report: BenchReport, print: (line: string) => void): void {
  const m = report.machine;
  print(`machine: ${m.cpus} × ${m.model}, ${(m.memoryBytes / MB / 1024).toFixed(1)} GB, node ${m.node}`);
  print(`settings: ${report.settings.users} users, ${report.settings.connections} connections (and ${report.settings.lowConnections} where a row says so), ${report.settings.durationSeconds} s per scenario; journal off except the 'journal on' row`);
  const table = new Table({ head: ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'errors/non-2xx'], style: PLAIN });
  for (const s of report.scenarios) {
    const bare = bareAt(report, s.connections);
    table.push([
      s.name,
      s.requestsPerSecond.toFixed(0),
      String(s.p50Ms),
      String(s.p99Ms),
      bare > 0 ? `${((s.requestsPerSecond / bare) * 100).toFixed(0)}%` : 'n/a',
      `${s.errors}/${s.non2xx}`,
    ]);
  }
  print(table.toString());
  const rss = Object.entries(report.finalRssBytes).map(([target, bytes]) => `${target} ${(bytes / MB).toFixed(0)} MB`);
  const atLoad = report.load.rssBytes === undefined ? 'n/a' : `${(report.load.rssBytes / MB).toFixed(0)} MB`;
  const settled = Object.entries(report.settledRssBytes).map(([target, bytes]) => `${target} ${(bytes / MB).toFixed(0)} MB`);
  const peaks = Object.entries(report.peakRssByTarget).map(([target, bytes]) => `${target} ${(bytes / MB).toFixed(0)} MB`);
  print(`server RSS: memory ${atLoad} right after loading; settled: ${settled.join(', ') || 'n/a'}; peak: ${peaks.join(', ') || 'n/a'}; after the run: ${rss.join(', ') || 'n/a'}`);
  if (report.patchScale?.length) {
    const patches = new Table({ head: ['PATCH (bench/patch-scale, one request each)', 'ms'], style: PLAIN });
    for (const p of report.patchScale) patches.push([p.name, p.ms.toFixed(1)]);
    print(patches.toString());
  }
  if (report.paired?.length) {
    const pairs = new Table({ head: ['paired ratio (subject / reference)', 'rounds: req/s', 'median', 'server CPU per request (median ratio)'], style: PLAIN });
    for (const p of report.paired) {
      const cpu = p.medianCpuRatio === undefined ? 'n/a' : `${(p.medianCpuRatio * 100).toFixed(0)}% (${medianMicros(p.rounds, 'subjectCpuMicros')} vs ${medianMicros(p.rounds, 'referenceCpuMicros')} µs)`;
      pairs.push([p.name, p.rounds.map((r) => `${r.subject.toFixed(0)}/${r.reference.toFixed(0)}=${(r.ratio * 100).toFixed(0)}%`).join(' '), `${(p.medianRatio * 100).toFixed(1)}%`, cpu]);
    }
    print(`paired ratios: ${report.settings.rounds ?? '?'} rounds of ${report.settings.sliceSeconds ?? '?'} s runs, reference and subject back to back (ABBA order); the targets below take the median; the last column is the servers' CPU time per request (user + system, from /proc), reference over subject: what a request costs the server, apart from how fast the load generator on the same cores could send`);
    print(pairs.toString());
  }
  if (report.toggled?.length) {
    const switched = new Table({ head: ['switched in one process (on / off)', 'pairs', 'median', 'server CPU per request, every slice pooled (off / on)'], style: PLAIN });
    for (const t of report.toggled) {
      const cpu = t.cpu === undefined ? 'n/a' : `${(t.cpu.ratio * 100).toFixed(1)}% (${t.cpu.onMicros.toFixed(1)} vs ${t.cpu.offMicros.toFixed(1)} µs)`;
      const below = t.pairs.filter((p) => p.ratio < 1).length;
      switched.push([t.name, `${t.pairs.length} (${below} slower on, ${t.pairs.length - below} not)`, `${(t.medianRatio * 100).toFixed(1)}%`, cpu]);
    }
    print(`switched ratios: ${report.settings.switchSeconds ?? '?'} s of load without a break, the feature switched every ${report.settings.switchSliceMs ?? '?'} ms in a random order within each pair of slices; the target takes the median of the pairs' on / off rates`);
    print(switched.toString());
  }
  const goals = new Table({ head: ['target', 'goal', 'measured', 'met'], style: PLAIN });
  for (const t of targets(report)) goals.push([t.name, t.goal, t.value, t.met === undefined ? '?' : t.met ? 'yes' : 'NO']);
  print(goals.toString());
}
