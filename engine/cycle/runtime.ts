/**
 * @module engine/cycle/runtime
 * What every step of one cycle shares: the requester, the dialect, the state being updated, the
 * mappings, the log entries under construction and the failures to escrow. Built by run.ts, read
 * by users.ts, groups.ts, removals.ts and references.ts.
 */
import type { Clock } from '../../util/clock.js';
import type { ResolvedObjectMapping } from '../mapping/index.js';
import type { SyncAttributeDefinition } from '../mapping/types.js';
import type { EvaluateOptions } from '../expressions/index.js';
import type { AssignmentIndex } from '../source/assignment.js';
import type { Directory } from '../source/types.js';
import type { JobSettings } from '../job/settings.js';
import type { PatchDialect } from '../wire/dialect.js';
import type { FailedOutcome } from '../wire/classify.js';
import type { StateStore } from '../state/store.js';
import type { ObjectKind, ObjectRecord } from '../state/types.js';
import { objectKey } from '../state/types.js';
import type { EntryBuilder, EntryContext } from './entry.js';
import type { Requester } from './requester.js';
import type { WorkItem } from './plan.js';

export interface Failure {
  readonly kind: ObjectKind;
  readonly sourceId: string;
  readonly digest: string | undefined;
  readonly outcome: FailedOutcome;
  readonly reference: boolean;
}

export interface CycleRuntime {
  readonly requester: Requester;
  readonly dialect: PatchDialect;
  readonly settings: JobSettings;
  readonly store: StateStore;
  readonly directory: Directory;
  readonly index: AssignmentIndex;
  readonly userMapping: ResolvedObjectMapping;
  readonly groupMapping: ResolvedObjectMapping | undefined;
  readonly clock: Clock;
  readonly entryContext: EntryContext;
  readonly expressionContext: EvaluateOptions;
  /** target id → object key of the source object linked to it (DuplicateSourceEntries, §2.5) */
  readonly owners: Map<string, string>;
  readonly entries: Map<string, EntryBuilder>;
  readonly failures: Failure[];
  /** objects whose export succeeded this cycle (their escrow is cleared) */
  readonly succeeded: Set<string>;
  /** the manager value the target showed when a user was read this cycle (§2.8: looked up before updating) */
  readonly currentManagers: Map<string, string | null>;
  /** set when the target refused the credentials mid-cycle: nothing more is started */
  abort: FailedOutcome | undefined;
}

export function recordOf(rt: CycleRuntime, kind: ObjectKind, sourceId: string): ObjectRecord {
  const records = kind === 'User' ? rt.store.state.users : rt.store.state.groups;
  return (records[sourceId] ??= {});
}

export function endpointOf(kind: ObjectKind): '/Users' | '/Groups' {
  return kind === 'User' ? '/Users' : '/Groups';
}

/** Records a failed export on the entry and for the escrow book; a 401 stops the cycle. */
export function failItem(rt: CycleRuntime, entry: EntryBuilder, item: Pick<WorkItem, 'kind' | 'sourceId' | 'digest'>, outcome: FailedOutcome, reference = false): void {
  entry.fail({ errorCode: outcome.errorCode, reason: outcome.reason, errorCategory: outcome.errorCategory, ...recommendation(outcome.errorCode) });
  rt.failures.push({ kind: item.kind, sourceId: item.sourceId, digest: item.digest, outcome, reference });
  if (outcome.retry === 'quarantine') rt.abort ??= outcome;
  // a failure no retry can fix (InvalidAnchor: restart Full re-matches) waits for the next source change
  if (outcome.retry === 'none' && item.digest !== undefined) recordOf(rt, item.kind, item.sourceId).digest = item.digest;
}

export function succeed(rt: CycleRuntime, item: Pick<WorkItem, 'kind' | 'sourceId' | 'digest'>): void {
  rt.succeeded.add(objectKey(item.kind, item.sourceId));
  const record = recordOf(rt, item.kind, item.sourceId);
  if (item.digest !== undefined) record.digest = item.digest;
}

export function targetAttributeDefinition(mapping: ResolvedObjectMapping, name: string): SyncAttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return mapping.targetAttributes?.find((d) => d.name.toLowerCase() === lower);
}

const RECOMMENDATIONS: Readonly<Record<string, string>> = {
  EntryConflict: 'Make the conflicting value unique in the target, or change the matching attribute so the existing object is matched.',
  LicenseLimitExceeded: 'Free or buy licences in the target application; the object is retried in a later cycle.',
  InvalidAnchor: 'The linked object no longer exists in the target: restart provisioning (Full) so it is matched again.',
  DuplicateTargetEntries: 'Several target objects share the matching value: remove the duplicates or choose a unique matching attribute.',
  DuplicateSourceEntries: 'Two source objects map to the same target object: make the matching attribute unique in the source.',
  TooManyRequests: 'The target throttles requests; the object is retried automatically.',
  MethodNotAllowed: 'The target does not support this operation; turn it off in the target object actions or enable it in the application.',
};

function recommendation(code: string): { recommendedAction?: string } {
  const text = RECOMMENDATIONS[code];
  return text ? { recommendedAction: text } : {};
}
