/**
 * @module server/quirks/request-kind
 * Which SCIM operation a request is, from its method and path (RFC 7644 §3.2 endpoint table):
 * quirks that answer in place of the app (unsupported operations, latency per endpoint) key on it.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.2
 */
import type { ResourceTypeName } from '../store/types.js';
import type { ScimOperation } from './types.js';

export interface RequestKind {
  /** the endpoint segment: Users, Groups, Bulk, ServiceProviderConfig, … (undefined for the root) */
  readonly endpoint: string | undefined;
  readonly resourceType: ResourceTypeName | undefined;
  readonly operation: ScimOperation | undefined;
}

const RESOURCE_ENDPOINTS: ReadonlyMap<string, ResourceTypeName> = new Map([
  ['Users', 'User'],
  ['Groups', 'Group'],
]);

/** `path` may carry the base path or not (the gate may be mounted on the app or under /scim/v2). */
export function requestKind(method: string, path: string, hasFilter: boolean): RequestKind {
  const segments = path.split('/').filter((s) => s !== '');
  const at = segments.findIndex((s) => RESOURCE_ENDPOINTS.has(s));
  if (at < 0) {
    const endpoint = lastKnownEndpoint(segments);
    return { endpoint, resourceType: undefined, operation: endpoint === '.search' ? 'filter' : undefined };
  }
  const endpoint = segments[at]!;
  const resourceType = RESOURCE_ENDPOINTS.get(endpoint);
  const rest = segments.slice(at + 1);
  return { endpoint, resourceType, operation: operationOf(method, rest, hasFilter) };
}

function operationOf(method: string, rest: readonly string[], hasFilter: boolean): ScimOperation | undefined {
  if (rest.length === 0) {
    if (method === 'GET') return hasFilter ? 'filter' : 'list';
    if (method === 'POST') return 'create';
    return undefined;
  }
  if (rest.length === 1 && rest[0] === '.search') return method === 'POST' ? 'filter' : undefined;
  if (rest.length !== 1) return undefined;
  switch (method) {
    case 'GET': return 'get';
    case 'PUT': return 'replace';
    case 'PATCH': return 'patch';
    case 'DELETE': return 'delete';
    default: return undefined;
  }
}

function lastKnownEndpoint(segments: readonly string[]): string | undefined {
  // The first segment after the base path is the endpoint; the base path itself has none of the SCIM names.
  for (const s of segments) {
    if (s === '.search' || s === 'Bulk' || s === 'Me' || s === 'ServiceProviderConfig' || s === 'Schemas' || s === 'ResourceTypes') return s;
  }
  return undefined;
}
