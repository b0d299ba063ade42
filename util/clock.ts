/**
 * @module util/clock
 * The one clock type everything injects (server, quirks, engine, pilot): a function returning the
 * current time. Waiting goes through a Sleep beside it, so a manual clock can make hours of
 * Retry-After, escrow schedules and quarantine pass in milliseconds.
 */

/** The current time. */
export type Clock = () => Date;

/** Waits `ms` milliseconds of the clock's time. */
export type Sleep = (ms: number) => Promise<void>;

export const systemClock: Clock = () => new Date();

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A clock that moves only when told: `sleep` advances it at once instead of waiting. */
export interface ManualClock {
  readonly clock: Clock;
  readonly sleep: Sleep;
  advance(ms: number): void;
  set(time: Date | number): void;
}

export function createManualClock(start: Date | number = Date.UTC(2026, 0, 1)): ManualClock {
  let now = typeof start === 'number' ? start : start.getTime();
  return {
    clock: () => new Date(now),
    sleep: async (ms) => {
      now += Math.max(0, ms);
    },
    advance: (ms) => {
      now += Math.max(0, ms);
    },
    set: (time) => {
      now = typeof time === 'number' ? time : time.getTime();
    },
  };
}
