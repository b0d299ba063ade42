/**
 * @module server/quirks/types
 * The plug points between createServer and the quirk runtime / request journal: the server calls
 * these at fixed places so that a target can misbehave like a real SaaS application does, while
 * the protocol code in scim/ stays RFC-pure. RFC 7644 §3.12 for the error bodies quirks answer with:
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 */
import type { RequestHandler } from 'express';
import type { ScimResource } from '../../scim/types.js';
import type { FilterNode } from '../../scim/filter/types.js';
import type { NormalizedOperation } from '../../scim/patch/request.js';
import type { ResourceStore, ResourceTypeName, StoredResource } from '../store/types.js';
import type { QuirkProfile } from './profile.js';

export type ScimOperation = 'list' | 'filter' | 'get' | 'create' | 'replace' | 'patch' | 'delete';

export interface WriteContext {
  resourceType: ResourceTypeName;
  operation: 'create' | 'replace' | 'patch';
  /** absent on create */
  existing?: StoredResource;
  /** the validated resource about to be stored */
  resource: ScimResource;
  store: ResourceStore;
}

export interface QuirkRuntime {
  /** names of the quirks that are on, for the start banner */
  readonly active: readonly string[];
  /** store-level switch: userName filters and uniqueness become case-sensitive */
  readonly caseExactUserName: boolean;
  /** express middleware mounted after auth, before the SCIM routes: rateLimit, latency, faults,
   *  unsupported operations, groupsUnsupported. Sets res.locals.quirk = '<name>' when it answers. */
  readonly gate: RequestHandler;
  /** truncate, ignoreAttributes, requireFields, immutableAttributes, userNameFormat, licenses:
   *  returns the resource to store (possibly changed) or throws ScimError */
  beforeWrite(ctx: WriteContext): ScimResource;
  /** softDeleteOnly: 'deactivate' makes the route PATCH active=false instead of deleting */
  onDelete(ctx: { resourceType: ResourceTypeName; existing: StoredResource }): 'delete' | 'deactivate';
  /** filterSupport: returns the filter to apply, undefined to ignore it (return everything), or throws invalidFilter */
  filter(ctx: { resourceType: ResourceTypeName; filter: FilterNode; text: string }): FilterNode | undefined;
  /** patchSupport: throws ScimError when the app would refuse these operations */
  checkPatch(ctx: { resourceType: ResourceTypeName; operations: readonly NormalizedOperation[] }): void;
  /** pageSizeMax: the largest page the app returns (undefined = no quirk) */
  readonly pageSizeMax: number | undefined;
  /** POST /_admin/signin: can this user sign in (exists, active, licensed)? */
  signin(userName: string, store: ResourceStore): { ok: true } | { ok: false; reason: string };
  /** the profile this runtime was built from (GET /_admin/quirks) */
  readonly profile?: QuirkProfile;
  /** cancels pending latency timers and destroys hung requests (call on server close and before a swap) */
  close?(): void;
}

export interface JournalEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  durationMs: number;
  requestBody?: unknown;
  responseBody?: unknown;
  quirk?: string;
  /** headers as received and as sent, secrets redacted */
  requestHeaders?: Record<string, unknown>;
  responseHeaders?: Record<string, unknown>;
  /** a call to /_admin (filter these out with `GET /_admin/requests?admin=false`) */
  admin?: boolean;
}

export interface RequestJournal {
  /** express middleware mounted first: records every request/response (secrets redacted) */
  readonly middleware: RequestHandler;
  /** `admin`: only admin calls (true) or only the others (false) */
  list(options: { limit?: number; since?: number; admin?: boolean }): JournalEntry[];
  clear(): void;
  /**
   * Whether requests are being recorded (PUT /_admin/journal): paused, the journal keeps what it
   * holds and a request costs what it costs with no journal, as a proxy's "stop recording" does
   */
  recording: boolean;
  close(): Promise<void>;
}
