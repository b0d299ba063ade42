/**
 * @module engine/logs/query
 * Which provisioning log entries a LogQuery selects: every given field must hold (ENTRA-SPEC §7.2,
 * the portal's filters and its search by user name or source/target identifier).
 */
import type { LogQuery, ProvisioningLogEntry } from './types.js';

/** Does the entry pass every filter of `q`? (`limit` is not a per-entry test: see collectQuery.) */
export function matchesQuery(entry: ProvisioningLogEntry, q: LogQuery): boolean {
  if (q.cycleId !== undefined && entry.cycleId !== q.cycleId) return false;
  if (q.status !== undefined && entry.provisioningStatusInfo.status !== q.status) return false;
  if (q.action !== undefined && entry.provisioningAction !== q.action) return false;
  if (q.errorCode !== undefined && entry.provisioningStatusInfo.errorInformation?.errorCode !== q.errorCode) return false;
  if (q.since !== undefined && !(Date.parse(entry.activityDateTime) >= q.since.getTime())) return false;
  if (q.user !== undefined && !matchesUser(entry, q.user)) return false;
  return true;
}

function matchesUser(entry: ProvisioningLogEntry, user: string): boolean {
  const wanted = user.toLowerCase();
  const { sourceIdentity: source, targetIdentity: target } = entry;
  return [source.id, target.id, source.displayName, target.displayName].some((value) => value !== '' && value.toLowerCase() === wanted);
}

/** Collects the entries a query selects from a stream of them, keeping only the last `limit`. */
export interface QueryCollector {
  offer(entry: ProvisioningLogEntry): void;
  /** the selected entries, in the order offered */
  result(): ProvisioningLogEntry[];
}

export function collectQuery(q: LogQuery = {}): QueryCollector {
  const limit = q.limit;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) throw new TypeError(`LogQuery.limit must be a whole number >= 0, got ${limit}`);
  // A ring of the last `limit` matches, so a long log is never held whole to return its tail.
  const kept: ProvisioningLogEntry[] = [];
  let next = 0;
  return {
    offer(entry) {
      if (limit === 0 || !matchesQuery(entry, q)) return;
      if (limit === undefined || kept.length < limit) kept.push(entry);
      else {
        kept[next] = entry;
        next = (next + 1) % limit;
      }
    },
    result: () => [...kept.slice(next), ...kept.slice(0, next)],
  };
}

/** The entries of `entries` that `q` selects, in their order, the last `q.limit` of them. */
export function applyQuery(entries: Iterable<ProvisioningLogEntry>, q: LogQuery = {}): ProvisioningLogEntry[] {
  const collector = collectQuery(q);
  for (const entry of entries) collector.offer(entry);
  return collector.result();
}
