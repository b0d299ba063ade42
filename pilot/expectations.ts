/**
 * @module pilot/expectations
 * One expectation checked at one point of a scenario: on the target (through pilot/target-probe),
 * on sign-in, on the provisioning log, on the job's status, on the requests of the last run. A
 * failure carries the actual value, a sentence saying why, and the log entries and target requests
 * that explain it (pilot/result.ts).
 */
import { flatValues } from '../engine/mapping/flat-values.js';
import type { CycleReport, JobStatus, ProvisioningJob } from '../engine/api.js';
import type { ProvisioningLogEntry } from '../engine/logs/types.js';
import type { DirectoryUser } from '../engine/source/types.js';
import type { ScimResource } from '../scim/types.js';
import type { Expectation, ExpectationKind, JobExpectation, LogExpectation, RequestsExpectation, SigninExpectation, TargetExpectation } from './plan.types.js';
import { EXPECTATION_KINDS } from './plan.types.js';
import type { ExpectationResult, TargetRequest } from './result.js';
import { resolveGroup, resolveUser } from './source-edits.js';
import type { ScenarioDirectory } from './source-edits.js';
import type { TargetProbe } from './target-probe.js';

/** What the engine did in the last cycle or on-demand run. */
export interface LastRun {
  readonly entries: readonly ProvisioningLogEntry[];
  readonly report?: CycleReport;
  /** the requests the target saw during the run (journal, or the engine's exchanges) */
  readonly requests: readonly TargetRequest[];
}

export interface CheckContext {
  readonly directory: ScenarioDirectory;
  readonly job: ProvisioningJob;
  readonly probe: TargetProbe;
  readonly lastRun: LastRun | undefined;
  readonly step: number;
}

interface Verdict {
  readonly expected: unknown;
  readonly actual: unknown;
  readonly ok: boolean;
  readonly message?: string;
  /** source ids whose log entries and requests explain a failure */
  readonly about?: readonly string[];
  readonly targetIds?: readonly string[];
}

export async function checkExpectation(expectation: Expectation, ctx: CheckContext): Promise<ExpectationResult> {
  const kind = EXPECTATION_KINDS.find((k) => expectation[k] !== undefined) as ExpectationKind;
  let verdict: Verdict;
  try {
    verdict = await CHECKS[kind](expectation[kind] as never, ctx);
  } catch (error) {
    verdict = { expected: expectation[kind], actual: null, ok: false, message: `could not check: ${(error as Error).message}` };
  }
  const base = { description: expectation.description, kind, expected: verdict.expected, actual: verdict.actual, step: ctx.step };
  if (verdict.ok) return { ...base, status: 'passed' };
  const about = verdict.about ?? [];
  const logEntries = ctx.lastRun?.entries.filter((e) => about.includes(e.sourceIdentity.id)) ?? [];
  const needles = [...about, ...(verdict.targetIds ?? []), ...logEntries.map((e) => e.targetIdentity.id).filter(Boolean)];
  const requests = ctx.lastRun?.requests.filter((r) => needles.some((n) => JSON.stringify(r).includes(n))).slice(-20) ?? [];
  return {
    ...base,
    status: 'failed',
    message: verdict.message ?? `expected ${JSON.stringify(verdict.expected)}, got ${JSON.stringify(verdict.actual)}`,
    ...(logEntries.length ? { logEntries } : {}),
    ...(requests.length ? { requests } : {}),
  };
}

const CHECKS: { [K in ExpectationKind]: (spec: NonNullable<Expectation[K]>, ctx: CheckContext) => Promise<Verdict> } = {
  target: checkTarget,
  signin: checkSignin,
  log: async (spec, ctx) => checkLog(spec, ctx),
  job: async (spec, ctx) => checkJob(spec, ctx.job.status(), ctx.lastRun),
  requests: async (spec, ctx) => checkRequests(spec, ctx.lastRun),
};

/** The target object the engine linked to a source user or group (its latest log entry naming one), else one found by name. */
export async function findTargetObject(ctx: Pick<CheckContext, 'job' | 'probe'>, type: 'User' | 'Group', sourceId: string, name: string | undefined): Promise<ScimResource | undefined> {
  const entries = await ctx.job.logs({ user: sourceId });
  const linked = [...entries].reverse().find((e) => e.sourceIdentity.id === sourceId && e.targetIdentity.id)?.targetIdentity.id;
  if (linked) return ctx.probe.get(type, linked);
  if (!name) return undefined;
  const [found] = await ctx.probe.findBy(type, type === 'User' ? 'userName' : 'displayName', name);
  return found;
}

function userOf(ctx: CheckContext, ref: string): DirectoryUser {
  return resolveUser(ctx.directory, ref);
}

