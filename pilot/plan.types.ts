/**
 * @module pilot/plan.types
 * A deployment's test plan as data (YAML or JSON): scenarios of steps that change the source
 * directory, run the engine or change the target, and expectations checked along the way.
 * plan.schema.json beside this file validates the shape; pilot/check-plan.ts checks what a schema
 * cannot (references to users and groups, durations, job settings).
 */
import type { JobConfig } from '../engine/job/types.js';
import type { Filter } from '../engine/mapping/types.js';
import type { ResetScope, JobStatus, QuarantineReason } from '../engine/api.js';
import type { ProvisioningAction, ProvisioningStatus } from '../engine/logs/types.js';
import type { DirectoryUser } from '../engine/source/types.js';
import type { QuirkProfile } from '../server/quirks/index.js';

/** A source user by id or userPrincipalName (case-insensitive); a group by id or displayName. */
export type UserRef = string;
export type GroupRef = string;

/** A bundled profile name, a profile file, an inline profile, or null for none. */
export type QuirksSetting = string | QuirkProfile | null;

/** The job settings a plan may set: everything of a job file except where source, target and state are. */
export type JobSettings = Omit<JobConfig, 'source' | 'target' | 'state' | 'name'> & {
  /** per request (job file: target.timeoutMs) */
  readonly timeoutMs?: number;
};

/** A change to the mapping (a schema edit the admin makes in the portal). */
export interface MappingEdit {
  /** the object mapping to change (default User) */
  readonly object?: 'User' | 'Group';
  /** this target attribute becomes the only matching attribute (priority 1, §2.5) */
  readonly matchOn?: string;
  /** target attribute → source expression (`[mail]`, `Join(" ", [givenName], [surname])`); null removes the mapping */
  readonly attributes?: Readonly<Record<string, string | null>>;
}

export interface PlanDefaults {
  /** a directory file, relative to the plan (default fixtures/directories/contoso.json) */
  readonly directory?: string;
  readonly job?: JobSettings;
  readonly quirks?: QuirksSetting;
}

export interface DirectorySetting {
  /** a directory file, relative to the plan (default: the plan's default directory) */
  readonly file?: string;
  /** source steps applied before the scenario's first step */
  readonly edits?: readonly SourceStep[];
}

export interface Scenario {
  readonly name: string;
  readonly description?: string;
  /** replaces the default profile; null: none */
  readonly quirks?: QuirksSetting;
  readonly directory?: string | DirectorySetting;
  /** merged over defaults.job (objects merged one level deep) */
  readonly job?: JobSettings;
  readonly mapping?: MappingEdit;
  readonly steps: readonly Step[];
}

export interface PilotPlan {
  readonly name: string;
  readonly description?: string;
  readonly defaults?: PlanDefaults;
  readonly scenarios: readonly Scenario[];
}

// --- steps ------------------------------------------------------------------------------------

export type Principal = { readonly user: UserRef; readonly group?: never } | { readonly group: GroupRef; readonly user?: never };

export type SourceStep =
  | { readonly addToGroup: { readonly user: UserRef; readonly group: GroupRef } }
  | { readonly removeFromGroup: { readonly user: UserRef; readonly group: GroupRef } }
  /** an appRoleAssignment for the user or group (appRole: a role id or value; default Default Access) */
  | { readonly assign: Principal & { readonly appRole?: string } }
  | { readonly unassign: Principal }
  | { readonly setAttributes: Principal & { readonly attributes: Readonly<Record<string, unknown>> } }
  | { readonly disable: { readonly user: UserRef } }
  | { readonly enable: { readonly user: UserRef } }
  | { readonly softDelete: Principal }
  | { readonly restore: Principal }
  | { readonly hardDelete: Principal }
  /** a new source user (the directory grows) */
  | { readonly addUser: DirectoryUser };

export type ConfigStep =
  | { readonly setScopingFilter: { readonly users?: Filter | null; readonly groups?: Filter | null } }
  | { readonly setMapping: MappingEdit };

