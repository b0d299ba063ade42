/**
 * @module engine/cycle/objects
 * One object's walk through the pipeline (ENTRA-SPEC §2.5–§2.7, §9.2), users and groups alike:
 * import and scoping steps, then matching (`GET ?filter=attr eq "v"` by precedence) and create or
 * link, or — for a linked object — a read of its current state and a PATCH of only the attributes
 * that differ (else RedundantExport). Removals are removals.ts; references references.ts.
 */
import { eqFilter } from '../../scim/filter/build.js';
import { URN } from '../../scim/types.js';
import type { ScimResource } from '../../scim/types.js';
import { mapObject } from '../mapping/index.js';
import { flatValues } from '../mapping/flat-values.js';
import type { MappedObject } from '../mapping/index.js';
import { attributeOps, createGroupBody, createUserBody } from '../wire/dialect.js';
import type { AttributeChange } from '../wire/dialect.js';
import { objectKey } from '../state/types.js';
import type { ObjectKind, ObjectRecord } from '../state/types.js';
import { EntryBuilder } from './entry.js';
import { outOfScopeSentence } from './plan.js';
import type { WorkItem } from './plan.js';
import { endpointOf, failItem, recordOf, succeed, targetAttributeDefinition } from './runtime.js';
import type { CycleRuntime } from './runtime.js';
import type { DirectoryGroup, DirectoryUser } from '../source/types.js';

const REFERENCE_ATTRIBUTES = /(^|:)(manager|members)$/i;
const MULTIPLE_ENTRIES = 'SystemForCrossDomainIdentityManagementMultipleEntriesInResponse';

export function identityOf(item: Pick<WorkItem, 'kind' | 'sourceId' | 'source'>, record?: ObjectRecord) {
  const source = item.source as (DirectoryUser & DirectoryGroup) | undefined;
  const displayName = (item.kind === 'User' ? source?.displayName ?? source?.userPrincipalName : source?.displayName) ?? record?.displayName ?? item.sourceId;
  return { id: item.sourceId, displayName: String(displayName), identityType: item.kind };
}

export function newEntry(rt: CycleRuntime, item: WorkItem): EntryBuilder {
  const record = (item.kind === 'User' ? rt.store.state.users : rt.store.state.groups)[item.sourceId];
  const entry = new EntryBuilder(rt.entryContext, identityOf(item, record), item.kind === 'User' ? URN.User : URN.Group);
  if (record?.targetId) entry.target(record.targetId, record.displayName);
  rt.entries.set(objectKey(item.kind, item.sourceId), entry);
  const noun = item.kind;
  entry.step('import', `EntryImport${item.change}`, 'success', `Received ${noun} '${entry.sourceIdentity.displayName}' change of type (${item.change}) from Azure Active Directory`, importDetails(item));
  const s = item.scope;
  entry.step('scoping', 'EntrySynchronizationScoping', 'success', s.inScope ? `${noun} '${entry.sourceIdentity.displayName}' is in scope` : outOfScopeSentence(item.kind, s), {
    IsActive: s.active,
    Assigned: s.assigned,
    IsSoftDeleted: s.softDeleted,
    PassesScopingFilter: s.passesFilter,
    ScopeEvaluationResult: s.inScope ? 'InScope' : `OutOfScope: ${s.reason}`,
  });
  return entry;
}

function importDetails(item: WorkItem): Record<string, unknown> {
  if (!item.source) return { SourceAnchor: item.sourceId };
  const details: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item.source)) {
    if (v === null || v === undefined || typeof v === 'object') continue;
    if (/password|secret/i.test(k)) continue;
    details[k] = v;
  }
  return details;
}

