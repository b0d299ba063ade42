/**
 * @module engine/cycle/entry
 * Builds one provisioning log entry (ENTRA-SPEC §7.1) while an object walks the pipeline: each step
 * adds itself, the outcome sets action and status, and `finish` stamps duration and time.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../util/clock.js';
import type {
  ErrorInformation, Identity, ModifiedProperty, ProvisioningAction, ProvisioningLogEntry, ProvisioningStatus,
  ProvisioningStep, ProvisioningStepType,
} from '../logs/types.js';

export interface EntryContext {
  readonly jobId: string;
  readonly cycleId: string;
  readonly clock: Clock;
  readonly targetSystem: string;
  readonly onDemand?: boolean;
}

export const SOURCE_SYSTEM = { id: 'AzureActiveDirectory', displayName: 'Azure Active Directory' } as const;
const INITIATOR = { id: 'provisioning-service', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' } as const;

export class EntryBuilder {
  readonly changeId = randomUUID();
  readonly #started: number;
  #action: ProvisioningAction = 'other';
  #status: ProvisioningStatus = 'success';
  #error: ErrorInformation | undefined;
  readonly #steps: ProvisioningStep[] = [];
  readonly #modified: ModifiedProperty[] = [];
  targetIdentity: Identity;

  constructor(
    readonly ctx: EntryContext,
    readonly sourceIdentity: Identity,
    targetType: string,
  ) {
    this.#started = ctx.clock().getTime();
    this.targetIdentity = { id: '', displayName: '', identityType: targetType };
  }

  step(type: ProvisioningStepType, name: string, status: ProvisioningStatus, description: string, details: Record<string, unknown> = {}): this {
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(details)) if (v !== undefined) flat[k] = typeof v === 'string' ? v : JSON.stringify(v);
    this.#steps.push({ name, provisioningStepType: type, status, description, details: flat });
    return this;
  }

  action(action: ProvisioningAction): this {
    this.#action = action;
    return this;
  }

  get actionTaken(): ProvisioningAction {
    return this.#action;
  }

  get status(): ProvisioningStatus {
    return this.#status;
  }

  get error(): ErrorInformation | undefined {
    return this.#error;
  }

  target(id: string | undefined, displayName?: string): this {
    this.targetIdentity = { ...this.targetIdentity, id: id ?? this.targetIdentity.id, displayName: displayName ?? this.targetIdentity.displayName };
    return this;
  }

  modified(displayName: string, oldValue: unknown, newValue: unknown): this {
    this.#modified.push({ displayName, oldValue: show(oldValue), newValue: show(newValue) });
    return this;
  }

  skip(errorCode: string, reason: string): this {
    this.#status = 'skipped';
    this.#error = { errorCode, reason, errorCategory: 'success' };
    return this;
  }

  fail(error: ErrorInformation): this {
    this.#status = 'failure';
    this.#error = error;
    return this;
  }

  /**
   * An export happened after all (a manager or members PATCH after the attributes already
   * matched): the RedundantExport skip becomes an update that succeeded.
   */
  exported(action: ProvisioningAction = 'update'): this {
    if (this.#action === 'other') this.#action = action;
    if (this.#status === 'skipped') {
      this.#status = 'success';
      this.#error = undefined;
    }
    return this;
  }

  /** a success with something to say (an unresolved reference, a value the target changed) */
  warn(error: ErrorInformation): this {
    if (this.#status === 'success') {
      this.#status = 'warning';
      this.#error = error;
    }
    return this;
  }

  finish(): ProvisioningLogEntry {
    const now = this.ctx.clock();
    return {
      id: randomUUID(),
      activityDateTime: now.toISOString(),
      jobId: this.ctx.jobId,
      cycleId: this.ctx.cycleId,
      changeId: this.changeId,
      provisioningAction: this.#action,
      durationInMilliseconds: Math.max(0, now.getTime() - this.#started),
      provisioningStatusInfo: { status: this.#status, ...(this.#error ? { errorInformation: this.#error } : {}) },
      provisioningSteps: [...this.#steps],
      modifiedProperties: [...this.#modified],
      sourceIdentity: this.sourceIdentity,
      targetIdentity: this.targetIdentity,
      sourceSystem: SOURCE_SYSTEM,
      targetSystem: { id: this.ctx.targetSystem, displayName: this.ctx.targetSystem },
      initiatedBy: INITIATOR,
      ...(this.ctx.onDemand ? { onDemand: true } : {}),
    };
  }
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
