/**
 * @module bench/load
 * One autocannon run and its rate. A run capped at a number of requests (a scenario that creates
 * resources, bench/scenarios `amount`) ends at autocannon's next one-second tick, not when its
 * last answer arrives (measured: 3,000 requests at ~5,000 req/s reported 2.04 s), so its rate is
 * taken from the first to the last response instead of from the run's duration.
 */
import autocannon from 'autocannon';
import type { Options, Result } from 'autocannon';

export interface Run {
  readonly result: Result;
  /** responses per second */
  readonly rate: number;
}

export async function load(options: Options, cap?: number): Promise<Run> {
  if (cap === undefined) {
    const result = await autocannon(options);
    return { result, rate: result.duration > 0 ? result.requests.total / result.duration : result.requests.average };
  }
  let first: number | undefined;
  let last = 0;
  let responses = 0;
  const instance = autocannon({ ...options, amount: cap });
  instance.on('response', () => {
    const now = performance.now();
    first ??= now;
    last = now;
    responses++;
  });
  const result = await instance;
  const seconds = first === undefined ? 0 : (last - first) / 1000;
  return { result, rate: responses > 1 && seconds > 0 ? (responses - 1) / seconds : result.requests.average };
}