/** Objects that are in scope and not linked: match by precedence, then link or create. */
export async function provision(rt: CycleRuntime, item: WorkItem): Promise<EntryBuilder> {
  const entry = newEntry(rt, item);
  const mapping = mappingOf(rt, item.kind);
  const endpoint = endpointOf(item.kind);
  const key = objectKey(item.kind, item.sourceId);
  let match: ScimResource | undefined;
  let matchedOn: string | undefined;
  // the plan already mapped the matching attributes of this object
  for (const { attribute, value } of item.matching ?? []) {
    const filter = eqFilter(attribute, value as string);
    const result = await rt.requester.send('match', 'GET', endpoint, { query: { filter, ...(item.kind === 'Group' ? { excludedAttributes: 'members' } : {}) } });
    if (!result.ok) {
      entry.step('matching', 'EntrySynchronizationMatch', 'failure', `Looking up the ${item.kind} by ${attribute} failed`, { filter });
      failItem(rt, entry, item, result.outcome);
      return entry;
    }
    const resources = ((result.response.body as { Resources?: ScimResource[] } | undefined)?.Resources ?? []).filter((r) => r && typeof r === 'object');
    if (item.kind === 'Group' && resources.some((r) => { const m: unknown = r.members; return Array.isArray(m) && m.length > 0; })) {
      entry.step('matching', 'EntrySynchronizationMatch', 'failure', 'The target returned members although they were excluded', { filter });
      failItem(rt, entry, item, { ok: false, errorCode: MULTIPLE_ENTRIES, errorCategory: 'failure', retry: 'escrow', reason: `The target returned group members for ${filter} although excludedAttributes=members was asked.` });
      return entry;
    }
    if (resources.length > 1) {
      entry.step('matching', 'EntrySynchronizationMatch', 'failure', `${resources.length} ${item.kind} objects in the target match ${filter}`, { filter, candidates: resources.map((r) => r.id) });
      failItem(rt, entry, item, { ok: false, errorCode: 'DuplicateTargetEntries', errorCategory: 'nonServiceFailure', retry: 'escrow', reason: `More than one ${item.kind.toLowerCase()} in the target matches ${filter}: ${resources.map((r) => r.id).join(', ')}.` });
      return entry;
    }
    if (resources.length === 1) {
      match = resources[0];
      matchedOn = filter;
      break;
    }
  }

  if (match) {
    const targetId = String(match.id);
    const owner = rt.owners.get(targetId);
    if (owner !== undefined && owner !== key) {
      entry.step('matching', 'EntrySynchronizationMatch', 'failure', `The matched ${item.kind} is already linked to another source object`, { filter: matchedOn, targetId, linkedTo: owner });
      failItem(rt, entry, item, { ok: false, errorCode: 'DuplicateSourceEntries', errorCategory: 'nonServiceFailure', retry: 'escrow', reason: `The target ${item.kind.toLowerCase()} ${targetId} matched by ${matchedOn} is already linked to ${owner}; two source objects map to one target object.` });
      return entry;
    }
    entry.step('matching', 'EntrySynchronizationMatch', 'success', `${item.kind} '${entry.sourceIdentity.displayName}' matched the target ${item.kind} ${targetId} (${matchedOn})`, { filter: matchedOn, targetId });
    await link(rt, item, targetId, displayNameOf(match, item.kind));
    entry.target(targetId, displayNameOf(match, item.kind));
    await updateFrom(rt, item, entry, match);
    return entry;
  }

  entry.step('matching', 'EntrySynchronizationAdd', 'success', `${item.kind} '${entry.sourceIdentity.displayName}' will be created in ${rt.entryContext.targetSystem} (${item.kind} is active and assigned, but no matching ${item.kind} was found)`);
  const mapped = mapObject(item.sourceObject!, mapping.mapping, { mode: 'create', context: rt.expressionContext, ...(mapping.targetAttributes ? { targetAttributes: mapping.targetAttributes } : {}) });
  if (mappingFailed(rt, entry, item, mapped)) return entry;
  const body = item.kind === 'User' ? createUserBody(mapped.resource) : createGroupBody(mapped.resource);
  entry.action('create');
  const result = await rt.requester.send('create', 'POST', endpoint, { body });
  if (!result.ok) {
    entry.step('export', 'EntryExportAdd', 'failure', `Failed to create ${item.kind} '${entry.sourceIdentity.displayName}' in ${rt.entryContext.targetSystem}`);
    failItem(rt, entry, item, result.outcome);
    return entry;
  }
  const created = result.response.body as ScimResource | undefined;
  if (!created || typeof created !== 'object' || typeof created.id !== 'string' || created.id === '') {
    entry.step('export', 'EntryExportAdd', 'failure', `The target answered the create without an id`);
    failItem(rt, entry, item, { ok: false, errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', errorCategory: 'failure', retry: 'escrow', reason: `The target answered POST ${endpoint} with ${result.response.status} but no resource id.` });
    return entry;
  }
  const names = valueNames(mapping.mapping.attributeMappings.map((m) => m.targetAttributeName));
  const sent = flatValues(body, names);
  for (const name of names) if (sent[name] !== undefined) entry.modified(name, null, sent[name]);
  await link(rt, item, created.id, displayNameOf(created, item.kind) ?? displayNameOf(body, item.kind));
  entry.target(created.id, displayNameOf(created, item.kind) ?? displayNameOf(body, item.kind));
  entry.step('export', 'EntryExportAdd', 'success', `${item.kind} '${entry.sourceIdentity.displayName}' was created in ${rt.entryContext.targetSystem}`, { ReportableIdentifier: created.id });
  const record = recordOf(rt, item.kind, item.sourceId);
  if (item.kind === 'User') record.active = sent.active === undefined ? true : Boolean(sent.active);
  if (item.kind === 'Group') record.members = [];
  noteDrift(rt, item, entry, record, sent, created, names);
  succeed(rt, item);
  return entry;
}

/** In scope and linked: read the target object, send only what differs (§2.7). */
export async function update(rt: CycleRuntime, item: WorkItem): Promise<EntryBuilder> {
  const entry = newEntry(rt, item);
  const record = recordOf(rt, item.kind, item.sourceId);
  const result = await rt.requester.send('read', 'GET', `${endpointOf(item.kind)}/${encodeURIComponent(record.targetId!)}`, item.kind === 'Group' ? { query: { excludedAttributes: 'members' } } : {});
  if (!result.ok) {
    entry.step('matching', 'EntryImportObject', 'failure', `Reading the linked ${item.kind} ${record.targetId} failed`);
    failItem(rt, entry, item, result.outcome);
    return entry;
  }
  entry.step('matching', 'EntryImportObject', 'success', `Retrieved ${item.kind} ${record.targetId} from ${rt.entryContext.targetSystem}`);
  await updateFrom(rt, item, entry, result.response.body as ScimResource);
  return entry;
}

async function updateFrom(rt: CycleRuntime, item: WorkItem, entry: EntryBuilder, current: ScimResource): Promise<void> {
  const mapping = mappingOf(rt, item.kind);
  const record = recordOf(rt, item.kind, item.sourceId);
  const mapped = mapObject(item.sourceObject!, mapping.mapping, { mode: 'update', context: rt.expressionContext, ...(mapping.targetAttributes ? { targetAttributes: mapping.targetAttributes } : {}) });
  if (mappingFailed(rt, entry, item, mapped)) return;
  const names = valueNames(mapping.mapping.attributeMappings.filter((m) => (m.flowType ?? 'Always') !== 'ObjectAddOnly').map((m) => m.targetAttributeName));
  const desired = flatValues(mapped.resource, names);
  const now = flatValues(current, names);
  if (item.kind === 'User') {
    const managerName = mapping.mapping.attributeMappings.find((m) => /(^|:)manager$/i.test(m.targetAttributeName))?.targetAttributeName;
    if (managerName) {
      const value = flatValues(current, [managerName])[managerName];
      rt.currentManagers.set(item.sourceId, typeof value === 'string' && value !== '' ? value : null);
    }
  }
  const changes: AttributeChange[] = [];
  for (const name of names) {
    const want = desired[name];
    // Entra never clears: a value that became null is not sent (§2.7)
    if (want === undefined || want === null) continue;
    const caseExact = targetAttributeDefinition(mapping, name)?.caseExact ?? false;
    if (same(want, now[name], caseExact)) continue;
    const drift = record.drift?.[name];
    if (drift && same(drift.sent, want, true) && same(drift.stored, now[name], true)) continue;
    changes.push({ path: name, value: want, ...(now[name] === undefined || now[name] === null ? { isNew: true } : {}) });
  }
  if (changes.length === 0) {
    entry.step('processing', 'EntrySynchronizationSkip', 'skipped', `The state of the ${item.kind.toLowerCase()} in both the source and target systems already match.`, { SkipReason: 'RedundantExport' });
    entry.skip('RedundantExport', `The state of the ${item.kind.toLowerCase()} in both the source and target systems already match.`);
    if (item.kind === 'User' && typeof now.active === 'boolean') record.active = now.active;
    succeed(rt, item);
    return;
  }
  const operations = attributeOps(changes, rt.dialect);
  entry.action('update');
  for (const c of changes) entry.modified(c.path, now[c.path], c.value);
  const result = await rt.requester.send('update', 'PATCH', `${endpointOf(item.kind)}/${encodeURIComponent(record.targetId!)}`, { body: { schemas: [URN.PatchOp], Operations: operations } });
  if (!result.ok) {
    entry.step('export', 'EntryExportUpdate', 'failure', `Failed to update ${item.kind} '${entry.sourceIdentity.displayName}' in ${rt.entryContext.targetSystem}`);
    failItem(rt, entry, item, result.outcome);
    return;
  }
  entry.step('export', 'EntryExportUpdate', 'success', `${item.kind} '${entry.sourceIdentity.displayName}' was updated in ${rt.entryContext.targetSystem}`, { ReportableIdentifier: record.targetId, ChangedAttributes: changes.map((c) => c.path).join(', ') });
  if (item.kind === 'User' && changes.some((c) => c.path === 'active')) record.active = Boolean(desired.active);
  record.managed = true;
  const body = result.response.body;
  if (body && typeof body === 'object' && (body as ScimResource).id !== undefined) {
    const sent = Object.fromEntries(changes.map((c) => [c.path, c.value]));
    noteDrift(rt, item, entry, record, sent, body as ScimResource, changes.map((c) => c.path));
  }
  succeed(rt, item);
}

/**
 * A target that stores something other than what it was sent (Slack cuts long userNames) is
 * reported once, and remembered so later cycles do not resend the same value forever.
 */
function noteDrift(rt: CycleRuntime, item: WorkItem, entry: EntryBuilder, record: ObjectRecord, sent: Record<string, unknown>, stored: ScimResource, names: readonly string[]): void {
  const mapping = mappingOf(rt, item.kind);
  const got = flatValues(stored, names);
  const differences: string[] = [];
  for (const name of names) {
    if (sent[name] === undefined || got[name] === undefined) continue;
    if (same(sent[name], got[name], targetAttributeDefinition(mapping, name)?.caseExact ?? false)) continue;
    (record.drift ??= {})[name] = { sent: sent[name], stored: got[name] };
    differences.push(`${name}: sent ${JSON.stringify(sent[name])}, stored ${JSON.stringify(got[name])}`);
  }
  if (differences.length > 0) {
    entry.step('export', 'EntryExportValueMismatch', 'warning', `The target stored different values than were sent`, { Differences: differences.join('; ') });
    entry.warn({ errorCode: 'AttributeValueMismatch', errorCategory: 'nonServiceFailure', reason: `${rt.entryContext.targetSystem} stored different values than were sent (it may truncate or normalise them): ${differences.join('; ')}.` });
  }
}

function mappingFailed(rt: CycleRuntime, entry: EntryBuilder, item: WorkItem, mapped: MappedObject): boolean {
  if (mapped.errors.length === 0) return false;
  const missing = mapped.errors.filter((e) => e.code === 'missing-required');
  const code = missing.length > 0 ? 'MandatoryFieldsMissing' : 'ExpressionEvaluationFailed';
  const reason = mapped.errors.map((e) => `${e.targetAttributeName}: ${e.message}`).join('; ');
  entry.step('processing', 'EntrySynchronizationError', 'failure', `The attribute mappings could not be evaluated`, { Errors: reason });
  failItem(rt, entry, item, { ok: false, errorCode: code, errorCategory: 'nonServiceFailure', retry: 'escrow', reason });
  return true;
}

export function mappingOf(rt: CycleRuntime, kind: ObjectKind) {
  return kind === 'User' ? rt.userMapping : rt.groupMapping!;
}

async function link(rt: CycleRuntime, item: WorkItem, targetId: string, displayName: string | undefined): Promise<void> {
  rt.owners.set(targetId, objectKey(item.kind, item.sourceId));
  await rt.store.recordLink(item.kind, item.sourceId, targetId, displayName);
}

function displayNameOf(resource: ScimResource, kind: ObjectKind): string | undefined {
  const v = kind === 'User' ? (resource.userName ?? resource.displayName) : resource.displayName;
  return typeof v === 'string' ? v : undefined;
}

/** Target attributes that carry values (references are resolved apart, §2.8). */
function valueNames(names: readonly string[]): string[] {
  return [...new Set(names.filter((n) => !REFERENCE_ATTRIBUTES.test(n)))];
}

export function same(a: unknown, b: unknown, caseExact: boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string') return caseExact ? a === b : a.toLowerCase() === b.toLowerCase();
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
