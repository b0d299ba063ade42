/**
 * @module server/app
 * createServer: one SCIM 2.0 service provider (RFC 7644) from per-instance options, as an express 5
 * application. Order: journal → auth → JSON body → quirk gate → /scim/v2 and /_admin → 404 → errors.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3
 */
import express from 'express';
import type { Express, RequestHandler } from 'express';
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
  if (options.journal) app.use(options.journal.middleware);
  app.use(createAuth(options.auth));
  // RFC 7644 §3.7: a Bulk request is bounded by maxPayloadSize, anything else by maxBodyBytes.
  app.use(createJsonBody({ limit: (req) => (isBulkPath(req.path) ? bulk.maxPayloadSize : maxBodyBytes) }));
  // The quirk gate and the /Users, /Groups dispatch share one layer: every mounted layer costs
  // the router a path match and a prefix trim per request, and these are the hot endpoints.
  const resources = resourceRoutes(ctx);
  const gated: RequestHandler = (req, res, next) => {
    const runtime = quirks.runtime;
    if (!runtime) return resources(req, res, next);
    runtime.gate(req, res, (error?: unknown) => {
      if (error) return next(error);
      // the router only sees the gate's return value: a rejection from the routes goes to next here
      Promise.resolve(resources(req, res, next)).catch(next);
    });
  };
  app.use(SCIM_BASE_PATH, gated, scimRouter(ctx));
  app.use('/_admin', adminRouter(ctx));
  app.use(notFound());
  app.use(errorHandler(ctx.log));
  return app;
}

/** The quirk runtime currently in force in an app built by createServer. */
export function currentQuirks(app: Express): QuirkRuntime | undefined {
  return (app.locals.quirks as { runtime: QuirkRuntime | undefined } | undefined)?.runtime;
}

function isBulkPath(path: string): boolean {
  return path.toLowerCase().replace(/\/+$/, '') === `${SCIM_BASE_PATH.toLowerCase()}/bulk`;
}
