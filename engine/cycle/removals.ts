/**
 * @module engine/cycle/removals
 * Deprovisioning (ENTRA-SPEC §2.9, §2.10): a linked object that left scope is disabled
 * (`PATCH active false`) or deleted, a hard-deleted one deleted — or, when the cycle's removals
 * exceed the accidental-deletion threshold, every one of them is held back and logged as
 * StagedDelete until an admin allows deletes.
 */
import { URN } from '../../scim/types.js';
import { activeOps } from '../wire/dialect.js';
import { objectKey } from '../state/types.js';
import type { EntryBuilder } from './entry.js';
import { newEntry } from './objects.js';
import { outOfScopeSentence } from './plan.js';
import type { WorkItem } from './plan.js';
import { endpointOf, failItem, recordOf, succeed } from './runtime.js';
import type { CycleRuntime } from './runtime.js';

export function stage(rt: CycleRuntime, item: WorkItem, threshold: number, count: number): EntryBuilder {
  const entry = newEntry(rt, item);
  const action = item.decision.type === 'remove' ? item.decision.action : 'disable';
  rt.store.state.staged[objectKey(item.kind, item.sourceId)] = { kind: item.kind, sourceId: item.sourceId, action, reason: item.scope.reason ?? 'out-of-scope' };
  entry.action('stagedDelete');
  entry.step('export', 'EntryExportStagedDelete', 'skipped', `The ${action} of this ${item.kind.toLowerCase()} was staged: this cycle would remove ${count} objects, more than the accidental-deletion threshold of ${threshold}.`);
  entry.skip('StagedDelete', `${outOfScopeSentence(item.kind, item.scope)} The ${action} is held back by accidental-deletion prevention (${count} removals > threshold ${threshold}); allow deletes to process it.`);
  return entry;
}

export async function remove(rt: CycleRuntime, item: WorkItem): Promise<EntryBuilder> {
  const entry = newEntry(rt, item);
  const record = recordOf(rt, item.kind, item.sourceId);
  const path = `${endpointOf(item.kind)}/${encodeURIComponent(record.targetId!)}`;
  const why = outOfScopeSentence(item.kind, item.scope);
  if (item.decision.type === 'remove' && item.decision.action === 'disable') {
    entry.action('disable');
    const result = await rt.requester.send('disable', 'PATCH', path, { body: { schemas: [URN.PatchOp], Operations: activeOps(false, rt.dialect) } });
    if (!result.ok) {
      entry.step('export', 'EntryExportUpdateSoftDelete', 'failure', `Failed to disable ${item.kind} '${entry.sourceIdentity.displayName}': ${why}`);
      failItem(rt, entry, item, result.outcome);
      return entry;
    }
    entry.modified('active', record.active ?? true, false);
    entry.step('export', 'EntryExportUpdateSoftDelete', 'success', `${item.kind} '${entry.sourceIdentity.displayName}' was disabled in ${rt.entryContext.targetSystem}: ${why}`, { ReportableIdentifier: record.targetId });
    record.active = false;
    // §2.9: an unassigned object is no longer managed; a later delete in the source sends no DELETE
    if (item.scope.reason === 'not-assigned') record.managed = false;
    succeed(rt, item);
    return entry;
  }
  entry.action('delete');
  const result = await rt.requester.send('delete', 'DELETE', path);
  // already gone is what a delete wants
  const gone = !result.ok && result.outcome.errorCode === 'InvalidAnchor';
  if (!result.ok && !gone) {
    entry.step('export', 'EntryExportDelete', 'failure', `Failed to delete ${item.kind} '${entry.sourceIdentity.displayName}' from ${rt.entryContext.targetSystem}: ${why}`);
    failItem(rt, entry, item, result.outcome);
    return entry;
  }
  entry.step('export', 'EntryExportDelete', 'success', `${item.kind} '${entry.sourceIdentity.displayName}' was deleted from ${rt.entryContext.targetSystem}${gone ? ' (it was already gone)' : ''}: ${why}`, { ReportableIdentifier: record.targetId });
  const targetId = record.targetId!;
  rt.owners.delete(targetId);
  if (item.kind === 'User') {
    // the target dropped the user from its groups with it
    for (const group of Object.values(rt.store.state.groups)) {
      if (group.members?.includes(targetId)) group.members = group.members.filter((m) => m !== targetId);
    }
  }
  const records = item.kind === 'User' ? rt.store.state.users : rt.store.state.groups;
  if (item.source) records[item.sourceId] = item.digest !== undefined ? { digest: item.digest } : {};
  else delete records[item.sourceId];
  succeed(rt, item);
  if (!item.source) delete records[item.sourceId];
  return entry;
}

/** A skip decided by the plan: logged with its reason (an unchanged object gets no entry at all). */
export function skip(rt: CycleRuntime, item: WorkItem): EntryBuilder {
  const entry = newEntry(rt, item);
  if (item.decision.type === 'skip') {
    entry.step('processing', 'EntrySynchronizationSkip', 'skipped', item.decision.reason, { SkipReason: item.decision.code });
    entry.skip(item.decision.code, item.decision.reason);
  }
  succeed(rt, item);
  return entry;
}
