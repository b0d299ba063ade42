/**
 * @module scim/client/features
 * What a target says it supports, read from its ServiceProviderConfig (RFC 7643 §5, RFC 7644 §4),
 * so that the engine batches members within `bulk`/`filter` limits and conformance skips optional
 * features the target does not offer. Lenient: a flag counts only when it is `true` (or "true"),
 * a limit only when it is a non-negative number; anything else reads as unsupported / unknown.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-5
 */
import { isObject } from '../path/values.js';
import type { ScimClient } from './scim-client.js';
import { ScimClientError } from './client-error.js';

export interface TargetFeatures {
  readonly patch: boolean;
  readonly bulk: { readonly supported: boolean; readonly maxOperations?: number; readonly maxPayloadSize?: number };
  readonly filter: { readonly supported: boolean; readonly maxResults?: number };
  readonly sort: boolean;
  readonly etag: boolean;
  readonly changePassword: boolean;
  /** RFC 9865 §4 */
  readonly pagination: { readonly cursor: boolean; readonly index: boolean };
  /** the `type` of each advertised scheme (`oauthbearertoken`, `httpbasic`, …), primary first */
  readonly authenticationSchemes: readonly string[];
}

export type FeatureDiscovery =
  | { readonly ok: true; readonly features: TargetFeatures }
  | { readonly ok: false; readonly status?: number; readonly error: string };

/** GET /ServiceProviderConfig and read it; never throws (a network failure is `ok: false` without status). */
export async function discoverFeatures(client: ScimClient): Promise<FeatureDiscovery> {
  let res;
  try {
    res = await client.serviceProviderConfig();
  } catch (error) {
    if (error instanceof ScimClientError) return { ok: false, error: error.message };
    throw error;
  }
  if (res.status !== 200) {
    const detail = res.scimError?.detail;
    return { ok: false, status: res.status, error: `GET /ServiceProviderConfig answered ${res.status}${typeof detail === 'string' ? `: ${detail}` : ''}` };
  }
  const features = readFeatures(res.body);
  if (!features) return { ok: false, status: res.status, error: 'GET /ServiceProviderConfig did not return a JSON object' };
  return { ok: true, features };
}

/** The features a ServiceProviderConfig body advertises, or undefined when it is not an object. */
export function readFeatures(body: unknown): TargetFeatures | undefined {
  if (!isObject(body)) return undefined;
  const section = (name: string): Record<string, unknown> => (isObject(body[name]) ? body[name] as Record<string, unknown> : {});
  const supported = (name: string): boolean => flag(section(name).supported);
  const bulk = section('bulk');
  const filter = section('filter');
  const pagination = section('pagination');
  const schemes = Array.isArray(body.authenticationSchemes) ? body.authenticationSchemes.filter(isObject) : [];
  // RFC 7643 §5: "primary" marks the preferred scheme; keep the target's order otherwise
  const ordered = [...schemes.filter((s) => flag(s.primary)), ...schemes.filter((s) => !flag(s.primary))];
  return {
    patch: supported('patch'),
    bulk: { supported: flag(bulk.supported), ...limit('maxOperations', bulk.maxOperations), ...limit('maxPayloadSize', bulk.maxPayloadSize) },
    filter: { supported: flag(filter.supported), ...limit('maxResults', filter.maxResults) },
    sort: supported('sort'),
    etag: supported('etag'),
    changePassword: supported('changePassword'),
    pagination: { cursor: flag(pagination.cursor), index: flag(pagination.index) },
    authenticationSchemes: ordered.map((s) => s.type).filter((t): t is string => typeof t === 'string'),
  };
}

function flag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function limit<K extends string>(key: K, value: unknown): { [P in K]?: number } {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? ({ [key]: n } as { [P in K]?: number }) : {};
}
