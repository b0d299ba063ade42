/**
 * @module pilot/run-scenario
 * One scenario, start to finish: a target (a fresh embedded one with the scenario's quirks on a
 * manual clock shared with the engine, or the URL given), the engine opened on the scenario's
 * in-memory directory, then each step in order. A step that throws ends the scenario as failed
 * with its error; the run goes on with the next scenario.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineOptions, ProvisioningJob, ResetScope } from '../engine/api.js';
import type { JobConfig } from '../engine/job/types.js';
import { durationMs } from '../engine/job/duration.js';
import type { Exchange } from '../scim/client/index.js';
import type { SynchronizationSchema } from '../engine/mapping/index.js';
import { URN } from '../scim/types.js';
import { startEmbeddedTarget } from '../server/embedded.js';
import type { EmbeddedTarget } from '../server/embedded.js';
import type { JournalEntry } from '../server/quirks/index.js';
import { createManualClock } from '../util/clock.js';
import type { PreparedScenario } from './check-plan.js';
import { checkExpectation } from './expectations.js';
import type { LastRun } from './expectations.js';
import { applyMappingEdit } from './mapping-edits.js';
import type { Expectation, MappingEdit, QuirksSetting } from './plan.types.js';
import type { ExpectationResult, ScenarioResult, TargetRequest } from './result.js';
import { applySourceStep, isSourceStep, resolveUser, scenarioDirectory } from './source-edits.js';
import type { ScenarioDirectory } from './source-edits.js';
import { createTargetProbe } from './target-probe.js';
import type { TargetProbe } from './target-probe.js';

export type OpenJob = (config: JobConfig, options?: EngineOptions) => Promise<ProvisioningJob>;

export type PilotTarget = 'embedded' | { readonly url: string; readonly token: string };

/** Steps that reconfigure the job: the job is reopened on the same state, which must then live on disk. */
const RECONFIGURING = new Set(['setScopingFilter', 'setMapping']);

/** Why a scenario cannot run against a URL (no quirks can be set there, no admin API is known). */
export function urlSkipReason(prepared: PreparedScenario): string | undefined {
  if (prepared.quirks && Object.keys(prepared.quirks.profile).some((k) => k !== 'description' && k !== '$schema')) {
    return `needs the quirk profile ${prepared.quirks.label}, which only the embedded target can take`;
  }
  for (const step of prepared.scenario.steps) {
    const kind = Object.keys(step)[0]!;
    if (kind === 'setQuirks') return 'swaps the quirk profile mid-scenario (embedded target only)';
    if (kind === 'advanceClock') return "advances the clock, which a real target's clock does not follow";
    if (kind === 'expect' && (step as { expect: Expectation[] }).expect.some((e) => e.signin)) return 'checks sign-in through the admin API (embedded target only)';
  }
  return undefined;
}

export async function runScenario(prepared: PreparedScenario, target: PilotTarget, openJob: OpenJob): Promise<ScenarioResult> {
  const started = performance.now();
  const { scenario } = prepared;
  const results: ExpectationResult[] = [];
  const time = createManualClock();
  const exchanges: Exchange[] = [];
  let embedded: EmbeddedTarget | undefined;
  let probe: TargetProbe | undefined;
  let job: ProvisioningJob | undefined;
  let stateDir: string | undefined;
  const created: { type: 'User' | 'Group'; id: string }[] = [];
  let error: string | undefined;
  try {
    embedded = target === 'embedded' ? await startEmbeddedTarget({ quirks: prepared.quirks?.profile, clock: time.clock }) : undefined;
    const endpoint = embedded ?? (target as { url: string; token: string });
    probe = createTargetProbe({ url: endpoint.url, token: endpoint.token, adminUrl: embedded?.adminUrl });
    const reconfigures = scenario.steps.some((s) => RECONFIGURING.has(Object.keys(s)[0]!));
    if (reconfigures) stateDir = await mkdtemp(join(tmpdir(), 'scimulator-pilot-'));
    let directory: ScenarioDirectory = scenarioDirectory(prepared.directory);
    let schema: SynchronizationSchema = prepared.schema;
    let config = jobConfig(prepared, endpoint, stateDir);
    const open = () =>
      openJob(config, {
        clock: time.clock,
        sleep: time.sleep,
        loadDirectory: () => directory.directory,
        schema,
        memoryState: stateDir === undefined,
        onExchange: (exchange) => {
          exchanges.push(exchange);
          if (target !== 'embedded') noteCreated(exchange, created);
        },
      });
    job = await open();
    let lastRun: LastRun | undefined;
    const requestsDuring = async (run: () => Promise<void>): Promise<TargetRequest[]> => {
      const seq = embedded?.requests().at(-1)?.seq ?? 0;
      const from = exchanges.length;
      await run();
      return embedded ? embedded.requests({ since: seq }).filter((r) => r.path.includes('/scim/')).map(fromJournal) : exchanges.slice(from).map(fromExchange);
    };

    for (const [index, step] of scenario.steps.entries()) {
      const [kind, args] = Object.entries(step)[0] as [string, unknown];
      try {
        if (isSourceStep(step)) {
          directory = applySourceStep(directory, step, time.clock());
          continue;
        }
        switch (kind) {
          case 'initialCycle':
          case 'incrementalCycle':
          case 'cycle': {
            const cycle = kind === 'cycle' ? (args as 'auto' | 'initial' | 'incremental') : kind === 'initialCycle' ? 'initial' : 'incremental';
            let report;
            const requests = await requestsDuring(async () => void (report = await job!.run({ cycle })));
            lastRun = { entries: report!.entries, report: report!, requests };
            break;
          }
          case 'provisionOnDemand': {
            const user = resolveUser(directory, (args as { user: string }).user);
            let entry;
            const requests = await requestsDuring(async () => void (entry = (await job!.provisionOnDemand(user.id)).entry));
            lastRun = { entries: [entry!], requests };
            break;
          }
          case 'restart':
            await job.restart((args as { resetScope?: ResetScope[] } | null)?.resetScope);
            break;
          case 'allowDeletes': {
            await job.restart(['ForceDeletes']);
            let report;
            const requests = await requestsDuring(async () => void (report = await job!.run({ cycle: 'auto' })));
            lastRun = { entries: report!.entries, report: report!, requests };
            break;
          }
          case 'advanceClock':
            time.advance(durationMs(args as string | number));
            break;
          case 'setQuirks':
            if (!embedded) throw new Error('setQuirks needs the embedded target');
            await embedded.setQuirks(prepared.stepQuirks.get(index)?.profile ?? (args as QuirksSetting as null));
            break;
          case 'createTargetUser': {
            const resource = await probe.create('User', targetUser(directory, args as { userName?: string; from?: string; attributes?: Record<string, unknown> }));
            created.push({ type: 'User', id: resource.id as string });
            break;
          }
          case 'setScopingFilter':
          case 'setMapping': {
            if (kind === 'setMapping') schema = applyMappingEdit(schema, args as MappingEdit);
            else config = { ...config, scopingFilters: { ...config.scopingFilters, ...(args as JobConfig['scopingFilters']) } };
            await job.close();
            job = await open();
            break;
          }
          case 'expect':
            for (const expectation of args as Expectation[]) {
              results.push(await checkExpectation(expectation, { directory, job, probe, lastRun, step: index }));
            }
            break;
          default:
            throw new Error(`unknown step '${kind}'`);
        }
      } catch (stepError) {
        throw new Error(`step ${index + 1} (${kind}): ${(stepError as Error).message}`);
      }
    }
  } catch (caught) {
    error = (caught as Error).message;
  } finally {
    await job?.close().catch(() => undefined);
    if (probe && target !== 'embedded') await cleanUp(probe, created);
    await probe?.close().catch(() => undefined);
    await embedded?.close().catch(() => undefined);
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  }
  const failed = error !== undefined || results.some((r) => r.status === 'failed');
  return {
    name: scenario.name,
    ...(scenario.description ? { description: scenario.description } : {}),
    ...(prepared.quirks ? { quirks: prepared.quirks.label } : {}),
    status: failed ? 'failed' : 'passed',
    ...(error !== undefined ? { error } : {}),
    durationMs: Math.round(performance.now() - started),
    expectations: results,
  };
}