async function checkTarget(spec: TargetExpectation, ctx: CheckContext): Promise<Verdict> {
  const { exists, active, attribute, equals, contains, memberOf, notMemberOf, manager, count } = spec;
  const expected = Object.fromEntries(Object.entries({ exists, active, attribute, equals, contains, memberOf, notMemberOf, manager, count }).filter(([, v]) => v !== undefined));
  if (spec.filter !== undefined) {
    const found = await ctx.probe.findByFilter('User', spec.filter);
    return { expected: { count }, actual: { count: found.length, userNames: found.map((u) => u.userName) }, ok: found.length === count };
  }
  let resource: ScimResource | undefined;
  let about: string[] = [];
  let type: 'User' | 'Group' = 'User';
  if (spec.user !== undefined) {
    const user = userOf(ctx, spec.user);
    about = [user.id];
    resource = await findTargetObject(ctx, 'User', user.id, user.userPrincipalName);
  } else if (spec.group !== undefined) {
    const group = resolveGroup(ctx.directory, spec.group);
    about = [group.id];
    type = 'Group';
    resource = await findTargetObject(ctx, 'Group', group.id, group.displayName);
  } else {
    const [found] = await ctx.probe.findBy('User', 'userName', spec.userName!);
    resource = found;
  }
  const targetIds = resource?.id ? [resource.id as string] : [];
  const actual: Record<string, unknown> = { exists: resource !== undefined };
  const failures: string[] = [];
  if (exists !== undefined && exists !== (resource !== undefined)) failures.push(exists ? `no such ${type.toLowerCase()} on the target` : `the ${type.toLowerCase()} is still on the target (id ${String(resource?.id)})`);
  if (resource === undefined) {
    if (exists === undefined || exists) {
      if (exists === undefined) failures.push(`no such ${type.toLowerCase()} on the target`);
      return { expected, actual, ok: false, message: failures.join('; '), about, targetIds };
    }
    return { expected, actual, ok: failures.length === 0, about, targetIds };
  }
  if (active !== undefined) {
    const isActive = flatValues(resource, ['active']).active !== false;
    actual.active = isActive;
    if (isActive !== active) failures.push(`active is ${isActive}`);
  }
  if (attribute !== undefined) {
    const value = flatValues(resource, [attribute])[attribute];
    actual.attribute = attribute;
    actual.value = value ?? null;
    if (equals !== undefined && JSON.stringify(value ?? null) !== JSON.stringify(equals)) failures.push(`${attribute} is ${JSON.stringify(value ?? null)}`);
    if (contains !== undefined && !(typeof value === 'string' && value.includes(contains))) failures.push(`${attribute} (${JSON.stringify(value ?? null)}) does not contain ${JSON.stringify(contains)}`);
  }
  for (const [ref, wanted] of [[memberOf, true], [notMemberOf, false]] as const) {
    if (ref === undefined) continue;
    const group = resolveGroup(ctx.directory, ref);
    about.push(group.id);
    const targetGroup = await findTargetObject(ctx, 'Group', group.id, group.displayName);
    const members = ((targetGroup?.members as { value?: string }[] | undefined) ?? []).map((m) => m.value);
    const isMember = targetGroup !== undefined && members.includes(resource.id as string);
    actual[wanted ? 'memberOf' : 'notMemberOf'] = wanted ? isMember : !isMember;
    if (targetGroup?.id) targetIds.push(targetGroup.id as string);
    if (!targetGroup) failures.push(`the group '${group.displayName}' is not on the target`);
    else if (isMember !== wanted) failures.push(wanted ? `not a member of '${group.displayName}' on the target` : `still a member of '${group.displayName}' on the target`);
  }
  if (manager !== undefined) {
    const boss = userOf(ctx, manager);
    about.push(boss.id);
    const bossTarget = await findTargetObject(ctx, 'User', boss.id, boss.userPrincipalName);
    const managerId = flatValues(resource, ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager'])['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager'];
    actual.manager = managerId ?? null;
    if (bossTarget?.id) targetIds.push(bossTarget.id as string);
    if (!bossTarget) failures.push(`the manager ${boss.userPrincipalName} is not on the target`);
    else if (managerId !== bossTarget.id) failures.push(`manager is ${JSON.stringify(managerId ?? null)}, not ${boss.userPrincipalName}'s target id ${String(bossTarget.id)}`);
  }
  return { expected, actual, ok: failures.length === 0, message: failures.join('; ') || undefined, about, targetIds };
}

async function checkSignin(spec: SigninExpectation, ctx: CheckContext): Promise<Verdict> {
  const user = spec.user !== undefined ? userOf(ctx, spec.user) : undefined;
  const userName = spec.userName ?? user!.userPrincipalName ?? user!.id;
  const answer = await ctx.probe.signin(userName);
  const expected = { userName, allowed: spec.allowed, ...(spec.reason ? { reason: spec.reason } : {}) };
  const actual = { allowed: answer.allowed, ...(answer.reason ? { reason: answer.reason } : {}) };
  const about = user ? [user.id] : [];
  if (answer.allowed !== spec.allowed) {
    return { expected, actual, ok: false, about, message: spec.allowed ? `${userName} cannot sign in: ${answer.reason}` : `${userName} can sign in` };
  }
  if (spec.reason !== undefined && !(answer.reason ?? '').toLowerCase().includes(spec.reason.toLowerCase())) {
    return { expected, actual, ok: false, about, message: `the refusal says ${JSON.stringify(answer.reason)}, not ${JSON.stringify(spec.reason)}` };
  }
  return { expected, actual, ok: true };
}

async function checkLog(spec: LogExpectation, ctx: CheckContext): Promise<Verdict> {
  const id = spec.user !== undefined ? userOf(ctx, spec.user).id : resolveGroup(ctx.directory, spec.group!).id;
  const pool = spec.cycle === 'any' ? await ctx.job.logs({ user: id }) : (ctx.lastRun?.entries ?? []);
  const entries = pool.filter((e) => e.sourceIdentity.id === id);
  const wanted = { action: spec.action, status: spec.status, errorCode: spec.errorCode, modifiedProperty: spec.modifiedProperty };
  const matches = entries.filter(
    (e) =>
      (spec.action === undefined || e.provisioningAction === spec.action) &&
      (spec.status === undefined || ([] as string[]).concat(spec.status).includes(e.provisioningStatusInfo.status)) &&
      (spec.errorCode === undefined || e.provisioningStatusInfo.errorInformation?.errorCode === spec.errorCode) &&
      (spec.modifiedProperty === undefined || e.modifiedProperties.some((p) => p.displayName.toLowerCase() === spec.modifiedProperty!.toLowerCase())),
  );
  const present = spec.present ?? true;
  const expected = { ...Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined)), ...(present ? {} : { present: false }) };
  const actual = entries.map((e) => ({
    action: e.provisioningAction,
    status: e.provisioningStatusInfo.status,
    ...(e.provisioningStatusInfo.errorInformation ? { errorCode: e.provisioningStatusInfo.errorInformation.errorCode } : {}),
    ...(e.modifiedProperties.length ? { modified: e.modifiedProperties.map((p) => p.displayName) } : {}),
  }));
  const ok = present ? matches.length > 0 : matches.length === 0;
  const where = spec.cycle === 'any' ? 'in any cycle' : 'in the last run';
  const message = ok ? undefined : present ? (entries.length ? `no entry ${where} matches` : `no log entry for it ${where}`) : `an entry ${where} matches`;
  return { expected, actual, ok, message, about: [id] };
}

