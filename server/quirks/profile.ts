/**
 * @module server/quirks/profile
 * The TypeScript shape of a quirk profile. profile.schema.json is the source of truth; this type
 * mirrors it and test/server/quirks/profile.test.ts fails when the two drift apart (every key of
 * the schema, at every level listed in PROFILE_KEYS, must be a key of the type and back).
 */
import type { ScimType } from '../../scim/errors.js';
import type { ResourceTypeName } from '../store/types.js';

export type PerType<T> = { readonly [K in ResourceTypeName]?: T };
export type Delay = number | { readonly min: number; readonly max: number };
export const FAULT_KINDS = ['500', '502', '503', 'reset', 'hang'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const FILTER_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr', 'and', 'or', 'not'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type RefusalStatus = 400 | 403 | 404 | 405 | 409 | 422 | 500 | 501;
export type UnsupportedStatus = 403 | 404 | 405 | 501;

export interface OperationSupport {
  readonly list?: boolean;
  readonly filter?: boolean;
  readonly get?: boolean;
  readonly create?: boolean;
  readonly replace?: boolean;
  readonly patch?: boolean;
  readonly delete?: boolean;
}

export interface TruncateQuirk extends PerType<Readonly<Record<string, number>>> {
  readonly mode?: 'cut' | 'reject';
}

export interface OperationsQuirk extends PerType<OperationSupport> {
  readonly status?: UnsupportedStatus;
  readonly detail?: string;
}

export interface LicensesQuirk {
  readonly seats?: number;
  readonly roleAttribute?: string;
  readonly roles?: Readonly<Record<string, string>>;
  readonly pools?: Readonly<Record<string, number>>;
  readonly refusal?: { readonly status?: RefusalStatus; readonly scimType?: Exclude<ScimType, 'invalidCursor' | 'expiredCursor' | 'invalidCount'>; readonly detail?: string };
}

export interface RateLimitQuirk {
  readonly requests: number;
  readonly windowMs: number;
  readonly detail?: string;
}

export type LatencyQuirk = Delay | { readonly default?: Delay; readonly endpoints: Readonly<Record<string, Delay>> };

export interface FaultsQuirk {
  readonly kinds: readonly FaultKind[];
  readonly probability?: number;
  readonly seed?: number;
  readonly every?: number;
  readonly retryAfterSeconds?: number;
}

export interface FilterSupportQuirk {
  readonly attributes?: readonly string[];
  readonly operators?: readonly FilterOperator[];
  readonly unsupported: 'reject' | 'ignore';
}

export interface PatchSupportQuirk {
  readonly pathless?: boolean;
  readonly valueFilterPaths?: boolean;
  readonly ops?: readonly ('add' | 'replace' | 'remove')[];
  readonly status?: RefusalStatus;
  readonly detail?: string;
}

export interface QuirkProfile {
  readonly $schema?: string;
  readonly description: string;
  readonly truncate?: TruncateQuirk;
  readonly operations?: OperationsQuirk;
  readonly licenses?: LicensesQuirk;
  readonly rateLimit?: RateLimitQuirk;
  readonly latencyMs?: LatencyQuirk;
  readonly faults?: FaultsQuirk;
  readonly caseExactUserName?: boolean;
  readonly requireFields?: PerType<readonly string[]>;
  readonly ignoreAttributes?: PerType<readonly string[]>;
  readonly immutableAttributes?: PerType<readonly string[]>;
  readonly userNameFormat?: 'email' | { readonly pattern: string; readonly detail?: string };
  readonly pageSizeMax?: number;
  readonly filterSupport?: FilterSupportQuirk;
  readonly softDeleteOnly?: boolean;
  readonly patchSupport?: PatchSupportQuirk;
  readonly groupsUnsupported?: boolean | { readonly status?: UnsupportedStatus; readonly detail?: string };
}

/** The quirk names, in the order the start banner lists them. */
export type QuirkName = Exclude<keyof QuirkProfile, '$schema' | 'description'>;

type Keys<T> = { readonly [K in keyof Required<T>]: true };

/**
 * Every key of the type at each object level of the schema; `satisfies` makes the compiler reject
 * a missing or extra key, the drift test compares these lists with profile.schema.json.
 */
export const PROFILE_KEYS = {
  '': {
    $schema: true, description: true, truncate: true, operations: true, licenses: true, rateLimit: true, latencyMs: true,
    faults: true, caseExactUserName: true, requireFields: true, ignoreAttributes: true, immutableAttributes: true,
    userNameFormat: true, pageSizeMax: true, filterSupport: true, softDeleteOnly: true, patchSupport: true, groupsUnsupported: true,
  } satisfies Keys<QuirkProfile>,
  truncate: { mode: true, User: true, Group: true } satisfies Keys<TruncateQuirk>,
  operations: { status: true, detail: true, User: true, Group: true } satisfies Keys<OperationsQuirk>,
  licenses: { seats: true, roleAttribute: true, roles: true, pools: true, refusal: true } satisfies Keys<LicensesQuirk>,
  rateLimit: { requests: true, windowMs: true, detail: true } satisfies Keys<RateLimitQuirk>,
  faults: { kinds: true, probability: true, seed: true, every: true, retryAfterSeconds: true } satisfies Keys<FaultsQuirk>,
  filterSupport: { attributes: true, operators: true, unsupported: true } satisfies Keys<FilterSupportQuirk>,
  patchSupport: { pathless: true, valueFilterPaths: true, ops: true, status: true, detail: true } satisfies Keys<PatchSupportQuirk>,
  'definitions.operationSupport': {
    list: true, filter: true, get: true, create: true, replace: true, patch: true, delete: true,
  } satisfies Keys<OperationSupport>,
} as const;
