/**
 * @module conformance/runner
 * Runs the selected checks one after another against a target: discovery first (retried, since a
 * failed discovery request is not "not advertised"), then a preflight that stops the run on refused
 * credentials or a wrong base path, then each check with the resources it created deleted right
 * after it (unless `keep`), shared fixtures at the end. Requests are paced (conformance/pacing): a
 * throttled target is waited for, within a budget. An abort signal stops starting checks; what the
 * run created is still cleaned up and the partial result returned.
 */
import { createScimClient, ScimClientError } from '../scim/client/index.js';
import type { ClientOptions, Exchange, ScimClient, ScimResponse } from '../scim/client/index.js';
import { packageVersion } from '../util/package-root.js';
import type { Sleep } from '../util/clock.js';
import { CheckFailure, CheckSkip } from './check-failure.js';
import { CATALOG } from './catalog.js';
import { createRunContext, newPrefix } from './context.js';
import type { Tracked } from './context.js';
import { discover } from './discovery.js';
import { createPacer, describeGiveUp } from './pacing.js';
import type { Pacer } from './pacing.js';
import { selectChecks, SelectionError } from './select.js';
import type { Check, CheckResult, Discovery, ProfileSelection, RunResult, RunSummary } from './types.js';

/** The run could not start: the target is unreachable, refuses the credentials, or is not at that path. */
export class RunStartError extends Error {
  override readonly name = 'RunStartError';
}

export interface RunOptions {
  client: Omit<ClientOptions, 'onExchange'>;
  profile?: ProfileSelection;
  /** check ids or area names */
  only?: readonly string[];
  /** check ids or area names left out */
  skip?: readonly string[];
  readOnly?: boolean;
  keep?: boolean;
  checks?: readonly Check[];
  prefix?: string;
  onProgress?: (done: number, total: number, check: Check) => void;
  /** least time between two requests, ms */
  delayMs?: number;
  /** most one request waits on 429/503 across its retries, ms (default 30 000) */
  retryBudgetMs?: number;
  /** check ids whose failure is known: reported, not failing the run */
  baseline?: readonly string[];
  /** aborted: no further check starts; clean-up runs and the partial result is returned */
  signal?: AbortSignal;
  /** the quirk profile of an embedded target, for the report */
  quirks?: string;
  sleep?: Sleep;
}

/** Discovery requests are retried on these too: a 500 there is not an answer about features. */
const DISCOVERY_RETRY = new Set([429, 500, 502, 503, 504]);

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const profile = options.profile ?? 'all';
  const catalog = options.checks ?? CATALOG;
  const selected = selectChecks(catalog, { profile, only: options.only, skip: options.skip, readOnly: options.readOnly });
  const baseline = new Set(options.baseline ?? []);
  const unknownBaseline = [...baseline].filter((id) => !catalog.some((c) => c.id === id));
  if (unknownBaseline.length) throw new SelectionError(`--baseline: unknown check id: ${unknownBaseline.join(', ')}`);
  const timeoutMs = options.client.timeoutMs ?? 10_000;
  const retryBudgetMs = options.retryBudgetMs ?? 30_000;
  let exchanges: Exchange[] = [];
  const onExchange = (e: Exchange) => { exchanges.push(e); };
  const raw = createScimClient({ ...options.client, onExchange });
  const rawAnonymous = createScimClient({ ...options.client, auth: undefined, onExchange });
  const pacer = createPacer({ delayMs: options.delayMs, retryBudgetMs, sleep: options.sleep });
  const client = pacer.wrap(raw);
  const anonymous = pacer.wrap(rawAnonymous);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  try {
    const { discovery, problems, retried } = await discoverWithRetry(raw, pacer, options, () => exchanges);
    const ctx = createRunContext({ client, anonymous, discovery, prefix: options.prefix ?? newPrefix(), timeoutMs, authenticated: options.client.auth !== undefined });
    const leftovers: string[] = [];
    const results: CheckResult[] = [];
    for (const [index, check] of selected.entries()) {
      if (options.signal?.aborted) break;
      options.onProgress?.(index, selected.length, check);
      exchanges = [];
      pacer.takeGiveUps();
      const result = await runOne(check, ctx, discovery.features, problems, () => exchanges, () => pacer.takeGiveUps().map((g) => describeGiveUp(g, retryBudgetMs)));
      if (!options.keep) leftovers.push(...(await cleanup(client, ctx.takeTracked())));
      results.push(baseline.has(check.id) && result.status === 'failed' ? { ...result, knownFailure: true } : result);
    }
    if (selected.length) options.onProgress?.(selected.length, selected.length, selected[selected.length - 1]!);
    if (!options.keep) leftovers.push(...(await cleanup(client, ctx.takeShared())));
    return {
      tool: { name: 'scimulator', version: packageVersion() },
      target: options.client.baseUrl, profile, ...(options.quirks ? { quirks: options.quirks } : {}),
      startedAt, durationMs: Math.round(performance.now() - started),
      features: [...discovery.features].sort(), summary: summarize(results), checks: results, leftovers,
      discoveryProblems: problems, discoveryRetried: retried, interrupted: results.length < selected.length,
      fixed: results.filter((r) => r.status === 'passed' && baseline.has(r.id)).map((r) => r.id),
    };
  } finally {
    await Promise.all([raw.close(), rawAnonymous.close()]);
  }
}

export function summarize(results: readonly CheckResult[]): RunSummary {
  const summary: RunSummary = { passed: 0, failed: 0, skipped: 0, notRun: 0, mustFailed: 0, mustNotRun: 0, knownFailures: 0 };
  for (const r of results) {
    if (r.status === 'not-run') summary.notRun++;
    else summary[r.status]++;
    if (r.status === 'failed' && r.knownFailure) summary.knownFailures++;
    else if (r.status === 'failed' && r.level === 'MUST') summary.mustFailed++;
    if (r.status === 'not-run' && r.level === 'MUST') summary.mustNotRun++;
  }
  return summary;
}

