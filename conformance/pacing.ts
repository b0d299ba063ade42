/**
 * @module conformance/pacing
 * How the runner talks to a target that throttles: an optional pause between requests (`--delay`),
 * and a 429 or 503 answered by waiting (Retry-After when the target sends one, else exponential
 * back-off) and sending the same request again, until a per-request wait budget is spent. Only then
 * does the check see the 429, and the runner can tell it why (`takeGiveUps`).
 * RFC 6585 §4, RFC 9110 §10.2.3 and §15.6.4; ENTRA-SPEC §6.8.
 */
import { ScimClientError } from '../scim/client/index.js';
import type { ScimClient, ScimResponse } from '../scim/client/index.js';
import { realSleep, systemClock } from '../util/clock.js';
import type { Clock, Sleep } from '../util/clock.js';

export interface PacingOptions {
  /** least time between the start of two requests, in ms (default 0) */
  delayMs?: number;
  /** most a single request may wait across its retries, in ms (default 30 000) */
  retryBudgetMs?: number;
  sleep?: Sleep;
  clock?: Clock;
}

/** A request the pacer stopped retrying: what it last got and how long it had waited. */
export interface GiveUp {
  status: number;
  attempts: number;
  waitedMs: number;
  /** the wait the target asked for next, when it exceeded what the budget had left */
  askedMs?: number;
}

/** Which answers mean "not now, later": throttled or temporarily unavailable. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

const FIRST_BACKOFF_MS = 250;
/** a lost connection or a timeout is tried this often in all: a target that is down must fail fast */
const NETWORK_ATTEMPTS = 3;
const MAX_BACKOFF_MS = 8_000;

export interface Pacer {
  /** the same client, every request paced and retried */
  wrap(client: ScimClient, extra?: { retryStatuses?: ReadonlySet<number>; retryNetworkErrors?: boolean; maxAttempts?: number }): ScimClient;
  /** the give-ups since the last call */
  takeGiveUps(): GiveUp[];
}

export function createPacer(options: PacingOptions = {}): Pacer {
  const delayMs = options.delayMs ?? 0;
  const budgetMs = options.retryBudgetMs ?? 30_000;
  const sleep = options.sleep ?? realSleep;
  const clock = options.clock ?? systemClock;
  const now = () => clock().getTime();
  let nextSlot = 0;
  let giveUps: GiveUp[] = [];

  /** Spaces request starts `delayMs` apart, also across concurrent callers. */
  async function awaitSlot(): Promise<void> {
    if (delayMs <= 0) return;
    const at = Math.max(now(), nextSlot);
    nextSlot = at + delayMs;
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  }

  async function paced<T extends ScimResponse>(send: () => Promise<T>, statuses: ReadonlySet<number>, networkErrors: boolean, maxAttempts: number): Promise<T> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      await awaitSlot();
      let res: T;
      try {
        res = await send();
      } catch (error) {
        const wait = backoff(attempt);
        if (!networkErrors || !(error instanceof ScimClientError) || attempt >= NETWORK_ATTEMPTS || waited + wait > budgetMs) throw error;
        waited += wait;
        await sleep(wait);
        continue;
      }
      if (!statuses.has(res.status)) return res;
      const wait = res.retryAfterMs ?? backoff(attempt);
      if (waited + wait > budgetMs || attempt >= maxAttempts) {
        giveUps.push({ status: res.status, attempts: attempt, waitedMs: waited, ...(res.retryAfterMs !== undefined ? { askedMs: res.retryAfterMs } : {}) });
        return res;
      }
      waited += wait;
      await sleep(wait);
    }
  }

  return {
    wrap(client, extra = {}) {
      const statuses = extra.retryStatuses ?? RETRYABLE_STATUSES;
      const networkErrors = extra.retryNetworkErrors ?? false;
      const maxAttempts = extra.maxAttempts ?? Number.POSITIVE_INFINITY;
      const wrapped: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(client)) {
        // every request method returns a ScimResponse; close and baseUrl pass through
        wrapped[key] = typeof value === 'function' && key !== 'close'
          ? (...args: unknown[]) => paced(() => (value as (...a: unknown[]) => Promise<ScimResponse>).apply(client, args), statuses, networkErrors, maxAttempts)
          : value;
      }
      return wrapped as unknown as ScimClient;
    },
    takeGiveUps() {
      const out = giveUps;
      giveUps = [];
      return out;
    },
  };
}

function backoff(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1));
}

/** One sentence for a check's failure: why the pacer let a 429/503 through. */
export function describeGiveUp(g: GiveUp, budgetMs: number): string {
  const asked = g.askedMs !== undefined ? `; the target asked for ${g.askedMs} ms more` : '';
  return `still ${g.status} after ${g.attempts} attempt(s) and ${g.waitedMs} ms of waiting: the retry budget of ${budgetMs} ms per request is spent${asked} (raise --retry-budget or set --delay)`;
}
