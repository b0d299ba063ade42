/**
 * What the engine's end-to-end tests share: a real embedded target on an ephemeral port with a
 * manual clock shared with the engine, a SCIM client to look at the target's state, a small
 * directory the test edits in memory between cycles, and a job opened on both.
 */
import { createScimClient } from '../../../../scim/client/index.js';
import type { ScimClient } from '../../../../scim/client/index.js';
import type { ScimResource } from '../../../../scim/types.js';
import { startEmbeddedTarget } from '../../../../server/embedded.js';
import type { EmbeddedTarget } from '../../../../server/embedded.js';
import type { JournalEntry, QuirkProfile } from '../../../../server/quirks/index.js';
import { createManualClock } from '../../../../util/clock.js';
import type { ManualClock } from '../../../../util/clock.js';
import { openJob } from '../../../../engine/index.js';
import type { CycleReport, ProvisioningJob } from '../../../../engine/index.js';
import type { JobConfig } from '../../../../engine/job/types.js';
import type { AppRoleAssignment, DirectoryGroup, DirectoryUser } from '../../../../engine/source/types.js';
import type { ProvisioningLogEntry } from '../../../../engine/logs/types.js';

export const GROUP_ASSIGNED = 'g-assigned';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type TestUser = Mutable<DirectoryUser>;

/** A mutable directory: the test edits it, the engine reads a copy at each cycle. */
export interface TestDirectory {
  users: TestUser[];
  groups: (Mutable<DirectoryGroup> & { members: string[] })[];
  appRoles: { id: string; value: string; displayName: string }[];
  appRoleAssignments: AppRoleAssignment[];
}

export function user(n: number | string, extra: Partial<TestUser> = {}): TestUser {
  const id = `u${n}`;
  return {
    id,
    userPrincipalName: `user${n}@contoso.com`,
    mail: `user${n}@contoso.com`,
    mailNickname: `user${n}`,
    givenName: `Given${n}`,
    surname: `Sur${n}`,
    displayName: `User ${n}`,
    accountEnabled: true,
    department: 'Sales',
    ...extra,
  };
}

/** `assignedUsers` get a direct assignment; `groupMembers` are members of the assigned group. */
export function directory(options: { users: ReturnType<typeof user>[]; direct?: string[]; groupMembers?: string[]; groups?: TestDirectory['groups'] }): TestDirectory {
  const groups = [{ id: GROUP_ASSIGNED, displayName: 'Assigned Group', members: options.groupMembers ?? [] }, ...(options.groups ?? [])];
  const assignments: AppRoleAssignment[] = [
    { principalId: GROUP_ASSIGNED, principalType: 'Group', appRoleId: 'role-user' },
    ...(options.direct ?? []).map((id) => ({ principalId: id, principalType: 'User' as const, appRoleId: 'role-user' })),
  ];
  return { users: options.users, groups, appRoles: [{ id: 'role-user', value: 'User', displayName: 'User' }], appRoleAssignments: assignments };
}

export function assign(dir: TestDirectory, principalId: string, principalType: 'User' | 'Group' = 'User'): void {
  dir.appRoleAssignments.push({ principalId, principalType, appRoleId: 'role-user' });
}

export function unassign(dir: TestDirectory, principalId: string): void {
  dir.appRoleAssignments = dir.appRoleAssignments.filter((a) => a.principalId !== principalId);
}

export interface Harness {
  readonly target: EmbeddedTarget;
  readonly time: ManualClock;
  /** looks at the target (its own connection, not the engine's) */
  readonly scim: ScimClient;
  close(): Promise<void>;
  /** every user in the target */
  users(): Promise<ScimResource[]>;
  groups(): Promise<ScimResource[]>;
  userByName(userName: string): Promise<ScimResource | undefined>;
  /** POST {adminUrl}/signin: the app's answer to "can this user sign in" */
  signin(userName: string): Promise<number>;
  /** journal entries since the last mark (and moves the mark) */
  journalSince(): JournalEntry[];
  /** the journal cursor now */
  mark(): void;
}

