/**
 * @module server/app
 * createServer: one SCIM 2.0 service provider (RFC 7644) from per-instance options, as an express 5
 * application. Order: one front layer (journal → auth → JSON body → quirk gate → /Users, /Groups),
 * then the rest of /scim/v2, /_admin → 404 → errors.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3
 */
import express from 'express';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { systemClock } from '../util/clock.js';
import type { Clock } from '../util/clock.js';
import type { ResourceStore } from './store/types.js';
import type { QuirkRuntime, RequestJournal } from './quirks/types.js';
import type { SchemaRegistry } from './protocol.js';
import { createAuth } from './middleware/auth.js';
import type { AuthOptions } from './middleware/auth.js';
import { createJsonBody } from './middleware/json-body.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { adminRouter } from './routes/admin.js';
import { captureJson } from './journal/journal.js';
import { scimRouter } from './routes/scim.js';
import { resourceRoutes } from './routes/resources.js';
import { createResourceEndpoints } from './resource-endpoints.js';
import { defaultRegistry } from './protocol.js';
import type { BulkLimits, TargetContext } from './context.js';

export const SCIM_BASE_PATH = '/scim/v2';

export interface ServerOptions {
  store: ResourceStore;
  /** schemas and resource types served and enforced (default: User + EnterpriseUser, Group) */
  registry?: SchemaRegistry;
  auth: AuthOptions;
  /** public base URL, e.g. http://127.0.0.1:8080/scim/v2 (used in discovery meta.location) */
  baseUrl?: string;
  /** largest request body outside /Bulk, in bytes (default 5 MB) */
  maxBodyBytes?: number;
  /** RFC 7644 §3.7 limits, advertised in /ServiceProviderConfig */
  bulk?: BulkLimits;
  clock?: Clock;
  quirks?: QuirkRuntime;
  /** the profile `quirks` was built from, for GET /_admin/quirks (default: quirks.profile) */
  quirkProfile?: unknown;
  journal?: RequestJournal;
  /** default and largest page of a list response (default 100) */
  pageSize?: number;
  /** where internal errors are reported (never with request headers) */
  log?: (message: string) => void;
  /** called once per finished response (serve's per-request log line); never sees headers or bodies */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry { method: string; path: string; status: number; durationMs: number; quirk?: string }

export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_BULK: BulkLimits = { maxOperations: 1000, maxPayloadSize: 1024 * 1024 };
export const DEFAULT_PAGE_SIZE = 100;

export function createServer(options: ServerOptions): Express {
  const registry = options.registry ?? defaultRegistry();
  const quirks = { runtime: options.quirks, profile: options.quirkProfile ?? options.quirks?.profile };
  const clock = options.clock ?? systemClock;
  const bulk = options.bulk ?? DEFAULT_BULK;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const endpoints = createResourceEndpoints({ store: options.store, registry, quirks, pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE, clock });
  const ctx: TargetContext = {
    store: options.store,
    registry,
    baseUrl: options.baseUrl,
    maxBodyBytes,
    bulk,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    basicAuth: (options.auth.basic?.length ?? 0) > 0,
    clock,
    journal: options.journal,
    quirks,
    endpoints,
    log: options.log ?? (() => undefined),
    resetCaches: () => endpoints.resetCaches(),
  };

  const app = express();
  // startServer's close() ends the current runtime's timers and hung requests, whichever was swapped in last
  app.locals.quirks = quirks;
  app.disable('x-powered-by');
  // Responses are serialised by sendScim; express's own ETag would hash every body.
  app.disable('etag');
  if (options.onRequest) {
    const onRequest = options.onRequest;
    app.use((req, res, next) => {
      const started = performance.now();
      res.once('finish', () => {
        const quirk = res.locals.quirk as string | undefined;
        onRequest({ method: req.method, path: req.originalUrl.split('?')[0] ?? '', status: res.statusCode, durationMs: performance.now() - started, ...(quirk ? { quirk } : {}) });
      });
      next();
    });
  }
  // RFC 7644 §3.7: a Bulk request is bounded by maxPayloadSize, anything else by maxBodyBytes.
  const body = createJsonBody({ limit: (req) => (isBulkPath(req.path) ? bulk.maxPayloadSize : maxBodyBytes) });
  // the journal sees what res.json sends (admin answers, express's own); set once on the prototype
  if (options.journal) captureJson(app.response);
  const door = series([...(options.journal ? [options.journal.middleware] : []), createAuth(options.auth), body]);
  // The quirk gate and the /Users, /Groups dispatch run in the same layer as the door: each layer
  // the router walks costs a path match, and a mount rewrites req.url (which parseurl then parses
  // again), and these are the hot endpoints. What they pass on goes to the mounted scimRouter.
  const resources = resourceRoutes(ctx);
  const gated = (req: Request, res: Response, next: NextFunction, path: string): unknown => {
    const runtime = quirks.runtime;
    if (!runtime) return resources(req, res, next, path);
    runtime.gate(req, res, (error?: unknown) => {
      if (error) return next(error);
      guarded(() => resources(req, res, next, path), next);
    });
    return undefined;
  };
  app.use((req, res, next) => {
    door(req, res, (error?: unknown) => {
      if (error) return next(error);
      const path = pathUnder(SCIM_BASE_PATH, req.path);
      if (path === undefined) return next();
      guarded(() => gated(req, res, next, path), next);
    });
  });
  app.use(SCIM_BASE_PATH, scimRouter(ctx));
  app.use('/_admin', adminRouter(ctx));
  app.use(notFound());
  app.use(errorHandler(ctx.log));
  return app;
}

/** The quirk runtime currently in force in an app built by createServer. */
export function currentQuirks(app: Express): QuirkRuntime | undefined {
  return (app.locals.quirks as { runtime: QuirkRuntime | undefined } | undefined)?.runtime;
}

/**
 * The path relative to a mount point, matched as express mounts (case-insensitive, on a segment
 * boundary): `/scim/v2/Users` under `/scim/v2` is `/Users`; undefined when `path` is elsewhere.
 */
export function pathUnder(base: string, path: string): string | undefined {
  if (path.length < base.length || path.slice(0, base.length).toLowerCase() !== base.toLowerCase()) return undefined;
  if (path.length === base.length) return '/';
  return path[base.length] === '/' ? path.slice(base.length) : undefined;
}

/** Middleware run one after another as one: the first error (or throw) goes to `done`. */
function series(handlers: readonly RequestHandler[]): (req: Request, res: Response, done: (error?: unknown) => void) => void {
  return (req, res, done) => {
    let i = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) return done(error);
      const handler = handlers[i++];
      if (!handler) return done();
      guarded(() => handler(req, res, step), step);
    };
    step();
  };
}

/**
 * Runs a handler outside the router's own try/catch (it may be called back from a body's 'end'
 * event): a throw or a rejected promise goes to `next`, as express 5 would route it.
 */
function guarded(run: () => unknown, next: (error: unknown) => void): void {
  try {
    const result = run();
    if (result instanceof Promise) result.catch(next);
  } catch (error) {
    next(error);
  }
}

function isBulkPath(path: string): boolean {
  return path.toLowerCase().replace(/\/+$/, '') === `${SCIM_BASE_PATH.toLowerCase()}/bulk`;
}
