/**
 * The pure parts of a cycle: the plan's decisions (engine/cycle/plan.ts), the escrow retry
 * schedule (escrow.ts) and the quarantine thresholds (quarantine.ts), ENTRA-SPEC §2.2, §2.9–§2.11.
 */
import { expect } from 'chai';
import { matchWaves, planCycle } from '../../../engine/cycle/plan.js';
import type { CyclePlan, PlanInput, WorkItem } from '../../../engine/cycle/plan.js';
import { bookEscrows, nextRetry } from '../../../engine/cycle/escrow.js';
import { escrowCause, nextQuarantine, quarantineExpired } from '../../../engine/cycle/quarantine.js';
import { jobSettings } from '../../../engine/job/settings.js';
import type { JobConfig } from '../../../engine/job/types.js';
import { loadDefaultSchema, objectMappings, resourceTypeOf } from '../../../engine/mapping/index.js';
import { assignmentIndex } from '../../../engine/source/assignment.js';
import { digestDirectory } from '../../../engine/source/digest.js';
import { emptyState } from '../../../engine/state/types.js';
import type { EngineState } from '../../../engine/state/types.js';
import type { Failure } from '../../../engine/cycle/runtime.js';
import type { FailedOutcome } from '../../../engine/wire/classify.js';
import { directory, user } from './support/harness.js';
import type { TestDirectory } from './support/harness.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = new Date(Date.UTC(2026, 0, 5, 9));

const mappings = objectMappings(loadDefaultSchema());
const userMapping = mappings.find((m) => resourceTypeOf(m.mapping.targetObjectName) === 'User')!.mapping;
const groupMapping = mappings.find((m) => resourceTypeOf(m.mapping.targetObjectName) === 'Group')!.mapping;

function settings(overrides: Partial<JobConfig> = {}) {
  return jobSettings({ source: { path: 'x' }, target: { url: 'http://t/scim' }, ...overrides } as JobConfig);
}

function plan(dir: TestDirectory, state: EngineState, options: { kind?: 'initial' | 'incremental'; config?: Partial<JobConfig>; now?: Date } = {}): CyclePlan {
  const index = assignmentIndex(dir);
  const input: PlanInput = {
    kind: options.kind ?? 'incremental',
    directory: dir,
    index,
    digests: digestDirectory(dir, index),
    state,
    settings: settings(options.config),
    userMapping,
    groupMapping,
    now: options.now ?? NOW,
  };
  return planCycle(input);
}

/** The state after a clean cycle: every in-scope user linked, active, with today's digest. */
function syncedState(dir: TestDirectory): EngineState {
  const state = emptyState('job');
  const index = assignmentIndex(dir);
  const digests = digestDirectory(dir, index);
  for (const u of dir.users) if (index.isUserAssigned(u.id)) state.users[u.id] = { targetId: `t-${u.id}`, managed: true, active: u.accountEnabled !== false, digest: digests.users.get(u.id)! };
  for (const g of dir.groups) state.groups[g.id] = { targetId: `t-${g.id}`, managed: true, members: [], digest: digests.groups.get(g.id)! };
  return state;
}

const decisions = (p: CyclePlan) => Object.fromEntries(p.users.map((i) => [i.sourceId, i.decision.type === 'remove' ? `remove:${i.decision.action}` : i.decision.type === 'skip' ? `skip:${i.decision.code}` : i.decision.type]));

