/**
 * @module server/routes/admin
 * The admin API under /_admin (same credentials as SCIM): reset the target, read, swap or drop the
 * quirk profile, read the request journal, and ask whether a user "can sign in" — how the pilot checks
 * the outcome of provisioning on the application side. Not part of RFC 7644; errors still use the
 * RFC 7644 §3.12 body so clients parse one shape.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
import { Router } from 'express';
import { ScimError } from '../../scim/errors.js';
import { passwordVerdict, signinVerdict } from '../signin.js';
import type { TargetContext } from '../context.js';
import type { QuirkRuntime, RequestJournal } from '../quirks/types.js';
import { sendNoContent, sendScim } from '../respond.js';

export function adminRouter(ctx: TargetContext): Router {
  const router = Router();

  router.post('/reset', async (_req, res) => {
    await ctx.store.reset();
    ctx.journal?.clear();
    ctx.resetCaches();
    sendNoContent(res);
  });

  router.get('/quirks', (_req, res) => {
    sendScim(res, 200, { active: ctx.quirks.runtime?.active ?? [], profile: ctx.quirks.profile ?? null });
  });

  router.put('/quirks', async (req, res) => {
    const { validateQuirkProfile, createQuirkRuntime } = await import('../quirks/index.js');
    const checked = validateQuirkProfile(req.body);
    if (!checked.ok) throw ScimError.invalidValue(`Invalid quirk profile: ${checked.errors.join('; ')}`);
    const runtime = createQuirkRuntime(checked.profile, { clock: ctx.clock });
    installQuirks(ctx, runtime, checked.profile);
    sendScim(res, 200, { active: runtime.active, profile: checked.profile });
  });

  // back to the plain target: no quirk runtime at all (PUT {} keeps one with every quirk off)
  router.delete('/quirks', (_req, res) => {
    installQuirks(ctx, undefined, undefined);
    sendNoContent(res);
  });

  router.get('/requests', (req, res) => {
    const journal = journalOf(ctx);
    const limit = optionalInteger(req.query.limit, 'limit');
    const since = optionalInteger(req.query.since, 'since');
    // ?admin=false leaves out the admin calls (resets, quirk swaps, sign-ins); ?admin=true keeps only them
    const raw = req.query.admin;
    if (raw !== undefined && raw !== 'true' && raw !== 'false') throw ScimError.invalidValue('admin must be true or false');
    sendScim(res, 200, { entries: journal.list({ limit, since, admin: raw === undefined ? undefined : raw === 'true' }) });
  });

  // Pause and resume recording, as a proxy's "stop recording": paused, a request costs what it costs
  // with no journal (the bench switches it under load to measure what recording costs).
  router.get('/journal', (_req, res) => {
    sendScim(res, 200, { recording: journalOf(ctx).recording });
  });

  router.put('/journal', (req, res) => {
    const journal = journalOf(ctx);
    const recording = (req.body as { recording?: unknown } | undefined)?.recording;
    if (typeof recording !== 'boolean') throw ScimError.invalidValue('Body must be {"recording": true} or {"recording": false}');
    journal.recording = recording;
    sendScim(res, 200, { recording });
  });

  router.post('/signin', async (req, res) => {
    const { userName, password } = (req.body ?? {}) as { userName?: unknown; password?: unknown };
    if (typeof userName !== 'string' || userName.length === 0 || (password !== undefined && typeof password !== 'string')) {
      throw ScimError.invalidValue('Body must be {"userName": "<userName>"} or {"userName": "<userName>", "password": "<password>"}');
    }
    const verdict = ctx.quirks.runtime
      ? ctx.quirks.runtime.signin(userName, ctx.store)
      : signinVerdict(userName, ctx.store);
    if (!verdict.ok) throw ScimError.forbidden(verdict.reason);
    if (password !== undefined) {
      const checked = await passwordVerdict(userName, password, ctx.store, { caseExactUserName: ctx.quirks.runtime?.caseExactUserName });
      if (!checked.ok) throw ScimError.forbidden(checked.reason);
    }
    sendScim(res, 200, { userName, signin: 'ok' });
  });

  return router;
}

/** the quirk runtime (or none) the routes use from the next request on */
function installQuirks(ctx: TargetContext, runtime: QuirkRuntime | undefined, profile: unknown): void {
  // the old runtime's pending latency timers and hung requests must not outlive it
  ctx.quirks.runtime?.close?.();
  ctx.quirks.runtime = runtime;
  ctx.quirks.profile = profile;
  ctx.resetCaches();
}

function journalOf(ctx: TargetContext): RequestJournal {
  if (!ctx.journal) throw ScimError.notFound('The request journal is off: start the target without --no-journal');
  return ctx.journal;
}

function optionalInteger(raw: unknown, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) throw ScimError.invalidValue(`${name} must be a non-negative integer`);
  return n;
}

