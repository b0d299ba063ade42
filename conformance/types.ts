/**
 * @module conformance/types
 * A conformance check is one small object: what it verifies, where the rule is written, how
 * binding it is, which profiles it belongs to, which advertised features it needs, and `run`.
 * The runner turns each into a CheckResult; reporters render RunResults.
 */
import type { Exchange, ScimClient, ScimResponse } from '../scim/client/index.js';
import type { ResourceTypeDefinition, SchemaDefinition, ScimResource, ServiceProviderConfig } from '../scim/types.js';

export type Level = 'MUST' | 'SHOULD' | 'MAY';
export type ProfileName = 'rfc' | 'entra' | 'okta';
export type ProfileSelection = ProfileName | 'all';
export type Feature = 'patch' | 'bulk' | 'sort' | 'etag' | 'filter' | 'cursor' | 'groups' | 'changePassword';
export type Area =
  | 'discovery' | 'auth' | 'users' | 'groups' | 'replace' | 'patch' | 'entra' | 'filter' | 'paging' | 'sort'
  | 'projection' | 'etag' | 'bulk' | 'uniqueness' | 'delete' | 'http' | 'schema' | 'robustness' | 'throughput';

export const AREAS: readonly Area[] = [
  'discovery', 'auth', 'http', 'users', 'groups', 'replace', 'patch', 'entra', 'filter', 'paging', 'sort',
  'projection', 'etag', 'bulk', 'uniqueness', 'delete', 'schema', 'robustness', 'throughput',
];

export interface Check {
  readonly id: string;
  readonly title: string;
  readonly area: Area;
  /** where the rule is written: 'RFC 7644 §3.5.2', 'ENTRA-SPEC §6.5' */
  readonly spec: string;
  readonly level: Level;
  readonly profiles: readonly ProfileName[];
  /** features the target must advertise (ServiceProviderConfig, ResourceTypes); otherwise skipped */
  readonly requires?: readonly Feature[];
  /** creates, changes or deletes resources: excluded by --read-only */
  readonly mutating: boolean;
  run(ctx: CheckContext): Promise<void>;
}

/** What the target told us about itself; every field may be missing on a broken target. */
export interface Discovery {
  spc: ServiceProviderConfig | undefined;
  schemas: SchemaDefinition[];
  resourceTypes: ResourceTypeDefinition[];
  features: ReadonlySet<Feature>;
  /** the User resource type's extension schemas that /Schemas describes */
  userExtensions: string[];
}

export interface CheckContext {
  readonly client: ScimClient;
  /** the same target without credentials (auth checks); `authorization` header may be forced per request */
  readonly anonymous: ScimClient;
  readonly discovery: Discovery;
  /** unique per run; every resource the runner creates carries it */
  readonly prefix: string;
  /** `${prefix}-${label}-${n}`, unique within the run */
  uniqueName(label: string): string;
  /** a User body with unique userName/externalId; `overrides` are merged over it */
  userBody(overrides?: Record<string, unknown>): ScimResource;
  groupBody(overrides?: Record<string, unknown>): ScimResource;
  /** POST and expect 201 with an id; tracked for cleanup */
  createUser(overrides?: Record<string, unknown>): Promise<ScimResource & { id: string }>;
  createGroup(overrides?: Record<string, unknown>): Promise<ScimResource & { id: string }>;
  /** remembers a resource to delete after the check */
  track(endpoint: '/Users' | '/Groups', id: string): void;
  /** POST through `client` (default: the authenticated one) whatever the answer; a created resource is tracked for cleanup */
  post(endpoint: '/Users' | '/Groups', body: unknown, client?: ScimClient): Promise<ScimResponse<ScimResource>>;
  /** resources shared by several read checks, created once per run and cleaned up at the end */
  shared<T>(key: string, create: () => Promise<T>): Promise<T>;
  skip(reason: string): never;
  readonly timeoutMs: number;
  /** false when the run was given no credentials (the auth checks are then skipped) */
  readonly authenticated: boolean;
}

/** `not-run`: the check could not be attempted for a reason that is not by design (discovery failed). */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'not-run';

export interface CheckResult {
  id: string;
  title: string;
  area: Area;
  level: Level;
  spec: string;
  status: CheckStatus;
  reason?: string;
  expected?: string;
  actual?: string;
  /** the exchanges behind a failure (redacted) */
  exchanges?: Exchange[];
  durationMs: number;
  /** a failure listed in the --baseline file: reported, but it does not fail the run */
  knownFailure?: boolean;
}

export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** checks that could not be attempted (see RunResult.discoveryProblems) */
  notRun: number;
  /** failed MUST checks that fail the run (known failures excluded) */
  mustFailed: number;
  /** MUST checks not run: the run could not verify them, so it fails too */
  mustNotRun: number;
  /** failures the baseline lists */
  knownFailures: number;
}

/** Failed MUST checks or MUST checks not run: exit 1. */
export function runFailed(summary: RunSummary): boolean {
  return summary.mustFailed > 0 || summary.mustNotRun > 0;
}

export interface RunResult {
  /** the scimulator that ran the checks */
  tool: { name: 'scimulator'; version: string };
  target: string;
  profile: ProfileSelection;
  /** with --embedded: the quirk profile the embedded server ran with */
  quirks?: string;
  startedAt: string;
  durationMs: number;
  features: Feature[];
  summary: RunSummary;
  checks: CheckResult[];
  /** resources that could not be deleted afterwards */
  leftovers: string[];
  /** discovery requests that still failed after retrying; checks that needed their answer were not run */
  discoveryProblems: string[];
  /** discovery requests that failed at first and answered when retried */
  discoveryRetried: string[];
  /** stopped by an interrupt (SIGINT) before every selected check had run */
  interrupted: boolean;
  /** baseline checks that passed this time */
  fixed: string[];
}
