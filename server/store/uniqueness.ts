/**
 * @module server/store/uniqueness
 * Server-enforced uniqueness, RFC 7643 §2.2 (`uniqueness: server`) and RFC 7644 §3.3 (409
 * `uniqueness`): User userName (RFC 7643 §8.7.1: caseExact false, so "Bob" and "bob" collide unless
 * the target is configured case-exact) and Group displayName (ENTRA-SPEC §6.6: Entra requires it).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.3
 */
import { ScimError } from '../../scim/errors.js';
import type { StoreState } from './state.js';
import type { ResourceTypeName, StoredResource } from './types.js';

export interface UniquenessRules {
  caseExactUserName: boolean;
  uniqueGroupDisplayName: boolean;
}

interface UniqueAttribute {
  readonly attribute: string;
  readonly caseExact: boolean;
}

export function uniqueAttributes(type: ResourceTypeName, rules: UniquenessRules): readonly UniqueAttribute[] {
  if (type === 'User') return [{ attribute: 'userName', caseExact: rules.caseExactUserName }];
  return rules.uniqueGroupDisplayName ? [{ attribute: 'displayName', caseExact: false }] : [];
}

/** Keys already claimed by earlier resources of the same batch (createMany), by attribute. */
export type BatchClaims = Map<string, Set<string>>;

/** Throws 409 uniqueness when another resource already holds one of `candidate`'s unique values. */
export function assertUnique(
  state: StoreState,
  type: ResourceTypeName,
  candidate: StoredResource,
  rules: UniquenessRules,
  batch?: BatchClaims,
): void {
  for (const { attribute, caseExact } of uniqueAttributes(type, rules)) {
    const value = candidate[attribute];
    if (typeof value !== 'string') continue;
    const index = state.indexes[type].get(attribute.toLowerCase())!.index;
    const clash = index.get(value).some((id) => {
      if (id === candidate.id) return false;
      const other = state.get(type, id)?.resource[attribute];
      return typeof other === 'string' && same(other, value, caseExact);
    });
    const key = caseExact ? value : value.toLowerCase();
    if (clash || batch?.get(attribute)?.has(key)) {
      throw ScimError.uniqueness(`a ${type} with ${attribute} '${value}' already exists`);
    }
    if (batch) {
      if (!batch.has(attribute)) batch.set(attribute, new Set());
      batch.get(attribute)!.add(key);
    }
  }
}

function same(a: string, b: string, caseExact: boolean): boolean {
  return caseExact ? a === b : a.toLowerCase() === b.toLowerCase();
}
