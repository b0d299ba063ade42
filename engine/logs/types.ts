/**
 * @module engine/logs/types
 * One provisioning log entry per object per cycle, shaped like Microsoft Graph's
 * provisioningObjectSummary (ENTRA-SPEC §7.1) so people who read Entra's logs read these.
 */

export type ProvisioningAction = 'create' | 'update' | 'delete' | 'disable' | 'stagedDelete' | 'other';

export type ProvisioningStatus = 'success' | 'failure' | 'skipped' | 'warning';

export type ProvisioningStepType = 'import' | 'scoping' | 'matching' | 'processing' | 'referenceResolution' | 'export';

/** Entra's categories (§7.1): a target-side problem is a nonServiceFailure. */
export type ErrorCategory = 'nonServiceFailure' | 'failure' | 'success';

export interface ErrorInformation {
  /** Entra's code (§7.4): EntryConflict, TooManyRequests, InvalidAnchor, LicenseLimitExceeded, … */
  readonly errorCode: string;
  readonly reason: string;
  readonly additionalDetails?: string;
  readonly errorCategory: ErrorCategory;
  readonly recommendedAction?: string;
}

export interface ProvisioningStep {
  /** e.g. EntryImportAdd, EntrySynchronizationScoping, EntrySynchronizationAdd, EntryExportUpdate */
  readonly name: string;
  readonly provisioningStepType: ProvisioningStepType;
  readonly status: ProvisioningStatus;
  readonly description: string;
  readonly details: Readonly<Record<string, string>>;
}

export interface ModifiedProperty {
  readonly displayName: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export interface Identity {
  readonly id: string;
  readonly displayName: string;
  /** User, Group, or the target's resource type */
  readonly identityType: string;
  readonly details?: Readonly<Record<string, string>>;
}

export interface ProvisioningLogEntry {
  readonly id: string;
  /** ISO-8601 UTC */
  readonly activityDateTime: string;
  readonly jobId: string;
  readonly cycleId: string;
  readonly changeId: string;
  readonly provisioningAction: ProvisioningAction;
  readonly durationInMilliseconds: number;
  readonly provisioningStatusInfo: {
    readonly status: ProvisioningStatus;
    readonly errorInformation?: ErrorInformation;
  };
  readonly provisioningSteps: readonly ProvisioningStep[];
  readonly modifiedProperties: readonly ModifiedProperty[];
  readonly sourceIdentity: Identity;
  /** empty id when no target object exists (yet) */
  readonly targetIdentity: Identity;
  readonly sourceSystem: { readonly id: string; readonly displayName: string };
  readonly targetSystem: { readonly id: string; readonly displayName: string };
  readonly initiatedBy: { readonly id: string; readonly displayName: string; readonly initiatorType: 'system' | 'user' };
  /** scimulator: was this entry written by an on-demand run (§2.13) */
  readonly onDemand?: boolean;
}

/** What `scimulator logs` and the pilot ask for; every field optional, all given must hold. */
export interface LogQuery {
  readonly cycleId?: string;
  readonly status?: ProvisioningStatus;
  readonly action?: ProvisioningAction;
  /** a source id, a target id or a display name (case-insensitive) */
  readonly user?: string;
  readonly errorCode?: string;
  /** entries at or after this time */
  readonly since?: Date;
  readonly limit?: number;
}
