/**
 * @module server/routes/bulk-operation
 * One operation of a Bulk request, RFC 7644 §3.7: routed by method and path to the same endpoints
 * as a single request, answered with a BulkResponse operation (status as a string, the error body
 * as `response` on failure, `location` and `version` on success).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.7.3
 */
import { ScimError } from '../../scim/errors.js';
import type { BulkOperation, BulkOperationResponse } from '../../scim/types.js';
import type { ResourceTypeName, StoredResource } from '../store/types.js';
import type { TargetContext } from '../context.js';

const TYPES: Record<string, ResourceTypeName> = Object.assign(Object.create(null) as Record<string, ResourceTypeName>, {
  users: 'User',
  groups: 'Group',
});

function target(path: string): { type: ResourceTypeName; id?: string } {
  const match = /^\/?([^/]+)(?:\/([^/]+))?\/?$/.exec(path);
  const type = match ? TYPES[match[1]!.toLowerCase()] : undefined;
  if (!match || !type) throw ScimError.invalidValue(`Bulk path '${path}' must be /Users[/{id}] or /Groups[/{id}]`);
  return match[2] ? { type, id: decodeId(path, match[2]) } : { type };
}

/** A badly percent-encoded id fails this operation alone (400), like the same path outside /Bulk. */
function decodeId(path: string, segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw ScimError.invalidValue(`Bulk path '${path}' is not validly percent-encoded`);
  }
}

export async function runBulkOperation(ctx: TargetContext, op: BulkOperation): Promise<{ response: BulkOperationResponse; created?: string }> {
  try {
    const { type, id } = target(op.path);
    const method = op.method.toUpperCase();
    const done = (status: number, resource?: StoredResource): BulkOperationResponse => {
      const result: BulkOperationResponse = { method: op.method, status: String(status) };
      if (op.bulkId) result.bulkId = op.bulkId;
      if (resource) {
        result.location = resource.meta.location;
        result.version = resource.meta.version;
      }
      return result;
    };
    if (method === 'POST' && id === undefined) {
      // RFC 7644 §3.7 (REQUIRED): a POST carries a bulkId.
      if (!op.bulkId) throw ScimError.invalidValue('A bulk POST operation needs a "bulkId"');
      const created = await ctx.endpoints.create(type, op.data);
      return { response: done(201, created), created: created.id };
    }
    if (id === undefined) throw ScimError.invalidValue(`Bulk ${method} needs a path with a resource id`);
    if (method === 'PUT') return { response: done(200, await ctx.endpoints.replace(type, id, op.data, op.version)) };
    if (method === 'PATCH') return { response: done(200, await ctx.endpoints.patch(type, id, op.data, op.version)) };
    if (method === 'DELETE') {
      await ctx.endpoints.delete(type, id, op.version);
      return { response: done(204) };
    }
    throw ScimError.methodNotAllowed(`Bulk method ${op.method} is not supported on ${op.path}`);
  } catch (error) {
    if (error instanceof ScimError) return { response: errorResult(op, error) };
    throw error;
  }
}

export function errorResult(op: BulkOperation, error: ScimError): BulkOperationResponse {
  const result: BulkOperationResponse = { method: op.method, status: String(error.status), response: error.toJSON() };
  if (op.bulkId) result.bulkId = op.bulkId;
  return result;
}
