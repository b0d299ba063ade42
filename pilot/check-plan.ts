/**
 * @module pilot/check-plan
 * What the plan schema cannot check, checked before anything runs, every problem as `path:
 * message`: directory files load, quirk profiles exist and validate, job settings pass the job
 * schema, mapping edits name mapped attributes, durations parse, and every step is played on the
 * directory (pilot/source-edits) so that a reference to an unknown user or group — or a step that
 * would change nothing — is an error at its own path. The result also carries each scenario
 * prepared for the runner: its starting directory, profile, job settings and mapping.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadDirectoryFile } from '../engine/source/load.js';
import type { Directory } from '../engine/source/types.js';
import { importSchema, loadDefaultSchema } from '../engine/mapping/index.js';
import type { SynchronizationSchema } from '../engine/mapping/index.js';
import { filterProblems } from '../engine/scoping/validate.js';
import { jobProblems } from '../engine/job/load.js';
import { durationMs } from '../engine/job/duration.js';
import { loadQuirkProfile, QuirkProfileError, validateQuirkProfile } from '../server/quirks/index.js';
import type { QuirkProfile } from '../server/quirks/index.js';
import { fixturePath } from '../util/package-root.js';
import { applyMappingEdit, mappingEditProblems } from './mapping-edits.js';
import { applySourceStep, isSourceStep, resolveGroup, resolveUser, scenarioDirectory, StepError } from './source-edits.js';
import type { ScenarioDirectory } from './source-edits.js';
import type { Expectation, JobSettings, MappingEdit, PilotPlan, QuirksSetting, Scenario, SourceStep } from './plan.types.js';
import { EXPECTATION_KINDS } from './plan.types.js';

export const DEFAULT_DIRECTORY = fixturePath('directories', 'contoso.json');

/** A quirk setting resolved: the profile to run with and the name reports show. */
export interface ResolvedQuirks {
  readonly label: string;
  readonly profile: QuirkProfile;
}

export interface PreparedScenario {
  readonly scenario: Scenario;
  readonly index: number;
  /** the directory after the scenario's edits */
  readonly directory: Directory;
  readonly quirks: ResolvedQuirks | null;
  readonly job: JobSettings;
  readonly schema: SynchronizationSchema;
  /** profiles named by setQuirks steps, by step index */
  readonly stepQuirks: ReadonlyMap<number, ResolvedQuirks | null>;
}

export interface CheckedPlan {
  readonly plan: PilotPlan;
  readonly problems: readonly string[];
  readonly scenarios: readonly PreparedScenario[];
}

const EPOCH = new Date(Date.UTC(2026, 0, 1));

