/**
 * @module pilot/run
 * runPilot: every scenario of a checked plan, in parallel where the machine allows, into the verdict
 * matrix (pilot/result.ts). Embedded: a fresh target per scenario. Against a URL: only scenarios
 * that need no quirk and no admin API run; the others are skipped and say why.
 */
import { availableParallelism } from 'node:os';
import type { CheckedPlan, PreparedScenario } from './check-plan.js';
import type { PilotResult, ScenarioResult } from './result.js';
import { runScenario, urlSkipReason } from './run-scenario.js';
import type { OpenJob, PilotTarget } from './run-scenario.js';
import { packageVersion } from '../util/package-root.js';

export type { PilotTarget } from './run-scenario.js';

export type PilotProgress =
  | { readonly type: 'start'; readonly total: number }
  | { readonly type: 'scenario'; readonly done: number; readonly total: number; readonly result: ScenarioResult };

export interface RunPilotOptions {
  readonly target: PilotTarget;
  /** scenario names to run; the others are skipped */
  readonly only?: readonly string[];
  readonly onProgress?: (progress: PilotProgress) => void;
  /** scenarios at once (default: the cores, between 2 and 4) */
  readonly concurrency?: number;
  /** the engine (default: engine/index.ts openJob) */
  readonly openJob?: OpenJob;
}

export async function runPilot(plan: CheckedPlan, options: RunPilotOptions): Promise<PilotResult> {
  const startedAt = new Date();
  const started = performance.now();
  const openJob = options.openJob ?? (await engineOpenJob());
  const only = options.only ? new Set(options.only) : undefined;
  if (only) {
    const unknown = [...only].filter((name) => !plan.scenarios.some((s) => s.scenario.name === name));
    if (unknown.length) throw new Error(`no scenario named ${unknown.map((n) => `'${n}'`).join(', ')} in the plan`);
  }
  const total = plan.scenarios.length;
  options.onProgress?.({ type: 'start', total });
  const results: ScenarioResult[] = new Array(total);
  let done = 0;
  const finish = (i: number, result: ScenarioResult) => {
    results[i] = result;
    options.onProgress?.({ type: 'scenario', done: ++done, total, result });
  };
  const work: [number, PreparedScenario][] = [];
  plan.scenarios.forEach((prepared, i) => {
    const skip = only && !only.has(prepared.scenario.name) ? 'not selected (--only)' : options.target === 'embedded' ? undefined : urlSkipReason(prepared);
    if (skip) finish(i, skipped(prepared, skip));
    else work.push([i, prepared]);
  });
  const concurrency = options.concurrency ?? Math.min(4, Math.max(2, availableParallelism()));
  const worker = async () => {
    for (let next = work.shift(); next; next = work.shift()) finish(next[0], await runScenario(next[1], options.target, openJob));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, work.length) }, worker));
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    plan: plan.plan.name,
    target: options.target === 'embedded' ? 'embedded' : options.target.url,
    version: packageVersion(),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
    scenarios: results,
  };
}

function skipped(prepared: PreparedScenario, reason: string): ScenarioResult {
  const { scenario } = prepared;
  return {
    name: scenario.name,
    ...(scenario.description ? { description: scenario.description } : {}),
    ...(prepared.quirks ? { quirks: prepared.quirks.label } : {}),
    status: 'skipped',
    skipReason: reason,
    durationMs: 0,
    expectations: [],
  };
}

/** The engine's openJob, loaded when a run starts (the pilot's plan checks need no engine). */
async function engineOpenJob(): Promise<OpenJob> {
  const specifier = '../engine/index.js';
  const engine = (await import(specifier)) as { openJob?: OpenJob };
  if (typeof engine.openJob !== 'function') throw new Error('the provisioning engine (engine/index.ts openJob) is not available');
  return engine.openJob;
}
