/**
 * @module server/quirks/licenses
 * Seat-limited apps: creating or re-activating a user beyond the seat count fails, and a role that
 * needs a licence the app has run out of is refused; deactivating or deleting frees the seat.
 *
 * The ledger is the store itself: seats in use are counted from the active users stored, on every
 * write, so the count is right after restarts, resets and PUT /_admin/quirks without reconciling.
 * When a profile lowers the limit below the users already active, the earliest-created users keep
 * their licences (that is what signin reports); their writes still pass, new activations do not.
 */
import { ScimError } from '../../scim/errors.js';
import { findKey } from '../../scim/path/values.js';
import type { ScimResource } from '../../scim/types.js';
import type { ResourceStore, StoredResource } from '../store/types.js';
import type { CompiledPath, PathCompiler } from './compiled-path.js';
import type { LicensesQuirk } from './profile.js';
import type { WriteContext } from './types.js';
import { isActive } from '../signin.js';

export interface LicenseLedger {
  /** throws the app's refusal when this write needs a seat or a licence that is not free */
  check(ctx: WriteContext): void;
  /** why this stored, active user holds no licence, or undefined when it holds every one it needs */
  unlicensed(user: StoredResource, store: ResourceStore): string | undefined;
}


export function createLicenseLedger(quirk: LicensesQuirk, compile: PathCompiler): LicenseLedger {
  const rolePath: CompiledPath = compile('User', quirk.roleAttribute ?? 'roles.value');
  const roleLicences = new Map(Object.entries(quirk.roles ?? {}).map(([role, licence]) => [role.toLowerCase(), licence]));
  const pools = new Map(Object.entries(quirk.pools ?? {}));

  const licencesOf = (user: ScimResource): Set<string> => {
    const out = new Set<string>();
    if (roleLicences.size === 0) return out;
    for (const role of rolePath.read(user)) {
      const licence = typeof role === 'string' ? roleLicences.get(role.toLowerCase()) : undefined;
      if (licence !== undefined) out.add(licence);
    }
    return out;
  };
  const activeUsers = (store: ResourceStore, except?: string): StoredResource[] =>
    store.query('User', { predicate: (u) => u.id !== except && isActive(u) });

  const refusal = (reason: string, vars: Record<string, string | number>): ScimError => {
    const r = quirk.refusal ?? {};
    const detail = r.detail === undefined ? reason : r.detail.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : m));
    return new ScimError(r.status ?? 403, r.scimType, detail);
  };

  return {
    check({ resourceType, existing, resource, store }) {
      if (resourceType !== 'User' || !isActive(resource)) return;
      const heldBefore = existing !== undefined && isActive(existing);
      const others = activeUsers(store, existing?.id);
      const userName = String(resource[findKey(resource, 'userName') ?? 'userName'] ?? '');
      if (quirk.seats !== undefined && !heldBefore && others.length >= quirk.seats) {
        throw refusal(`No licence available: all ${quirk.seats} seats are in use`, { seats: quirk.seats, licence: 'seat', userName });
      }
      const held = heldBefore ? licencesOf(existing) : new Set<string>();
      for (const licence of licencesOf(resource)) {
        const pool = pools.get(licence);
        if (pool === undefined || held.has(licence)) continue;
        const holders = others.filter((u) => licencesOf(u).has(licence)).length;
        if (holders >= pool) {
          throw refusal(`No '${licence}' licence available: all ${pool} are assigned`, { seats: pool, licence, userName });
        }
      }
    },
    unlicensed(user, store) {
      // Licences go to active users in creation order (the store's order), so the answer is stable.
      const active = activeUsers(store);
      if (quirk.seats !== undefined) {
        const rank = active.findIndex((u) => u.id === user.id);
        if (rank < 0 || rank >= quirk.seats) return `no seat: all ${quirk.seats} seats are held by other users`;
      }
      for (const licence of licencesOf(user)) {
        const pool = pools.get(licence);
        if (pool === undefined) continue;
        const rank = active.filter((u) => licencesOf(u).has(licence)).findIndex((u) => u.id === user.id);
        if (rank < 0 || rank >= pool) return `no '${licence}' licence: all ${pool} are held by other users`;
      }
      return undefined;
    },
  };
}
