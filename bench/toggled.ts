/**
 * @module bench/toggled
 * What a feature costs, measured inside one server process that switches it on and off under load.
 *
 * Why not two processes (bench/paired): on this kind of machine one process can run 40 % slower
 * than an identical one for its whole life (measured: two `serve --no-journal` children, 7,000 vs
 * 10,800 req/s), and the speed of the cores swings by tens of percent within seconds, so a few-
 * percent cost is lost in both. Here the load never stops; the feature is switched every `sliceMs`,
 * in a random order within each pair of slices (a fixed order lines up with anything periodic,
 * such as the load generator's one-second tick), and the verdict is the median of the pairs'
 * ratios. Measured with a switch that did nothing: medians 0.98 and 1.00.
 */
import autocannon from 'autocannon';
import type { Request, Result } from 'autocannon';
import { median } from './paired.js';

export interface ToggledPair {
  /** responses per second with the feature on, and off */
  readonly on: number;
  readonly off: number;
  /** on / off */
  readonly ratio: number;
  /** the server's CPU time per request (user + system, µs) in each slice, when /proc tells */
  readonly onCpuMicros?: number;
  readonly offCpuMicros?: number;
  /** responses counted in each slice (what the CPU time is divided by) */
  readonly onResponses?: number;
  readonly offResponses?: number;
}

export interface ToggledResult {
  readonly name: string;
  readonly connections: number;
  readonly sliceMs: number;
  readonly pairs: readonly ToggledPair[];
  /** median of the pairs' on / off rates: the verdict */
  readonly medianRatio: number;
  /**
   * The server's CPU time per request over every slice with the feature on, and off: CPU time
   * summed over the slices, divided by the responses summed over them. Why not a median of the
   * pairs: /proc counts CPU in 10 ms ticks, a whole tick in a 250 ms slice of ~1,800 filter
   * requests is ~5.5 µs per request, as much as the cost being measured, and the median of such
   * ratios drifted from the pooled figure by several points (92 % against 135 / 133 µs).
   */
  readonly cpu?: { readonly onMicros: number; readonly offMicros: number; /** off / on */ readonly ratio: number };
}

export interface ToggledSettings {
  readonly name: string;
  readonly origin: string;
  readonly requests: Request[];
  readonly connections: number;
  /** seconds measured, after a warm-up of `warmUpSeconds` (default 2) */
  readonly seconds: number;
  readonly sliceMs: number;
  readonly warmUpSeconds?: number;
  /** switches the feature; resolves once the server has done so */
  readonly toggle: (on: boolean) => Promise<void>;
  /** CPU time used so far by the server, in µs (bench/child cpuMicros) */
  readonly cpu?: () => number | undefined;
  /** for the order within each pair (default Math.random) */
  readonly random?: () => number;
}

/** the pairs folded into the verdict's numbers (pure, so the report and the tests agree) */
export function toggledResult(name: string, connections: number, sliceMs: number, pairs: readonly ToggledPair[]): ToggledResult {
  const cpu = pooledCpu(pairs);
  return {
    name, connections, sliceMs, pairs,
    medianRatio: pairs.length > 0 ? median(pairs.map((p) => p.ratio)) : 0,
    ...(cpu ? { cpu } : {}),
  };
}

/** CPU per request pooled over every slice, or undefined unless every pair has its CPU and counts */
function pooledCpu(pairs: readonly ToggledPair[]): ToggledResult['cpu'] {
  let onMicros = 0, onResponses = 0, offMicros = 0, offResponses = 0;
  for (const p of pairs) {
    if (p.onCpuMicros === undefined || p.offCpuMicros === undefined || !p.onResponses || !p.offResponses) return undefined;
    onMicros += p.onCpuMicros * p.onResponses;
    onResponses += p.onResponses;
    offMicros += p.offCpuMicros * p.offResponses;
    offResponses += p.offResponses;
  }
  if (onResponses === 0 || onMicros === 0) return undefined;
  const on = onMicros / onResponses;
  const off = offMicros / offResponses;
  return { onMicros: on, offMicros: off, ratio: off / on };
}

export async function measureToggled(settings: ToggledSettings): Promise<ToggledResult> {
  const random = settings.random ?? Math.random;
  const warmUp = settings.warmUpSeconds ?? 2;
  const pairCount = Math.max(1, Math.floor((settings.seconds * 1000) / (2 * settings.sliceMs)));
  let responses = 0;
  // runs until stopped: the margin only bounds a run whose switches stall
  const instance = autocannon({
    url: settings.origin, connections: settings.connections, requests: settings.requests,
    duration: warmUp + settings.seconds * 3 + 10,
  });
  instance.on('response', () => void responses++);
  const done = new Promise<Result>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  let on = true;
  const slice = async (want: boolean) => {
    if (want !== on) {
      await settings.toggle(want);
      on = want;
    }
    const cpu0 = settings.cpu?.();
    const count0 = responses;
    const t0 = performance.now();
    await sleep(settings.sliceMs);
    const n = responses - count0;
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = settings.cpu?.();
    return { rate: n / seconds, responses: n, ...(cpu0 !== undefined && cpu1 !== undefined && n > 0 ? { cpuMicros: (cpu1 - cpu0) / n } : {}) };
  };
  const pairs: ToggledPair[] = [];
  try {
    await sleep(warmUp * 1000);
    for (let i = 0; i < pairCount; i++) {
      const onFirst = random() < 0.5;
      const first = await slice(onFirst);
      const second = await slice(!onFirst);
      const [a, b] = onFirst ? [first, second] : [second, first];
      pairs.push({
        on: a.rate, off: b.rate, ratio: b.rate > 0 ? a.rate / b.rate : 0,
        ...(a.cpuMicros !== undefined && b.cpuMicros !== undefined ? { onCpuMicros: a.cpuMicros, offCpuMicros: b.cpuMicros, onResponses: a.responses, offResponses: b.responses } : {}),
      });
    }
  } finally {
    instance.stop();
    await done;
    if (!on) await settings.toggle(true);
  }
  return toggledResult(settings.name, settings.connections, settings.sliceMs, pairs);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