describe('engine/cycle/plan decisions', () => {
  it('initial: in scope and unlinked → provision; unassigned → skip; no matching value → ImportSkipped', () => {
    const dir = directory({ users: [user(1), user(2), user(3, { userPrincipalName: undefined as never })], direct: ['u1', 'u3'] });
    const p = plan(dir, emptyState('job'), { kind: 'initial' });
    expect(decisions(p)).to.deep.equal({ u1: 'provision', u2: 'skip:EntrySynchronizationSkipped', u3: 'skip:ImportSkipped' });
    expect(p.removals).to.deep.equal([]);
  });

  it('incremental: unchanged objects are not planned at all; a changed linked one is an update', () => {
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    const state = syncedState(dir);
    expect(plan(dir, state).users).to.deep.equal([]);
    expect(plan(dir, state).unchanged).to.equal(3); // two users and the group
    dir.users[1]!.jobTitle = 'New';
    expect(decisions(plan(dir, state))).to.deep.equal({ u2: 'update' });
  });

  it('deprovisioning: unassigned, disabled, soft-deleted → disable; hard-deleted → delete; delete mode → delete', () => {
    const dir = directory({ users: [user(1), user(2), user(3), user(4)], direct: ['u1', 'u2', 'u3', 'u4'] });
    const state = syncedState(dir);
    dir.appRoleAssignments = dir.appRoleAssignments.filter((a) => a.principalId !== 'u1');
    dir.users[1]!.accountEnabled = false;
    dir.users[2]!.deletedDateTime = '2026-01-04T00:00:00Z';
    dir.users = dir.users.filter((u) => u.id !== 'u4');
    const p = plan(dir, state);
    expect(decisions(p)).to.deep.equal({ u1: 'remove:disable', u2: 'remove:disable', u3: 'remove:disable', u4: 'remove:delete' });
    expect(p.users.find((i) => i.sourceId === 'u4')!.change).to.equal('Delete');
    expect(decisions(plan(dir, state, { config: { deprovision: { mode: 'delete' } } }))).to.deep.equal({ u1: 'remove:delete', u2: 'remove:delete', u3: 'remove:delete', u4: 'remove:delete' });
  });

  it('SkipOutOfScopeDeletions: out of scope is a skip, a hard delete still deletes', () => {
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    const state = syncedState(dir);
    dir.appRoleAssignments = dir.appRoleAssignments.filter((a) => a.principalId !== 'u1');
    dir.users = dir.users.filter((u) => u.id !== 'u2');
    expect(decisions(plan(dir, state, { config: { deprovision: { skipOutOfScopeDeletions: true } } }))).to.deep.equal({ u1: 'skip:SkipOutOfScopeDeletions', u2: 'remove:delete' });
  });

  it('already disabled in the target → RedundantExport; unmanaged and gone → forget (no request)', () => {
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    const state = syncedState(dir);
    state.users.u1!.active = false;
    state.users.u2!.managed = false;
    dir.appRoleAssignments = dir.appRoleAssignments.filter((a) => a.principalId !== 'u1');
    dir.users[0]!.jobTitle = 'x';
    dir.users = dir.users.filter((u) => u.id !== 'u2');
    expect(decisions(plan(dir, state))).to.deep.equal({ u1: 'skip:RedundantExport', u2: 'forget' });
  });

  it('accidental-deletion threshold: removals > threshold are staged, = threshold are not, ForceDeletes lets them through', () => {
    const dir = directory({ users: [1, 2, 3, 4].map((n) => user(n)), direct: ['u1', 'u2', 'u3', 'u4'] });
    const state = syncedState(dir);
    dir.appRoleAssignments = dir.appRoleAssignments.filter((a) => !['u1', 'u2', 'u3'].includes(a.principalId));
    expect(plan(dir, state, { config: { accidentalDeletionThreshold: 2 } }).stageRemovals).to.equal(true);
    expect(plan(dir, state, { config: { accidentalDeletionThreshold: 3 } }).stageRemovals).to.equal(false);
    expect(plan(dir, state, { config: { accidentalDeletionThreshold: null } }).stageRemovals).to.equal(false);
    state.forceDeletes = true;
    const forced = plan(dir, state, { config: { accidentalDeletionThreshold: 2 } });
    expect(forced.stageRemovals).to.equal(false);
    expect(forced.removals).to.have.length(3);
  });

  it('escrows: not due and unchanged → deferred; due → retried; a source change retries at once', () => {
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    const state = syncedState(dir);
    delete state.users.u1!.digest; // its last export failed
    const digest = digestDirectory(dir, assignmentIndex(dir)).users.get('u1')!;
    state.escrows['User:u1'] = { kind: 'User', sourceId: 'u1', firstFailure: NOW.toISOString(), lastFailure: NOW.toISOString(), attempts: 2, nextRetry: new Date(NOW.getTime() + 6 * HOUR).toISOString(), errorCode: 'InternalServerError', reason: 'x', digest, reference: false };
    const early = plan(dir, state);
    expect(early.users).to.deep.equal([]);
    expect(early.deferred).to.equal(1);
    const due = plan(dir, state, { now: new Date(NOW.getTime() + 6 * HOUR) });
    expect(decisions(due)).to.deep.equal({ u1: 'update' });
    dir.users[0]!.jobTitle = 'changed';
    expect(decisions(plan(dir, state))).to.deep.equal({ u1: 'update' });
  });

  it('groups: out of scope (unassigned) → delete; in scope and unlinked → provision', () => {
    const dir = directory({ users: [user(1)], direct: ['u1'], groups: [{ id: 'g2', displayName: 'Two', members: [] }] });
    dir.appRoleAssignments.push({ principalId: 'g2', principalType: 'Group', appRoleId: 'role-user' });
    const p1 = plan(dir, emptyState('job'), { kind: 'initial' });
    expect(p1.groups.map((g) => [g.sourceId, g.decision.type])).to.deep.equal([['g-assigned', 'provision'], ['g2', 'provision']]);
    const state = syncedState(dir);
    dir.appRoleAssignments = dir.appRoleAssignments.filter((a) => a.principalId !== 'g2');
    const p2 = plan(dir, state);
    expect(p2.groups.map((g) => [g.sourceId, g.decision])).to.deep.equal([['g2', { type: 'remove', action: 'delete' }]]);
  });
});

