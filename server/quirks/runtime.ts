/**
 * @module server/quirks/runtime
 * Composes the quirks a profile turns on into the QuirkRuntime the server calls. Everything
 * stateful (rate-limit windows, fault counters and PRNG, pending timers, hung requests) lives in
 * the returned object; quirks that are off are not wired at all, so an empty profile costs a bare
 * `next()` in the gate and an identity beforeWrite.
 */
import type { RequestHandler } from 'express';
import type { ScimResource } from '../../scim/types.js';
import { systemClock } from '../../util/clock.js';
import type { Clock } from '../../util/clock.js';
import { activeQuirks } from './active.js';
import { createPathCompiler } from './attribute-paths.js';
import type { PathCompiler } from './compiled-path.js';
import { createFaultPicker } from './faults.js';
import { checkImmutable, checkRequired, compilePerType, createUserNameCheck, dropIgnored } from './fields.js';
import { createFilterGate } from './filter-support.js';
import { createGate } from './gate.js';
import type { GateParts, GateResources } from './gate.js';
import { createLatencyPicker } from './latency.js';
import { createLicenseLedger } from './licenses.js';
import { signinVerdict } from '../signin.js';
import { groupsRefusal } from './operations.js';
import { createPatchCheck } from './patch-support.js';
import type { QuirkProfile } from './profile.js';
import { mulberry32 } from './random.js';
import { createRateLimiter } from './rate-limit.js';
import { realTimers } from './timers.js';
import { createQuirkTracker } from './tracker.js';
import type { QuirkTracker } from './tracker.js';
import type { Timers } from './timers.js';
import { createTruncate } from './truncate.js';
import type { QuirkRuntime, WriteContext } from './types.js';

export interface QuirkRuntimeOptions {
  clock?: Clock;
  /** replaces the seeded PRNGs of faults and latency (tests) */
  random?: () => number;
  timers?: Timers;
  compile?: PathCompiler;
}

type WriteStep = (ctx: WriteContext, resource: ScimResource) => ScimResource;

export function createQuirkRuntime(profile: QuirkProfile, options: QuirkRuntimeOptions = {}): QuirkRuntime {
  const compile = options.compile ?? createPathCompiler();
  const clock = options.clock ?? systemClock;
  const active = Object.freeze(activeQuirks(profile));
  const on = new Set<string>(active);
  const caseExactUserName = on.has('caseExactUserName');
  const resources: GateResources = { pending: new Map(), hung: new Set() };
  const tracker = createQuirkTracker();

  const ledger = on.has('licenses') ? createLicenseLedger(profile.licenses!, compile) : undefined;
  const steps = writeSteps(profile, on, compile, ledger).map(([name, step]) => marking(tracker, name, step));
  const filterGate = on.has('filterSupport') ? createFilterGate(profile.filterSupport!) : undefined;
  const patchCheck = on.has('patchSupport') ? createPatchCheck(profile.patchSupport!, compile.hasValueFilter) : undefined;
  const routeQuirks = steps.length > 0 || filterGate !== undefined || patchCheck !== undefined || on.has('softDeleteOnly');
  const gate = createRuntimeGate(profile, on, options, clock, resources);

  return {
    active,
    caseExactUserName,
    profile,
    pageSizeMax: profile.pageSizeMax,
    // Quirks acting inside the routes name themselves in res.locals.quirk (for the journal) through
    // the request's async context, which the gate opens only when such a quirk is on.
    gate: routeQuirks ? (req, res, next) => tracker.run(res.locals, () => gate(req, res, next)) : gate,
    beforeWrite:
      steps.length === 0
        ? (ctx) => ctx.resource
        : (ctx) => steps.reduce((resource, step) => step(ctx, resource), ctx.resource),
    onDelete: ({ resourceType }) => {
      if (!on.has('softDeleteOnly') || resourceType !== 'User') return 'delete';
      tracker.mark('softDeleteOnly');
      return 'deactivate';
    },
    filter: filterGate
      ? ({ filter }) => {
          const out = tracker.marked('filterSupport', () => filterGate(filter));
          if (out !== filter) tracker.mark('filterSupport');
          return out;
        }
      : ({ filter }) => filter,
    checkPatch: patchCheck ? ({ operations }) => tracker.marked('patchSupport', () => patchCheck(operations)) : () => undefined,
    signin(userName, store) {
      return signinVerdict(userName, store, { caseExactUserName, unlicensed: ledger ? (user) => ledger.unlicensed(user, store) : undefined });
    },
    close() {
      // A delayed request is cut off rather than answered: the target is going away.
      for (const [cancel, res] of resources.pending) {
        cancel();
        res.destroy();
      }
      resources.pending.clear();
      for (const res of resources.hung) res.destroy();
      resources.hung.clear();
    },
  };
}

