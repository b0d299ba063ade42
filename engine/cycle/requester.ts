/**
 * @module engine/cycle/requester
 * The engine's one door to the target: every request of a cycle goes through here, so counting,
 * the request-rate cap, Retry-After waits (429, and 503 that names a delay), classification into
 * Entra's error codes and dry-run interception each live in one place. Built on scim/client.
 */
import pLimit from 'p-limit';
import { ScimClientError } from '../../scim/client/index.js';
import type { HttpMethod, RequestOptions, ScimClient, ScimResponse } from '../../scim/client/index.js';
import type { Clock, Sleep } from '../../util/clock.js';
import { classifyNetworkFailure, classifyResponse } from '../wire/classify.js';
import type { FailedOutcome, WireOperation as Operation } from '../wire/classify.js';
import type { RequestCounts } from '../api.js';

export interface RequesterOptions {
  readonly client: ScimClient;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly attempts: number;
  readonly retryAfterMode: 'honor' | 'nextCycle';
  readonly maxRetryAfterMs: number;
  readonly retryAfterBudgetMs: number;
  readonly requestsPerSecond: number | null;
  /** writes are recorded, not sent (reads still go out: matching needs them) */
  readonly dryRun: boolean;
  /** requests in flight at most (the job's concurrency) */
  readonly concurrency: number;
}

export type Result =
  | { readonly ok: true; readonly response: ScimResponse }
  | { readonly ok: false; readonly outcome: FailedOutcome; readonly response?: ScimResponse };

export interface PlannedRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

export interface Requester {
  send(operation: Operation, method: HttpMethod, path: string, options?: RequestOptions): Promise<Result>;
  counts(): RequestCounts;
  readonly planned: PlannedRequest[];
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_RETRY_AFTER_MS = 1000;

export function createRequester(options: RequesterOptions): Requester {
  const byMethod: Record<string, number> = {};
  const planned: PlannedRequest[] = [];
  let waitedMs = 0;
  let nextSlot = 0;
  let fakeIds = 0;
  // the cap is on requests, not objects: the cycle keeps more objects going than this, so a request
  // is ready whenever a slot frees while the others map values or write links
  const inFlight = pLimit(options.concurrency);

  async function pace(): Promise<void> {
    if (!options.requestsPerSecond) return;
    const now = options.clock().getTime();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + 1000 / options.requestsPerSecond;
    if (slot > now) await options.sleep(slot - now);
  }

  async function once(method: HttpMethod, path: string, req: RequestOptions | undefined): Promise<ScimResponse> {
    await pace();
    byMethod[method] = (byMethod[method] ?? 0) + 1;
    return inFlight(() => options.client.request(method, path, req));
  }

  return {
    planned,
    counts() {
      let total = 0;
      let writes = 0;
      for (const [method, n] of Object.entries(byMethod)) {
        total += n;
        if (WRITES.has(method)) writes += n;
      }
      return { total, writes, reads: total - writes, byMethod: { ...byMethod } };
    },
    async send(operation, method, path, req) {
      if (options.dryRun && WRITES.has(method)) {
        planned.push({ method, path, ...(req?.body !== undefined ? { body: req.body } : {}) });
        const body = method === 'POST' ? { ...(req?.body as object), id: `dry-run-${++fakeIds}` } : undefined;
        return { ok: true, response: { status: method === 'POST' ? 201 : 204, headers: {}, body, scimError: undefined, ok: true, durationMs: 0, exchange: { method, url: path, requestHeaders: {}, durationMs: 0 } } };
      }
      for (let attempt = 1; ; attempt++) {
        let response: ScimResponse;
        try {
          response = await once(method, path, req);
        } catch (error) {
          if (error instanceof ScimClientError) return { ok: false, outcome: classifyNetworkFailure(error) };
          throw error;
        }
        const outcome = classifyResponse(response, operation);
        if (outcome.ok) return { ok: true, response };
        if (outcome.retry === 'in-cycle' && options.retryAfterMode === 'honor' && attempt < options.attempts) {
          const wait = Math.min(response.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS, options.maxRetryAfterMs);
          if (waitedMs + wait <= options.retryAfterBudgetMs) {
            waitedMs += wait;
            await options.sleep(wait);
            continue;
          }
        }
        return { ok: false, outcome, response };
      }
    },
  };
}
