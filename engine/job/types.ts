/**
 * @module engine/job/types
 * A provisioning job file (ENTRA-SPEC §1, §9.3): where the source is, which target and credentials,
 * which mapping, scope, deprovisioning, thresholds and throughput limits, and where state lives.
 * The JSON Schema beside this file (job.schema.json) validates it; every knob has the §9.3 default.
 */
import type { Filter } from '../mapping/types.js';

/** A secret is given inline or, so that job files can be committed, named by an environment variable. */
export type JobAuth =
  | { readonly type: 'bearer'; readonly token?: string; readonly tokenEnv?: string }
  | { readonly type: 'basic'; readonly user: string; readonly password?: string; readonly passwordEnv?: string }
  | {
      readonly type: 'oauth-client-credentials';
      readonly tokenUrl: string;
      readonly clientId: string;
      readonly clientSecret?: string;
      readonly clientSecretEnv?: string;
      readonly scope?: string;
    };

export type ScopeSetting = 'assigned' | 'all';

/** `compliant` is Entra's aadOptscim062020 flag; `auto` reads the flag from the target URL (§6.2). */
export type PatchDialectSetting = 'auto' | 'legacy' | 'compliant';

export interface JobConfig {
  readonly name?: string;
  readonly source: {
    /** a directory file: Graph-shaped JSON, or CSV (one row per user) */
    readonly path: string;
    /** default: from the file's extension */
    readonly format?: 'json' | 'csv';
    /** CSV: the column naming the user's groups (default "groups"), separated by ";" */
    readonly groupsColumn?: string;
  };
  readonly target: {
    /** SCIM base URL; Entra's behaviour flags ride in its query string (?aadOptscim062020) */
    readonly url: string;
    readonly auth?: JobAuth;
    /** per request (default 10 000 ms) */
    readonly timeoutMs?: number;
    /** the name logs give the target system (default: the URL's host) */
    readonly displayName?: string;
  };
  /** a Graph synchronizationSchema file (default fixtures/mappings/scim-default.json) */
  readonly mapping?: string;
  /** default `assigned` (§2.4) */
  readonly scope?: ScopeSetting;
  /** attribute scoping filters (§5), replacing the mapping's own `scope` when given */
  readonly scopingFilters?: { readonly users?: Filter | null; readonly groups?: Filter | null };
  /** provision groups too (default true) */
  readonly provisionGroups?: boolean;
  readonly deprovision?: {
    /** `disable` (PATCH active false, default) or `delete` (the target has no soft delete, §2.9) */
    readonly mode?: 'disable' | 'delete';
    /** the SkipOutOfScopeDeletions secret (§2.9) */
    readonly skipOutOfScopeDeletions?: boolean;
  };
  /** accidental-deletion prevention (§2.10): more disables+deletes than this in one cycle are staged */
  readonly accidentalDeletionThreshold?: number | null;
  readonly dialect?: PatchDialectSetting;
  readonly retry?: {
    /** escrow retry offsets from the first failure, ISO-8601 durations or milliseconds (default [0, PT6H, PT12H, PT24H]) */
    readonly schedule?: readonly (string | number)[];
    /** escrow entries are dropped this long after the first failure (default P28D) */
    readonly dropAfter?: string | number;
    /** `honor`: wait for Retry-After within the cycle (default); `nextCycle`: escrow the 429 */
    readonly retryAfterMode?: 'honor' | 'nextCycle';
    /** longest wait for one Retry-After (default 60 000 ms) and total per cycle (default 600 000 ms) */
    readonly maxRetryAfterMs?: number;
    readonly retryAfterBudgetMs?: number;
    /** attempts per request for 429/5xx/network failures inside a cycle (default 3) */
    readonly attempts?: number;
  };
  readonly quarantine?: {
    readonly minFailures?: number;
    readonly failureRatio?: number;
    readonly maxFailures?: number;
    readonly absoluteMax?: number;
    /** a job in quarantine this long is disabled (default P28D) */
    readonly disableAfter?: string | number;
  };
  /** requests in flight (default 4) */
  readonly concurrency?: number;
  /** optional cap on requests per second */
  readonly requestsPerSecond?: number | null;
  /** members per group PATCH (default 100) */
  readonly memberBatchSize?: number;
  /** cadence between cycles in --watch (default PT40M; daily in quarantine) */
  readonly cycleInterval?: string | number;
  /** the state directory (connector data store, watermark, escrows, logs); default `.scimulator/<job name>` beside the job file */
  readonly state?: string;
}