export async function checkPlan(plan: PilotPlan, baseDir: string): Promise<CheckedPlan> {
  const problems: string[] = [];
  const directories = new Map<string, Promise<Directory>>();
  const loadDirectory = async (file: string, at: string): Promise<Directory | undefined> => {
    const path = file === DEFAULT_DIRECTORY ? file : resolve(baseDir, file);
    if (!directories.has(path)) directories.set(path, loadDirectoryFile(path));
    try {
      return await directories.get(path)!;
    } catch (error) {
      const reasons = (error as { problems?: readonly string[] }).problems;
      problems.push(...(reasons ? reasons.map((r) => `${at}: ${r}`) : [`${at}: ${(error as Error).message}`]));
      return undefined;
    }
  };
  const quirksCache = new Map<string, Promise<QuirkProfile>>();
  const resolveQuirks = async (setting: QuirksSetting | undefined, at: string): Promise<ResolvedQuirks | null | undefined> => {
    if (setting === undefined || setting === null) return setting;
    if (typeof setting === 'string') {
      const location = /^[a-z0-9][a-z0-9-]*$/.test(setting) ? setting : resolve(baseDir, setting);
      if (!quirksCache.has(location)) quirksCache.set(location, loadQuirkProfile(location));
      try {
        return { label: setting, profile: await quirksCache.get(location)! };
      } catch (error) {
        problems.push(...(error instanceof QuirkProfileError ? error.reasons : [(error as Error).message]).map((r) => `${at}: ${r}`));
        return undefined;
      }
    }
    const checked = validateQuirkProfile(setting);
    if (!checked.ok) {
      problems.push(...checked.errors.map((e) => `${at}: ${e}`));
      return undefined;
    }
    return { label: 'inline profile', profile: checked.profile };
  };
  const defaultSchema = await schemaOf(plan.defaults?.job?.mapping, baseDir, 'defaults.job.mapping', problems);

  problems.push(...jobSettingProblems(plan.defaults?.job, 'defaults.job'));
  const defaultDirectoryFile = plan.defaults?.directory ?? DEFAULT_DIRECTORY;
  const defaultQuirks = await resolveQuirks(plan.defaults?.quirks, 'defaults.quirks');
  const names = new Set<string>();
  const scenarios: PreparedScenario[] = [];

  for (const [index, scenario] of plan.scenarios.entries()) {
    const at = `scenarios.${index}`;
    if (names.has(scenario.name)) problems.push(`${at}.name: another scenario is named '${scenario.name}'`);
    names.add(scenario.name);
    const directorySetting = typeof scenario.directory === 'string' ? { file: scenario.directory } : (scenario.directory ?? {});
    const directoryAt = typeof scenario.directory === 'string' ? `${at}.directory` : directorySetting.file ? `${at}.directory.file` : 'defaults.directory';
    const loaded = await loadDirectory(directorySetting.file ?? defaultDirectoryFile, directoryAt);
    const quirks = scenario.quirks !== undefined ? await resolveQuirks(scenario.quirks, `${at}.quirks`) : defaultQuirks;
    problems.push(...jobSettingProblems(scenario.job, `${at}.job`));
    const job = mergeJob(plan.defaults?.job ?? {}, scenario.job ?? {});
    let schema = scenario.job?.mapping !== undefined ? await schemaOf(scenario.job.mapping, baseDir, `${at}.job.mapping`, problems) : defaultSchema;
    if (scenario.mapping && schema) schema = editSchema(schema, scenario.mapping, `${at}.mapping`, problems);
    if (!loaded) continue;

    let state = scenarioDirectory(loaded);
    for (const [i, edit] of (directorySetting.edits ?? []).entries()) {
      const stepAt = `${at}.directory.edits.${i}`;
      if (!isSourceStep(edit)) {
        problems.push(`${stepAt}: only source steps can edit the starting directory, not '${Object.keys(edit)[0]}'`);
        continue;
      }
      state = playSource(state, edit, stepAt, problems);
    }
    const startingDirectory = state.directory;
    const stepQuirks = new Map<number, ResolvedQuirks | null>();
    let current = schema;
    for (const [i, step] of scenario.steps.entries()) {
      const stepAt = `${at}.steps.${i}`;
      const [kind, args] = Object.entries(step)[0] as [string, unknown];
      if (isSourceStep(step)) {
        state = playSource(state, step, stepAt, problems);
        continue;
      }
      switch (kind) {
        case 'setScopingFilter': {
          const filters = args as { users?: unknown; groups?: unknown };
          for (const key of ['users', 'groups'] as const) if (filters[key] !== undefined) problems.push(...filterProblems(filters[key], `${stepAt}.setScopingFilter.${key}`));
          break;
        }
        case 'setMapping':
          if (current) current = editSchema(current, args as MappingEdit, `${stepAt}.setMapping`, problems);
          break;
        case 'provisionOnDemand':
          refUser(state, (args as { user: string }).user, `${stepAt}.provisionOnDemand.user`, problems);
          break;
        case 'advanceClock':
          try {
            const ms = durationMs(args as string | number);
            if (!(ms > 0)) problems.push(`${stepAt}.advanceClock: must move the clock forward`);
          } catch (error) {
            problems.push(`${stepAt}.advanceClock: ${(error as Error).message}`);
          }
          break;
        case 'setQuirks': {
          const resolved = await resolveQuirks(args as QuirksSetting, `${stepAt}.setQuirks`);
          if (resolved !== undefined) stepQuirks.set(i, resolved);
          break;
        }
        case 'createTargetUser': {
          const a = args as { userName?: string; from?: string };
          if (a.from !== undefined) refUser(state, a.from, `${stepAt}.createTargetUser.from`, problems);
          else if (a.userName === undefined) problems.push(`${stepAt}.createTargetUser: give userName or from (a source user to copy)`);
          break;
        }
        case 'expect':
          (args as Expectation[]).forEach((e, j) => problems.push(...expectationProblems(state, e, `${stepAt}.expect.${j}`)));
          break;
        default:
          break;
      }
    }
    if (schema) scenarios.push({ scenario, index, directory: startingDirectory, quirks: quirks ?? null, job, schema, stepQuirks });
  }
  return { plan, problems, scenarios };
}

function playSource(state: ScenarioDirectory, step: SourceStep, at: string, problems: string[]): ScenarioDirectory {
  try {
    return applySourceStep(state, step, EPOCH);
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    problems.push(`${at}.${Object.keys(step)[0]}: ${error.message}`);
    return state;
  }
}

function refUser(state: ScenarioDirectory, ref: string, at: string, problems: string[]): void {
  try {
    resolveUser(state, ref);
  } catch (error) {
    problems.push(`${at}: ${(error as Error).message}`);
  }
}

