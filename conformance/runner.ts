/**
 * @module conformance/runner
 * Runs the selected checks one after another against a target: discovery first, then each check
 * with the resources it created deleted right after it (unless `keep`), shared fixtures at the end.
 * A check fails with expected vs actual and the redacted exchange; a target that cannot be reached
 * at all stops the run with RunStartError.
 */
import { createScimClient, ScimClientError } from '../scim/client/index.js';
import type { ClientOptions, Exchange, ScimClient } from '../scim/client/index.js';
import { CheckFailure, CheckSkip } from './check-failure.js';
import { CATALOG } from './catalog.js';
import { createRunContext, newPrefix } from './context.js';
import type { Tracked } from './context.js';
import { discover } from './discovery.js';
import { selectChecks } from './select.js';
import type { Check, CheckResult, ProfileSelection, RunResult } from './types.js';

/** The run could not start: the target is unreachable or the selection is invalid. */
export class RunStartError extends Error {
  override readonly name = 'RunStartError';
}

export interface RunOptions {
  client: Omit<ClientOptions, 'onExchange'>;
  profile?: ProfileSelection;
  /** check ids or area names */
  only?: readonly string[];
  readOnly?: boolean;
  keep?: boolean;
  checks?: readonly Check[];
  prefix?: string;
  onProgress?: (done: number, total: number, check: Check) => void;
}

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const profile = options.profile ?? 'all';
  const selected = selectChecks(options.checks ?? CATALOG, { profile, only: options.only, readOnly: options.readOnly });
  const timeoutMs = options.client.timeoutMs ?? 10_000;
  let exchanges: Exchange[] = [];
  const onExchange = (e: Exchange) => { exchanges.push(e); };
  const client = createScimClient({ ...options.client, onExchange });
  const anonymous = createScimClient({ ...options.client, auth: undefined, onExchange });
  const started = performance.now();
  const startedAt = new Date().toISOString();
  try {
    const discovery = await discover(client).catch((error: unknown) => {
      if (error instanceof ScimClientError) throw new RunStartError(`cannot reach ${options.client.baseUrl}: ${error.message}`);
      throw error;
    });
    const ctx = createRunContext({ client, anonymous, discovery, prefix: options.prefix ?? newPrefix(), timeoutMs, authenticated: options.client.auth !== undefined });
    const leftovers: string[] = [];
    const results: CheckResult[] = [];
    for (const [index, check] of selected.entries()) {
      options.onProgress?.(index, selected.length, check);
      exchanges = [];
      const result = await runOne(check, ctx, discovery.features, () => exchanges);
      if (!options.keep) leftovers.push(...(await cleanup(client, ctx.takeTracked())));
      results.push(result);
    }
    if (selected.length) options.onProgress?.(selected.length, selected.length, selected[selected.length - 1]!);
    if (!options.keep) leftovers.push(...(await cleanup(client, ctx.takeShared())));
    const summary = { passed: 0, failed: 0, skipped: 0, mustFailed: 0 };
    for (const r of results) {
      summary[r.status]++;
      if (r.status === 'failed' && r.level === 'MUST') summary.mustFailed++;
    }
    return {
      target: options.client.baseUrl, profile, startedAt, durationMs: Math.round(performance.now() - started),
      features: [...discovery.features].sort(), summary, checks: results, leftovers,
    };
  } finally {
    await Promise.all([client.close(), anonymous.close()]);
  }
}

async function runOne(check: Check, ctx: ReturnType<typeof createRunContext>, features: ReadonlySet<string>, exchanges: () => Exchange[]): Promise<CheckResult> {
  const base = { id: check.id, title: check.title, area: check.area, level: check.level, spec: check.spec };
  const missing = (check.requires ?? []).filter((f) => !features.has(f));
  if (missing.length) return { ...base, status: 'skipped', reason: `not advertised: ${missing.join(', ')}`, durationMs: 0 };
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    await check.run(ctx);
    return { ...base, status: 'passed', durationMs: durationMs() };
  } catch (error) {
    if (error instanceof CheckSkip) return { ...base, status: 'skipped', reason: error.message, durationMs: durationMs() };
    const recent = exchanges().slice(-3);
    if (error instanceof CheckFailure) {
      return {
        ...base, status: 'failed', reason: error.message, durationMs: durationMs(),
        ...(error.expected !== undefined ? { expected: error.expected } : {}),
        ...(error.actual !== undefined ? { actual: error.actual } : {}),
        exchanges: error.exchange ? [error.exchange] : recent,
      };
    }
    if (error instanceof ScimClientError) {
      return { ...base, status: 'failed', reason: `${error.kind}: ${error.message}`, durationMs: durationMs(), exchanges: error.exchange ? [error.exchange] : recent };
    }
    // A response shaped so oddly that the check itself tripped over it is still the target's failure.
    return { ...base, status: 'failed', reason: `unexpected response shape: ${(error as Error).message}`, durationMs: durationMs(), exchanges: recent };
  }
}

/** Deletes groups first (they reference users); 404 means already gone. */
async function cleanup(client: ScimClient, tracked: Tracked[]): Promise<string[]> {
  const leftovers: string[] = [];
  const ordered = [...tracked.filter((t) => t.endpoint === '/Groups'), ...tracked.filter((t) => t.endpoint === '/Users')];
  for (const { endpoint, id } of ordered) {
    try {
      const res = await client.delete(endpoint, id);
      if (res.status >= 300 && res.status !== 404) leftovers.push(`${endpoint}/${id}`);
    } catch {
      leftovers.push(`${endpoint}/${id}`);
    }
  }
  return leftovers;
}
