/**
 * @module server/quirks/profile
 * The TypeScript shape of a quirk profile, derived from its JSON Schema (profile-schema.ts) with
 * json-schema-to-ts, so the type cannot drift from what validation accepts. The named parts are
 * views into that one type; the lists of fault kinds and filter operators are read from the schema.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { ResourceTypeName } from '../store/types.js';
import { profileSchema } from './profile-schema.js';

export type PerType<T> = { readonly [K in ResourceTypeName]?: T };

/** Readonly all the way down: a loaded profile is configuration, never changed in place. */
type Immutable<T> = T extends readonly (infer U)[] ? readonly Immutable<U>[] : T extends object ? { readonly [K in keyof T]: Immutable<T[K]> } : T;

export type QuirkProfile = Immutable<FromSchema<typeof profileSchema>>;

type Part<K extends keyof QuirkProfile> = Exclude<QuirkProfile[K], undefined>;
export type TruncateQuirk = Part<'truncate'>;
export type OperationsQuirk = Part<'operations'>;
export type OperationSupport = Exclude<OperationsQuirk['User'], undefined>;
export type LicensesQuirk = Part<'licenses'>;
export type RateLimitQuirk = Part<'rateLimit'>;
export type LatencyQuirk = Part<'latencyMs'>;
export type Delay = Exclude<LatencyQuirk, { readonly endpoints: unknown }>;
export type FaultsQuirk = Part<'faults'>;
export type FaultKind = FaultsQuirk['kinds'][number];
export type FilterSupportQuirk = Part<'filterSupport'>;
export type FilterOperator = Exclude<FilterSupportQuirk['operators'], undefined>[number];
export type PatchSupportQuirk = Part<'patchSupport'>;
export type RefusalStatus = Exclude<PatchSupportQuirk['status'], undefined>;
export type UnsupportedStatus = Exclude<OperationsQuirk['status'], undefined>;

export const FAULT_KINDS: readonly FaultKind[] = profileSchema.properties.faults.properties.kinds.items.enum;
export const FILTER_OPERATORS: readonly FilterOperator[] = profileSchema.properties.filterSupport.properties.operators.items.enum;

/** The quirk names, in the order the start banner lists them. */
export type QuirkName = Exclude<keyof QuirkProfile, '$schema' | 'description'>;
