/**
 * @module bench/paired
 * A ratio measured as pairs of short runs side by side in time. On a shared or virtualised machine
 * the speed of the cores drifts by tens of percent within a minute (measured here: the identical
 * filter request cost the server 180-410 µs of CPU from one 2 s run to the next), so a ratio of
 * two rows measured a minute apart says more about the drift than about the code. Each round runs
 * the reference and the subject back to back, in ABBA order (even rounds reference first, odd
 * rounds subject first), and the verdict takes the median of the rounds' ratios.
 */
import autocannon from 'autocannon';
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
}

export interface PairedResult {
  readonly name: string;
  readonly connections: number;
  readonly rounds: readonly Round[];
  readonly medianRatio: number;
}

export interface PairedSettings {
  readonly rounds: number;
  /** seconds measured per run (each run is preceded by a one-second warm-up) */
  readonly seconds: number;
  /** base URL of the server behind each scenario's target */
  readonly origin: (scenario: Scenario) => string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** the rounds' ratios folded into the verdict's number (pure, so the report and the tests agree) */
export function pairedResult(name: string, connections: number, rounds: readonly Round[]): PairedResult {
  return { name, connections, rounds, medianRatio: median(rounds.map((r) => r.ratio)) };
}

export async function measurePaired(comparison: Comparison, settings: PairedSettings): Promise<PairedResult> {
  const run = async (scenario: Scenario): Promise<number> => {
    const options = { url: settings.origin(scenario), connections: comparison.connections, requests: scenario.requests };
    await autocannon({ ...options, duration: 1 });
    return (await autocannon({ ...options, duration: settings.seconds })).requests.average;
  };
  const rounds: Round[] = [];
  for (let i = 0; i < settings.rounds; i++) {
    let reference: number;
    let subject: number;
    if (i % 2 === 0) {
      reference = await run(comparison.reference);
      subject = await run(comparison.subject);
    } else {
      subject = await run(comparison.subject);
      reference = await run(comparison.reference);
    }
    rounds.push({ reference, subject, ratio: reference > 0 ? subject / reference : 0 });
  }
  return pairedResult(comparison.name, comparison.connections, rounds);
}