describe('engine/cycle/escrow schedule', () => {
  const schedule = settings().retrySchedule;
  const t0 = NOW.getTime();

  it('the default schedule: next cycle, then 6 h, 12 h, 24 h after the first failure, then every 24 h', () => {
    expect(schedule).to.deep.equal([0, 6 * HOUR, 12 * HOUR, 24 * HOUR]);
    expect(nextRetry(t0, t0, 1, schedule)).to.equal(t0);
    expect(nextRetry(t0, t0 + HOUR, 2, schedule)).to.equal(t0 + 6 * HOUR);
    expect(nextRetry(t0, t0 + 7 * HOUR, 3, schedule)).to.equal(t0 + 12 * HOUR);
    expect(nextRetry(t0, t0 + 13 * HOUR, 4, schedule)).to.equal(t0 + 24 * HOUR);
    expect(nextRetry(t0, t0 + 25 * HOUR, 5, schedule)).to.equal(t0 + 49 * HOUR);
    // a slot already passed is never in the past of the last failure
    expect(nextRetry(t0, t0 + 8 * HOUR, 2, schedule)).to.equal(t0 + 8 * HOUR);
  });

  const failure = (sourceId: string, outcome: Partial<FailedOutcome> = {}, reference = false): Failure => ({
    kind: 'User', sourceId, digest: 'd', reference,
    outcome: { ok: false, errorCode: 'InternalServerError', errorCategory: 'failure', reason: 'r', retry: 'next-cycle', ...outcome },
  });

  it('books failures, counts attempts from the first failure, clears on success, drops after 28 days', () => {
    const state = emptyState('job');
    const s = settings();
    bookEscrows(state, [failure('u1'), failure('u2')], new Set(), new Date(t0), s);
    expect(state.escrows['User:u1']).to.deep.include({ attempts: 1, firstFailure: NOW.toISOString(), nextRetry: NOW.toISOString(), errorCode: 'InternalServerError' });
    bookEscrows(state, [failure('u1', { errorCode: 'Timeout' })], new Set(['User:u2']), new Date(t0 + HOUR), s);
    expect(state.escrows['User:u1']).to.deep.include({ attempts: 2, firstFailure: NOW.toISOString(), errorCode: 'Timeout', nextRetry: new Date(t0 + 6 * HOUR).toISOString() });
    expect(state.escrows['User:u2']).to.equal(undefined);
    const { dropped } = bookEscrows(state, [], new Set(), new Date(t0 + 29 * DAY), s);
    expect(dropped).to.equal(1);
    expect(state.escrows).to.deep.equal({});
  });

  it('InvalidAnchor (no retry) and quarantine-class failures are not escrowed', () => {
    const state = emptyState('job');
    bookEscrows(state, [failure('u1', { retry: 'none', errorCode: 'InvalidAnchor' }), failure('u2', { retry: 'quarantine' })], new Set(), NOW, settings());
    expect(state.escrows).to.deep.equal({});
  });
});