function refGroup(state: ScenarioDirectory, ref: string, at: string, problems: string[]): void {
  try {
    resolveGroup(state, ref);
  } catch (error) {
    problems.push(`${at}: ${(error as Error).message}`);
  }
}

function expectationProblems(state: ScenarioDirectory, e: Expectation, at: string): string[] {
  const problems: string[] = [];
  const kinds = EXPECTATION_KINDS.filter((k) => e[k] !== undefined);
  if (kinds.length !== 1) {
    return [`${at}: give exactly one of ${EXPECTATION_KINDS.join(', ')} (found ${kinds.length ? kinds.join(', ') : 'none'})`];
  }
  const kind = kinds[0]!;
  if (kind === 'target') {
    const t = e.target!;
    const selectors = (['user', 'group', 'userName', 'filter'] as const).filter((k) => t[k] !== undefined);
    if (selectors.length !== 1) problems.push(`${at}.target: name exactly one of user, group, userName, filter`);
    if (t.user !== undefined) refUser(state, t.user, `${at}.target.user`, problems);
    if (t.group !== undefined) refGroup(state, t.group, `${at}.target.group`, problems);
    if (t.memberOf !== undefined) refGroup(state, t.memberOf, `${at}.target.memberOf`, problems);
    if (t.notMemberOf !== undefined) refGroup(state, t.notMemberOf, `${at}.target.notMemberOf`, problems);
    if (t.manager !== undefined) refUser(state, t.manager, `${at}.target.manager`, problems);
    if ((t.count === undefined) !== (t.filter === undefined)) problems.push(`${at}.target: count and filter go together`);
    if ((t.equals !== undefined || t.contains !== undefined) && t.attribute === undefined) problems.push(`${at}.target: equals and contains need an attribute`);
    if (t.attribute !== undefined && t.equals === undefined && t.contains === undefined) problems.push(`${at}.target.attribute: say what it equals or contains`);
    const checks = (['exists', 'active', 'attribute', 'memberOf', 'notMemberOf', 'manager', 'count'] as const).filter((k) => t[k] !== undefined);
    if (checks.length === 0) problems.push(`${at}.target: say what to check (exists, active, attribute, memberOf, notMemberOf, manager or count)`);
  } else if (kind === 'signin') {
    const s = e.signin!;
    if ((s.user === undefined) === (s.userName === undefined)) problems.push(`${at}.signin: name exactly one of user, userName`);
    if (s.user !== undefined) refUser(state, s.user, `${at}.signin.user`, problems);
    if (s.reason !== undefined && s.allowed) problems.push(`${at}.signin.reason: only a refusal has a reason`);
  } else if (kind === 'log') {
    const l = e.log!;
    if ((l.user === undefined) === (l.group === undefined)) problems.push(`${at}.log: name exactly one of user, group`);
    if (l.user !== undefined) refUser(state, l.user, `${at}.log.user`, problems);
    if (l.group !== undefined) refGroup(state, l.group, `${at}.log.group`, problems);
  }
  return problems;
}

function jobSettingProblems(settings: JobSettings | undefined, at: string): string[] {
  if (!settings) return [];
  const { timeoutMs, mapping: _mapping, ...rest } = settings;
  const problems: string[] = [];
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) problems.push(`${at}.timeoutMs: must be a positive integer`);
  // the job file's own schema and checks, on a job built around these settings
  const probe = { source: { path: 'directory.json' }, target: { url: 'http://target.invalid/scim/v2' }, ...rest };
  for (const problem of jobProblems(probe)) problems.push(`${at}.${problem}`);
  return problems;
}

/** defaults.job under the scenario's job; nested settings objects merge one level deep. */
export function mergeJob(base: JobSettings, over: JobSettings): JobSettings {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    const mergeable = key !== 'scopingFilters' && isPlain(prior) && isPlain(value);
    out[key] = mergeable ? { ...prior, ...value } : value;
  }
  return out as JobSettings;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function schemaOf(file: string | undefined, baseDir: string, at: string, problems: string[]): Promise<SynchronizationSchema | undefined> {
  try {
    if (file === undefined) return loadDefaultSchema();
    return importSchema(JSON.parse(await readFile(resolve(baseDir, file), 'utf8')));
  } catch (error) {
    const reasons = (error as { problems?: readonly string[] }).problems;
    problems.push(...(reasons ? reasons.map((r) => `${at}: ${r}`) : [`${at}: ${(error as Error).message}`]));
    return undefined;
  }
}

function editSchema(schema: SynchronizationSchema, edit: MappingEdit, at: string, problems: string[]): SynchronizationSchema {
  const found = mappingEditProblems(schema, edit, at);
  if (found.length > 0) {
    problems.push(...found);
    return schema;
  }
  return applyMappingEdit(schema, edit);
}