function jobConfig(prepared: PreparedScenario, target: { url: string; token: string }, state: string | undefined): JobConfig {
  const { timeoutMs, mapping: _file, ...settings } = prepared.job;
  return {
    ...settings,
    name: prepared.scenario.name,
    // the directory comes from loadDirectory: the scenario's steps edit it in memory
    source: { path: '(pilot: in memory)' },
    target: { url: target.url, auth: { type: 'bearer', token: target.token }, ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
    ...(state !== undefined ? { state } : {}),
  };
}

/** A user made by hand on the target: named, or copied from a source user the way an admin would type it. */
function targetUser(directory: ScenarioDirectory, spec: { userName?: string; from?: string; attributes?: Record<string, unknown> }) {
  const source = spec.from !== undefined ? resolveUser(directory, spec.from) : undefined;
  const userName = spec.userName ?? source?.userPrincipalName ?? source!.id;
  return {
    schemas: [URN.User],
    userName,
    active: true,
    ...(source?.displayName ? { displayName: source.displayName } : {}),
    ...(source?.givenName || source?.surname ? { name: { givenName: source.givenName ?? undefined, familyName: source.surname ?? undefined } } : {}),
    ...(source?.mail ? { emails: [{ value: source.mail, type: 'work', primary: true }] } : {}),
    ...spec.attributes,
  };
}

function fromJournal(entry: JournalEntry): TargetRequest {
  return {
    method: entry.method,
    path: entry.path,
    status: entry.status,
    ...(entry.requestBody !== undefined ? { requestBody: entry.requestBody } : {}),
    ...(entry.responseBody !== undefined ? { responseBody: entry.responseBody } : {}),
    ...(entry.quirk ? { quirk: entry.quirk } : {}),
  };
}

function fromExchange(exchange: Exchange): TargetRequest {
  return {
    method: exchange.method,
    path: new URL(exchange.url).pathname,
    status: exchange.status ?? 0,
    ...(exchange.requestBody !== undefined ? { requestBody: exchange.requestBody } : {}),
    ...(exchange.responseBody !== undefined ? { responseBody: exchange.responseBody } : {}),
  };
}

/** Against a URL, every object the engine created is remembered so the run can remove it. */
function noteCreated(exchange: Exchange, created: { type: 'User' | 'Group'; id: string }[]): void {
  if (exchange.method !== 'POST' || exchange.status !== 201) return;
  const type = /\/Users\/?$/.test(new URL(exchange.url).pathname) ? 'User' : /\/Groups\/?$/.test(new URL(exchange.url).pathname) ? 'Group' : undefined;
  const id = (exchange.responseBody as { id?: unknown } | undefined)?.id;
  if (type && typeof id === 'string') created.push({ type, id });
}

async function cleanUp(probe: TargetProbe, created: readonly { type: 'User' | 'Group'; id: string }[]): Promise<void> {
  // groups first: a group listing a user goes before the user
  for (const type of ['Group', 'User'] as const) {
    for (const { id } of created.filter((c) => c.type === type)) await probe.delete(type, id).catch(() => undefined);
  }
}