export async function startHarness(options: { quirks?: string | QuirkProfile; token?: string } = {}): Promise<Harness> {
  const time = createManualClock(Date.UTC(2026, 0, 5, 9));
  const target = await startEmbeddedTarget({ clock: time.clock, journal: 5000, ...(options.quirks ? { quirks: options.quirks } : {}), ...(options.token ? { token: options.token } : {}) });
  const scim = createScimClient({ baseUrl: target.url, auth: { type: 'bearer', token: target.token }, timeoutMs: 5000 });
  let since = 0;
  // every page (the target caps a page), oldest first
  const listAll = async (endpoint: string) => {
    const all: ScimResource[] = [];
    for (let startIndex = 1; ; ) {
      const res = await scim.list(endpoint, { startIndex, count: 1000 });
      if (res.status !== 200) throw new Error(`GET ${endpoint} answered ${res.status}`);
      const page = (res.body.Resources ?? []) as ScimResource[];
      all.push(...page);
      startIndex += page.length;
      if (page.length === 0 || all.length >= res.body.totalResults) return all;
    }
  };
  const harness: Harness = {
    target,
    time,
    scim,
    async close() {
      await scim.close();
      await target.close();
    },
    users: () => listAll('/Users'),
    groups: () => listAll('/Groups'),
    async userByName(userName) {
      return (await listAll('/Users')).find((u) => String(u.userName).toLowerCase() === userName.toLowerCase());
    },
    async signin(userName) {
      const res = await fetch(`${target.adminUrl}/signin`, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ userName }),
      });
      await res.arrayBuffer();
      return res.status;
    },
    journalSince() {
      const entries = target.requests({ since });
      // the inspection client's own requests are not the engine's
      const last = entries.at(-1);
      if (last) since = last.seq;
      return entries.filter((e) => !isInspection(e));
    },
    mark() {
      const last = target.requests({ since }).at(-1);
      if (last) since = last.seq;
    },
  };
  return harness;
}

/** The inspection client lists with count=1000; the engine never lists without a filter. */
function isInspection(e: JournalEntry): boolean {
  return e.path.includes('/_admin/') || (e.method === 'GET' && String(e.query.count ?? '') === '1000');
}

export function jobConfig(h: Harness, overrides: Partial<JobConfig> & { urlSuffix?: string } = {}): JobConfig {
  const { urlSuffix, ...rest } = overrides;
  return {
    name: 'e2e',
    source: { path: '(in memory)' },
    target: { url: h.target.url + (urlSuffix ?? ''), auth: { type: 'bearer', token: h.target.token }, timeoutMs: 2000, displayName: 'Mock' },
    concurrency: 2,
    ...rest,
  } as JobConfig;
}

export async function openTestJob(h: Harness, dir: TestDirectory | (() => TestDirectory), overrides: Partial<JobConfig> & { urlSuffix?: string } = {}, extra: { stateDir?: string } = {}): Promise<ProvisioningJob> {
  const read = typeof dir === 'function' ? dir : () => dir;
  return openJob(jobConfig(h, overrides), {
    clock: h.time.clock,
    sleep: h.time.sleep,
    loadDirectory: () => structuredClone(read()),
    ...(extra.stateDir ? { stateDir: extra.stateDir } : { memoryState: true }),
  });
}

/** The one entry of a source object in a report. */
export function entryOf(report: CycleReport, sourceId: string): ProvisioningLogEntry {
  const found = report.entries.filter((e) => e.sourceIdentity.id === sourceId);
  if (found.length !== 1) throw new Error(`expected one entry for ${sourceId}, got ${found.length}: ${JSON.stringify(report.entries.map((e) => [e.sourceIdentity.id, e.provisioningAction, e.provisioningStatusInfo.status]))}`);
  return found[0]!;
}

export function summary(report: CycleReport): string[] {
  return report.entries
    .map((e) => `${e.sourceIdentity.id}:${e.provisioningAction}:${e.provisioningStatusInfo.status}${e.provisioningStatusInfo.errorInformation ? `:${e.provisioningStatusInfo.errorInformation.errorCode}` : ''}`)
    .sort();
}

export function modified(entry: ProvisioningLogEntry): Record<string, [string | null, string | null]> {
  return Object.fromEntries(entry.modifiedProperties.map((p) => [p.displayName, [p.oldValue, p.newValue]]));
}

/** Journal entries as "METHOD /path" with the base path cut off. */
export function calls(entries: readonly JournalEntry[]): string[] {
  return entries.map((e) => `${e.method} ${e.path.replace(/^\/scim\/v2/, '')}`);
}