export type EngineStep =
  | { readonly initialCycle: Record<string, never> | null }
  | { readonly incrementalCycle: Record<string, never> | null }
  | { readonly cycle: 'auto' | 'initial' | 'incremental' }
  | { readonly provisionOnDemand: { readonly user: UserRef } }
  | { readonly restart: { readonly resetScope?: readonly ResetScope[] } | null }
  /** restart with ForceDeletes, then a cycle (the portal's "Allow deletes", §2.10) */
  | { readonly allowDeletes: Record<string, never> | null }
  /** ISO-8601 (PT6H) or milliseconds: retries, escrow schedules and quarantine play out at once */
  | { readonly advanceClock: string | number };

export type TargetStep =
  | { readonly setQuirks: QuirksSetting }
  /** a user created directly on the target, as if someone made it by hand before provisioning */
  | { readonly createTargetUser: { readonly userName?: string; readonly from?: UserRef; readonly attributes?: Readonly<Record<string, unknown>> } };

export type ExpectStep = { readonly expect: readonly Expectation[] };

/** In a plan file a step without arguments may be written as its bare name (`- initialCycle`). */
export type Step = SourceStep | ConfigStep | EngineStep | TargetStep | ExpectStep;

export type StepKind = Step extends infer S ? (S extends Record<infer K, unknown> ? K & string : never) : never;

// --- expectations -----------------------------------------------------------------------------

/** Which target object: the one the engine linked to a source user, or one named on the target. */
export interface TargetSelector {
  readonly user?: UserRef;
  readonly group?: GroupRef;
  readonly userName?: string;
  /** a SCIM filter over /Users; with `count` */
  readonly filter?: string;
}

export interface TargetExpectation extends TargetSelector {
  readonly exists?: boolean;
  readonly active?: boolean;
  /** a SCIM attribute path (`name.givenName`, `emails[type eq "work"].value`, `urn:…:User:department`) */
  readonly attribute?: string;
  readonly equals?: unknown;
  readonly contains?: string;
  readonly memberOf?: GroupRef;
  /** the group exists on the target and does not list the object */
  readonly notMemberOf?: GroupRef;
  /** the target user's manager is this user's target object */
  readonly manager?: UserRef;
  /** `filter`: how many users it finds */
  readonly count?: number;
}

export interface SigninExpectation {
  readonly user?: UserRef;
  /** the name typed at the app's sign-in (default: the user's userPrincipalName) */
  readonly userName?: string;
  readonly allowed: boolean;
  /** the refusal reason contains this text */
  readonly reason?: string;
}

export interface LogExpectation {
  readonly user?: UserRef;
  readonly group?: GroupRef;
  /** `last` (default): the last cycle or on-demand run; `any`: every entry so far */
  readonly cycle?: 'last' | 'any';
  readonly action?: ProvisioningAction;
  /** one status, or any of several (`[success, warning]`: done, perhaps with a reference warning) */
  readonly status?: ProvisioningStatus | readonly ProvisioningStatus[];
  readonly errorCode?: string;
  /** a modified property the entry lists (displayName of ModifiedProperty) */
  readonly modifiedProperty?: string;
  /** false: no entry of the cycle matches */
  readonly present?: boolean;
}

export interface JobExpectation {
  readonly status?: JobStatus['code'];
  /** null: not quarantined */
  readonly quarantineReason?: QuarantineReason | null;
  readonly stagedDeletes?: number;
  readonly escrows?: number;
  /** the last cycle's state */
  readonly lastCycle?: 'Succeeded' | 'Failed' | 'EntryLevelErrors';
}

export interface RequestsExpectation {
  readonly maxWrites?: number;
  readonly maxRequests?: number;
  readonly minWrites?: number;
  /** at least one request was answered with this status (e.g. 429) */
  readonly sawStatus?: number;
}

export interface Expectation {
  /** the human sentence ("Adele can sign in to the app") */
  readonly description: string;
  readonly target?: TargetExpectation;
  readonly signin?: SigninExpectation;
  readonly log?: LogExpectation;
  readonly job?: JobExpectation;
  readonly requests?: RequestsExpectation;
}

export const EXPECTATION_KINDS = ['target', 'signin', 'log', 'job', 'requests'] as const;
export type ExpectationKind = (typeof EXPECTATION_KINDS)[number];
