/**
 * @module engine/scoping/scope
 * Whether a source object is in scope (ENTRA-SPEC §2.4): with scope `assigned` ("Sync only assigned
 * users and groups") it must be assigned to the app, directly or through a direct group; with `all`
 * assignment is not needed; a disabled object is out; then the attribute scoping filter decides.
 */
import { matchesFilter } from './evaluate.js';
import type { Filter } from './types.js';
import type { ScopingOptions } from './operators.js';
import type { SourceObject } from './types.js';

/** The `SyncAll` secret: `assigned` (the default) or `all`. */
export type ScopeSetting = 'assigned' | 'all';

export interface ScopeInput {
  readonly scope: ScopeSetting;
  /** assigned to the app (directly or as a direct member of an assigned group); read only for `assigned` */
  readonly assigned?: boolean;
  /** false for a disabled source account (`accountEnabled=false`); omitted means active */
  readonly active?: boolean;
  readonly filter?: Filter | null;
  readonly options?: ScopingOptions;
}

export type ScopeDecision =
  | { readonly inScope: true }
  | { readonly inScope: false; readonly reason: 'not-assigned' | 'inactive' | 'scoping-filter' };

export function decideScope(source: SourceObject, input: ScopeInput): ScopeDecision {
  if (input.scope === 'assigned' && input.assigned !== true) return { inScope: false, reason: 'not-assigned' };
  if (input.active === false) return { inScope: false, reason: 'inactive' };
  if (!matchesFilter(source, input.filter, input.options)) return { inScope: false, reason: 'scoping-filter' };
  return { inScope: true };
}