describe('engine/cycle/quarantine thresholds', () => {
  function stateWith(failures: number, references: number, linked: number): EngineState {
    const state = emptyState('job');
    for (let i = 0; i < linked; i++) state.users[`ok${i}`] = { targetId: `t${i}`, managed: true };
    const add = (id: string, reference: boolean) => {
      state.escrows[`User:${id}`] = { kind: 'User', sourceId: id, firstFailure: NOW.toISOString(), lastFailure: NOW.toISOString(), attempts: 1, nextRetry: NOW.toISOString(), errorCode: 'X', reason: 'x', reference };
    };
    for (let i = 0; i < failures; i++) add(`f${i}`, false);
    for (let i = 0; i < references; i++) add(`r${i}`, true);
    return state;
  }
  const low = settings({ quarantine: { minFailures: 5, failureRatio: 0.4, maxFailures: 40, absoluteMax: 60 } });

  it('below minFailures nothing happens, whatever the ratio', () => {
    expect(escrowCause(stateWith(4, 0, 0), low)).to.equal(undefined);
  });

  it('the §2.11 examples, scaled by 1000: 45 → quarantine; 30 vs 5 → quarantine; 20 vs 100 → no; 40 + 21 references → total', () => {
    expect(escrowCause(stateWith(45, 0, 1000), low)?.reason).to.equal('EncounteredTotalEscrowThreshold');
    expect(escrowCause(stateWith(30, 0, 5), low)?.reason).to.equal('EncounteredEscrowProportionThreshold');
    expect(escrowCause(stateWith(20, 0, 100), low)).to.equal(undefined);
    expect(escrowCause(stateWith(40, 21, 1000), low)?.reason).to.equal('EncounteredTotalEscrowThreshold');
    expect(escrowCause(stateWith(39, 20, 1000), low)).to.equal(undefined);
  });

  it('a linked object that fails counts once in the ratio: ten of ten failing is 100 %, not 50 %', () => {
    const state = emptyState('job');
    for (let i = 0; i < 10; i++) {
      state.users[`u${i}`] = { targetId: `t${i}`, managed: true };
      state.escrows[`User:u${i}`] = { kind: 'User', sourceId: `u${i}`, firstFailure: NOW.toISOString(), lastFailure: NOW.toISOString(), attempts: 1, nextRetry: NOW.toISOString(), errorCode: 'X', reason: 'x', reference: false };
    }
    const cause = escrowCause(state, settings({ quarantine: { minFailures: 5, failureRatio: 0.6 } }));
    expect(cause?.reason).to.equal('EncounteredEscrowProportionThreshold');
    expect(cause?.message).to.match(/^10 of 10 /);
  });

  it('reference failures do not count toward the ratio', () => {
    expect(escrowCause(stateWith(0, 50, 10), low)).to.equal(undefined);
  });

  it('the series: began and counted across cycles, the cadence backs off to a day, expires after 28 days', () => {
    const s = settings();
    const cause = { reason: 'EncounteredQuarantineException' as const, code: 'C', message: 'm' };
    const first = nextQuarantine(null, cause, NOW, s)!;
    expect(first).to.deep.include({ seriesCount: 1, seriesBegan: NOW.toISOString(), currentBegan: NOW.toISOString() });
    expect(Date.parse(first.nextAttempt) - NOW.getTime()).to.equal(40 * 60_000);
    let q = first;
    for (let i = 0; i < 10; i++) q = nextQuarantine(q, cause, new Date(NOW.getTime() + (i + 1) * HOUR), s)!;
    expect(q.seriesCount).to.equal(11);
    expect(q.seriesBegan).to.equal(NOW.toISOString());
    expect(Date.parse(q.nextAttempt) - (NOW.getTime() + 10 * HOUR)).to.equal(DAY);
    expect(nextQuarantine(q, undefined, NOW, s)).to.equal(null);
    expect(quarantineExpired(q, new Date(NOW.getTime() + 28 * DAY), s)).to.equal(false);
    expect(quarantineExpired(q, new Date(NOW.getTime() + 28 * DAY + 1), s)).to.equal(true);
  });
});

describe('engine/cycle/plan matchWaves', () => {
  const item = (id: string, keys: string[], type: 'provision' | 'update' = 'provision'): WorkItem => ({
    kind: 'User', sourceId: id, change: 'Add', retry: false,
    matching: keys.map((k) => ({ attribute: k.split('=')[0]!, value: k.split('=')[1]! })),
    scope: { inScope: true, assigned: true, active: true, softDeleted: false, passesFilter: true },
    decision: { type },
  });
  it('objects sharing a matching value never share a wave; the rest stay in the first', () => {
    const waves = matchWaves([item('a', ['username=x']), item('b', ['username=y']), item('c', ['username=x']), item('d', ['username=z', 'mail=x']), item('e', ['username=x'])]);
    expect(waves.map((w) => w.map((i) => i.sourceId))).to.deep.equal([['a', 'b', 'd'], ['c'], ['e']]);
  });
  it('only provisioning objects are held apart: updates address their linked id', () => {
    const waves = matchWaves([item('a', ['username=x'], 'update'), item('b', ['username=x'], 'update')]);
    expect(waves).to.have.length(1);
  });
});