/**
 * Discovery through a client that retries 5xx, 429 and lost connections; afterwards the requests
 * whose last answer was still such a failure are the run's discovery problems. Then a preflight
 * `GET /Users?count=1`: 401/403 (wrong credentials) and a 404 everywhere (wrong base path) stop the run.
 */
async function discoverWithRetry(
  raw: ScimClient, pacer: Pacer, options: RunOptions, exchanges: () => Exchange[],
): Promise<{ discovery: Discovery; problems: string[]; retried: string[] }> {
  // five tries: a target whose discovery keeps failing is reported within seconds (or its Retry-After)
  const retrying = pacer.wrap(raw, { retryStatuses: DISCOVERY_RETRY, retryNetworkErrors: true, maxAttempts: 5 });
  const baseUrl = options.client.baseUrl;
  const unreachable = (error: unknown): never => {
    if (error instanceof ScimClientError) throw new RunStartError(`cannot reach ${baseUrl}: ${error.message}`);
    throw error;
  };
  const before = exchanges().length;
  const discovery = await discover(retrying).catch(unreachable);
  const probe = await retrying.list('/Users', { count: 1 }).catch(unreachable);
  pacer.takeGiveUps();
  const spc = lastTo(exchanges().slice(before), '/ServiceProviderConfig');
  refuseToStart(probe, spc, baseUrl, options.client.auth !== undefined);

  // The last exchange per URL tells whether the retries ended in an answer.
  const last = new Map<string, Exchange>();
  for (const e of exchanges().slice(before)) last.set(`${e.method} ${e.url}`, e);
  const failed = (e: Exchange) => e.error !== undefined || (e.status !== undefined && DISCOVERY_RETRY.has(e.status));
  const problems: string[] = [];
  for (const [request, e] of last) {
    if (e.error !== undefined) problems.push(`${request}: ${e.error}`);
    else if (failed(e)) problems.push(`${request}: still ${e.status} after retrying`);
  }
  // what went wrong before a retry succeeded is reported too: a flaky target should know
  const retried = exchanges().slice(before).filter((e) => failed(e) && last.get(`${e.method} ${e.url}`) !== e)
    .map((e) => `${e.method} ${e.url}: ${e.error ?? e.status}, retried`);
  return { discovery, problems, retried };
}

function lastTo(exchanges: readonly Exchange[], suffix: string): Exchange | undefined {
  return exchanges.filter((e) => new URL(e.url).pathname.endsWith(suffix)).at(-1);
}

function refuseToStart(probe: ScimResponse, spc: Exchange | undefined, baseUrl: string, authenticated: boolean): void {
  const refused = [probe.status, spc?.status].find((s) => s === 401 || s === 403);
  if (refused !== undefined) {
    const which = refused === probe.status ? `GET ${probe.exchange.url}` : `GET ${spc!.url}`;
    throw new RunStartError(authenticated
      ? `the target refused the credentials: ${which} answered ${refused} (check --token, --basic or the OAuth client)`
      : `the target needs credentials: ${which} answered ${refused} (give --token, --basic or --oauth-token-url)`);
  }
  if (probe.status === 404 && (spc === undefined || spc.status === 404)) {
    throw new RunStartError(`no SCIM endpoint at ${baseUrl}: GET /ServiceProviderConfig and GET /Users answered 404 (check the base path, e.g. …/scim/v2)`);
  }
}

async function runOne(
  check: Check, ctx: ReturnType<typeof createRunContext>, features: ReadonlySet<string>, discoveryProblems: readonly string[],
  exchanges: () => Exchange[], giveUps: () => string[],
): Promise<CheckResult> {
  const base = { id: check.id, title: check.title, area: check.area, level: check.level, spec: check.spec };
  const missing = (check.requires ?? []).filter((f) => !features.has(f));
  if (missing.length && discoveryProblems.length) {
    return { ...base, status: 'not-run', reason: `could not tell whether the target offers ${missing.join(', ')}: discovery failed (${discoveryProblems.join('; ')})`, durationMs: 0 };
  }
  if (missing.length) return { ...base, status: 'skipped', reason: `not advertised: ${missing.join(', ')}`, durationMs: 0 };
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  // A check that failed on a 429 the pacer stopped retrying says so.
  const why = (reason: string): string => {
    const spent = giveUps();
    return spent.length ? `${reason} (${spent[0]})` : reason;
  };
  try {
    await check.run(ctx);
    return { ...base, status: 'passed', durationMs: durationMs() };
  } catch (error) {
    if (error instanceof CheckSkip) return { ...base, status: 'skipped', reason: error.message, durationMs: durationMs() };
    const recent = exchanges().slice(-3);
    if (error instanceof CheckFailure) {
      return {
        ...base, status: 'failed', reason: why(error.message), durationMs: durationMs(),
        ...(error.expected !== undefined ? { expected: error.expected } : {}),
        ...(error.actual !== undefined ? { actual: error.actual } : {}),
        exchanges: error.exchange ? [error.exchange] : recent,
      };
    }
    if (error instanceof ScimClientError) {
      return { ...base, status: 'failed', reason: why(`${error.kind}: ${error.message}`), durationMs: durationMs(), exchanges: error.exchange ? [error.exchange] : recent };
    }
    // A response shaped so oddly that the check itself tripped over it is still the target's failure.
    return { ...base, status: 'failed', reason: why(`unexpected response shape: ${(error as Error).message}`), durationMs: durationMs(), exchanges: recent };
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
