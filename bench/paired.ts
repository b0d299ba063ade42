/**
 * @module bench/paired
 * A ratio measured as pairs of short runs side by side in time. On a shared or virtualised machine
 * the speed of the cores drifts by tens of percent within a minute (measured here: the identical
 * filter request cost the server 180-410 µs of CPU from one 2 s run to the next), so a ratio of
 * two rows measured a minute apart says more about the drift than about the code. Each round runs
 * the reference and the subject back to back, in ABBA order (even rounds reference first, odd
 * rounds subject first), and the verdict takes the median of the rounds' ratios.
 */
import { load } from './load.js';
import type { Scenario } from './scenarios.js';

export interface Comparison {
  readonly name: string;
  readonly reference: Scenario;
  readonly subject: Scenario;
  readonly connections: number;
}

export interface Round {
  readonly reference: number;
  readonly subject: number;
  /** subject / reference, in requests per second */
  readonly ratio: number;
  /** the servers' CPU time per request (user + system, µs), when /proc tells */
  readonly referenceCpuMicros?: number;
  readonly subjectCpuMicros?: number;
}

export interface PairedResult {
  readonly name: string;
  readonly connections: number;
  readonly rounds: readonly Round[];
  readonly medianRatio: number;
  /**
   * reference CPU per request / subject CPU per request, median of the rounds: what the subject
   * costs the server, apart from how fast the load generator sharing the cores could send
   */
  readonly medianCpuRatio?: number;
}

export interface PairedSettings {
  readonly rounds: number;
  /** seconds measured per run (each run is preceded by a one-second warm-up) */
  readonly seconds: number;
  /** base URL of the server behind each scenario's target */
  readonly origin: (scenario: Scenario) => string;
  /** CPU time used so far by the server behind a scenario, in µs (bench/child cpuMicros) */
  readonly cpu?: (scenario: Scenario) => number | undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** the rounds' ratios folded into the verdict's number (pure, so the report and the tests agree) */
export function pairedResult(name: string, connections: number, rounds: readonly Round[]): PairedResult {
  const cpu = rounds.flatMap((r) => (r.referenceCpuMicros && r.subjectCpuMicros ? [r.referenceCpuMicros / r.subjectCpuMicros] : []));
  return { name, connections, rounds, medianRatio: median(rounds.map((r) => r.ratio)), ...(cpu.length === rounds.length && cpu.length > 0 ? { medianCpuRatio: median(cpu) } : {}) };
}

export async function measurePaired(comparison: Comparison, settings: PairedSettings): Promise<PairedResult> {
  interface Run { rate: number; cpuMicros?: number }
  const run = async (scenario: Scenario): Promise<Run> => {
    const options = { url: settings.origin(scenario), connections: comparison.connections, requests: scenario.requests };
    // a scenario that creates resources runs a fixed number of requests (bench/scenarios amount)
    await load({ ...options, duration: 1 }, scenario.amount && Math.ceil(scenario.amount.paired / 3));
    const before = settings.cpu?.(scenario);
    const { result, rate } = await load({ ...options, duration: settings.seconds }, scenario.amount?.paired);
    const after = settings.cpu?.(scenario);
    const total = result.requests.total;
    return before !== undefined && after !== undefined && total > 0 ? { rate, cpuMicros: (after - before) / total } : { rate };
  };
  const rounds: Round[] = [];
  for (let i = 0; i < settings.rounds; i++) {
    let reference: Run;
    let subject: Run;
    if (i % 2 === 0) {
      reference = await run(comparison.reference);
      subject = await run(comparison.subject);
    } else {
      subject = await run(comparison.subject);
      reference = await run(comparison.reference);
    }
    rounds.push({
      reference: reference.rate,
      subject: subject.rate,
      ratio: reference.rate > 0 ? subject.rate / reference.rate : 0,
      ...(reference.cpuMicros !== undefined && subject.cpuMicros !== undefined ? { referenceCpuMicros: reference.cpuMicros, subjectCpuMicros: subject.cpuMicros } : {}),
    });
  }
  return pairedResult(comparison.name, comparison.connections, rounds);
}
