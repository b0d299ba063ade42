/**
 * @module scim/patch/context
 * What every PATCH step needs: the resolver, the dialect switch, and errors that name the
 * operation ("operation 2: missing 'value' for 'add'"), RFC 7644 §3.5.2 and §3.12.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { ScimError } from '../errors.js';
import type { ScimType } from '../errors.js';
import type { AttributeResolver } from '../types.js';

export interface PatchContext {
  readonly resolver: AttributeResolver;
  /** accept Microsoft Entra's dialect (ENTRA-SPEC §6.4–6.6) */
  readonly entra: boolean;
  readonly knownUrns: readonly string[];
  /** "operation 2", 1-based */
  readonly where: string;
}

export type PatchOpName = 'add' | 'replace' | 'remove';

export function fail(ctx: Pick<PatchContext, 'where'>, scimType: ScimType, detail: string): ScimError {
  return ScimError.of(scimType, `${ctx.where}: ${detail}`);
}

/** Re-throws a ScimError from a lower layer with the operation named. */
export function within<T>(ctx: Pick<PatchContext, 'where'>, scimType: ScimType | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ScimError) throw ScimError.of(scimType ?? error.scimType ?? 'invalidValue', `${ctx.where}: ${error.message}`);
    throw error;
  }
}

/** Structural equality of JSON values, ignoring key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