function checkJob(spec: JobExpectation, status: JobStatus, lastRun: LastRun | undefined): Verdict {
  const actual: Record<string, unknown> = {};
  const failures: string[] = [];
  const compare = (name: string, want: unknown, got: unknown) => {
    if (want === undefined) return;
    actual[name] = got;
    if (JSON.stringify(want) !== JSON.stringify(got)) failures.push(`${name} is ${JSON.stringify(got)}`);
  };
  compare('status', spec.status, status.code);
  compare('quarantineReason', spec.quarantineReason, status.quarantine?.reason ?? null);
  compare('stagedDeletes', spec.stagedDeletes, status.stagedDeletes);
  compare('escrows', spec.escrows, status.escrows);
  compare('lastCycle', spec.lastCycle, lastRun?.report?.state ?? null);
  return { expected: spec, actual, ok: failures.length === 0, message: failures.join('; ') || undefined };
}

function checkRequests(spec: RequestsExpectation, lastRun: LastRun | undefined): Verdict {
  if (!lastRun?.report) return { expected: spec, actual: null, ok: false, message: 'no cycle has run yet' };
  const { writes, total } = lastRun.report.requests;
  const statuses = [...new Set(lastRun.requests.map((r) => r.status))].sort();
  const actual = { writes, requests: total, ...(spec.sawStatus !== undefined ? { statuses } : {}) };
  const failures: string[] = [];
  if (spec.maxWrites !== undefined && writes > spec.maxWrites) failures.push(`${writes} writes`);
  if (spec.minWrites !== undefined && writes < spec.minWrites) failures.push(`only ${writes} writes`);
  if (spec.maxRequests !== undefined && total > spec.maxRequests) failures.push(`${total} requests`);
  if (spec.sawStatus !== undefined && !statuses.includes(spec.sawStatus)) failures.push(`no response had status ${spec.sawStatus} (saw ${statuses.join(', ')})`);
  return { expected: spec, actual, ok: failures.length === 0, message: failures.join('; ') || undefined };
}