/** A write step that names itself when it changes the resource or refuses it. */
function marking(tracker: QuirkTracker, name: string, step: WriteStep): WriteStep {
  return (ctx, resource) => {
    const out = tracker.marked(name, () => step(ctx, resource));
    if (out !== resource) tracker.mark(name);
    return out;
  };
}

function writeSteps(profile: QuirkProfile, on: ReadonlySet<string>, compile: PathCompiler, ledger: ReturnType<typeof createLicenseLedger> | undefined): [string, WriteStep][] {
  const steps: [string, WriteStep][] = [];
  // Order matters: dropped attributes are never checked, cut values are what immutability compares,
  // and the licence check runs last so that a refused write never consumed anything.
  if (on.has('ignoreAttributes')) {
    const paths = compilePerType(profile.ignoreAttributes!, compile);
    steps.push(['ignoreAttributes', (ctx, r) => dropIgnored(paths, ctx.resourceType, r)]);
  }
  if (on.has('truncate')) {
    const truncate = createTruncate(profile.truncate!, compile);
    steps.push(['truncate', (ctx, r) => truncate(ctx.resourceType, r)]);
  }
  if (on.has('requireFields')) {
    const paths = compilePerType(profile.requireFields!, compile);
    steps.push(['requireFields', (ctx, r) => (checkRequired(paths, ctx.resourceType, r), r)]);
  }
  if (on.has('userNameFormat')) {
    const check = createUserNameCheck(profile.userNameFormat!);
    steps.push(['userNameFormat', (ctx, r) => (ctx.resourceType === 'User' && check(r), r)]);
  }
  if (on.has('immutableAttributes')) {
    const paths = compilePerType(profile.immutableAttributes!, compile);
    steps.push(['immutableAttributes', (ctx, r) => (checkImmutable(paths, ctx.resourceType, ctx.existing, r), r)]);
  }
  if (ledger) steps.push(['licenses', (ctx, r) => (ledger.check({ ...ctx, resource: r }), r)]);
  return steps;
}

function createRuntimeGate(
  profile: QuirkProfile,
  on: ReadonlySet<string>,
  options: QuirkRuntimeOptions,
  clock: Clock,
  resources: GateResources,
): RequestHandler {
  const wanted = ['rateLimit', 'faults', 'operations', 'groupsUnsupported', 'latencyMs'].some((q) => on.has(q));
  if (!wanted) return (_req, _res, next) => next();
  const parts: GateParts = {
    clock,
    random: options.random ?? mulberry32(profile.faults?.seed ?? 0),
    timers: options.timers ?? realTimers,
  };
  if (on.has('rateLimit')) parts.rateLimit = { limiter: createRateLimiter(profile.rateLimit!), detail: profile.rateLimit!.detail };
  if (on.has('faults')) parts.faults = { pick: createFaultPicker(profile.faults!, options.random), retryAfterSeconds: profile.faults!.retryAfterSeconds };
  if (on.has('operations')) parts.operations = profile.operations;
  if (on.has('groupsUnsupported')) parts.groups = groupsRefusal(profile.groupsUnsupported!);
  if (on.has('latencyMs')) parts.latency = createLatencyPicker(profile.latencyMs!);
  return createGate(parts, resources);
}

