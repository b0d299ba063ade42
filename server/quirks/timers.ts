/**
 * @module server/quirks/timers
 * The timer source the gate uses for latency, injectable so tests never wait on the wall clock.
 */

export interface Timers {
  /** runs `fn` after `ms`; the returned function cancels it */
  schedule(fn: () => void, ms: number): () => void;
}

export const realTimers: Timers = {
  schedule(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
