/**
 * @module engine/cycle/references
 * Reference attributes, resolved once the referenced objects have target ids (ENTRA-SPEC §2.8):
 * a user's manager (a PATCH of the manager reference with the manager's target id) and a group's
 * members (PATCH add/remove on `members` in batches of the job's memberBatchSize). Only linked
 * objects can be referenced; an in-scope member or manager without a link is a reference failure
 * (UnableToResolveReferenceAttributeValue), logged as a warning on the entry.
 */
import { URN } from '../../scim/types.js';
import { managerOps, memberOps } from '../wire/dialect.js';
import { objectKey } from '../state/types.js';
import type { DirectoryGroup, DirectoryUser } from '../source/types.js';
import type { EntryBuilder } from './entry.js';
import { mappingOf } from './objects.js';
import type { WorkItem } from './plan.js';
import { endpointOf, failItem, recordOf } from './runtime.js';
import type { CycleRuntime } from './runtime.js';

const UNRESOLVED = 'UnableToResolveReferenceAttributeValue';

function entryFor(rt: CycleRuntime, item: WorkItem): EntryBuilder | undefined {
  return rt.entries.get(objectKey(item.kind, item.sourceId));
}

/** Is this item linked, in scope and exported without failure this cycle? */
function resolvedThisCycle(rt: CycleRuntime, item: WorkItem): boolean {
  const entry = entryFor(rt, item);
  return item.scope.inScope && entry !== undefined && entry.status !== 'failure' && recordOf(rt, item.kind, item.sourceId).targetId !== undefined;
}

export async function resolveManager(rt: CycleRuntime, item: WorkItem): Promise<void> {
  if (item.kind !== 'User' || !resolvedThisCycle(rt, item)) return;
  const managerAttribute = mappingOf(rt, 'User').mapping.attributeMappings.find((m) => /(^|:)manager$/i.test(m.targetAttributeName));
  if (!managerAttribute) return;
  const entry = entryFor(rt, item)!;
  const record = recordOf(rt, 'User', item.sourceId);
  const wanted = (item.source as DirectoryUser).manager ?? null;
  const managerRecord = wanted ? rt.store.state.users[wanted] : undefined;
  const wantedTarget = managerRecord?.targetId ?? null;
  // §2.8: the manager is the one attribute whose current target value is looked up first
  const current = rt.currentManagers.has(item.sourceId) ? rt.currentManagers.get(item.sourceId)! : record.manager === undefined ? null : (record.manager ? rt.store.state.users[record.manager]?.targetId ?? null : null);
  if (wanted && !wantedTarget) {
    entry.step('referenceResolution', 'EntryReferenceResolution', 'warning', `The manager ${wanted} is not provisioned in ${rt.entryContext.targetSystem}; the user is provisioned without a manager.`, { Manager: wanted });
    entry.warn({ errorCode: UNRESOLVED, errorCategory: 'nonServiceFailure', reason: `We were unable to resolve the manager ${wanted} of ${entry.sourceIdentity.displayName}: it is not provisioned in the target.` });
    return;
  }
  if (wantedTarget === current) {
    record.manager = wanted;
    return;
  }
  const result = await rt.requester.send('reference', 'PATCH', `${endpointOf('User')}/${encodeURIComponent(record.targetId!)}`, {
    body: { schemas: [URN.PatchOp], Operations: managerOps(wantedTarget, rt.dialect) },
  });
  if (!result.ok) {
    entry.step('referenceResolution', 'EntryExportUpdateReference', 'failure', `Failed to set the manager of ${entry.sourceIdentity.displayName}`);
    failItem(rt, entry, item, result.outcome, true);
    return;
  }
  entry.exported();
  entry.modified(managerAttribute.targetAttributeName, current, wantedTarget);
  entry.step('referenceResolution', 'EntryExportUpdateReference', 'success', wantedTarget ? `Manager set to ${wantedTarget}` : 'Manager removed', { Manager: wantedTarget ?? '' });
  record.manager = wanted;
  rt.succeeded.add(objectKey('User', item.sourceId));
}

export async function resolveMembers(rt: CycleRuntime, item: WorkItem): Promise<void> {
  if (item.kind !== 'Group' || !resolvedThisCycle(rt, item)) return;
  const hasMembers = mappingOf(rt, 'Group').mapping.attributeMappings.some((m) => m.targetAttributeName.toLowerCase() === 'members');
  if (!hasMembers) return;
  const entry = entryFor(rt, item)!;
  const record = recordOf(rt, 'Group', item.sourceId);
  const desired: string[] = [];
  const unresolved: string[] = [];
  const userIds = new Set(rt.directory.users.map((u) => u.id));
  for (const memberId of new Set((item.source as DirectoryGroup).members ?? [])) {
    if (!userIds.has(memberId)) continue; // nested groups are not expanded (§2.8)
    const member = rt.store.state.users[memberId];
    if (member?.targetId) desired.push(member.targetId);
    else if (rt.entries.get(objectKey('User', memberId))?.status === 'failure') unresolved.push(memberId);
  }
  const exported = new Set(record.members ?? []);
  const wanted = new Set(desired);
  const add = desired.filter((id) => !exported.has(id));
  const remove = [...exported].filter((id) => !wanted.has(id));
  if (unresolved.length > 0) {
    entry.step('referenceResolution', 'EntryReferenceResolution', 'warning', `${unresolved.length} member(s) could not be resolved`, { Members: unresolved.join(', ') });
    entry.warn({ errorCode: UNRESOLVED, errorCategory: 'nonServiceFailure', reason: `We were unable to assign ${unresolved.join(', ')} as the members of ${entry.sourceIdentity.displayName}: they are not provisioned in the target.` });
  }
  if (add.length === 0 && remove.length === 0) return;
  const batches = memberOps(add, remove, rt.dialect, rt.settings.memberBatchSize);
  const members = new Set(exported);
  let offset = 0;
  const work = [...add.map((id) => ['add', id] as const), ...remove.map((id) => ['remove', id] as const)];
  for (const operations of batches) {
    const size = operations.reduce((n, op) => n + (Array.isArray(op.value) ? op.value.length : 1), 0);
    const result = await rt.requester.send('reference', 'PATCH', `${endpointOf('Group')}/${encodeURIComponent(record.targetId!)}`, {
      body: { schemas: [URN.PatchOp], Operations: operations },
    });
    if (!result.ok) {
      entry.step('referenceResolution', 'EntryExportUpdateMembers', 'failure', `Failed to update the members of ${entry.sourceIdentity.displayName}`);
      failItem(rt, entry, item, result.outcome, true);
      break;
    }
    for (const [kind, id] of work.slice(offset, offset + size)) {
      if (kind === 'add') members.add(id);
      else members.delete(id);
    }
    offset += size;
  }
  record.members = [...members];
  const added = add.filter((id) => members.has(id));
  const removed = remove.filter((id) => !members.has(id));
  if (added.length + removed.length > 0) {
    entry.exported();
    if (added.length > 0) entry.modified('members (added)', null, added);
    if (removed.length > 0) entry.modified('members (removed)', removed, null);
    entry.step('referenceResolution', 'EntryExportUpdateMembers', 'success', `Members added: ${added.length}, removed: ${removed.length}`);
  }
}
