/**
 * @module server/discovery
 * What this target advertises at its discovery endpoints, RFC 7644 §4 / RFC 7643 §5–§7: the
 * features it implements (patch, bulk with its limits, filter with maxResults, sort, etag, index
 * and cursor paging; no changePassword), its authentication schemes, and the registry's schemas
 * (plus the §8.7.2 service provider schemas) and resource types in ListResponses. The documents
 * themselves are built by scim/discovery; this file only says what this target supports.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-4
 */
import { ScimError } from '../scim/errors.js';
import type { ListResponse, ResourceTypeDefinition, SchemaDefinition, ServiceProviderConfig } from '../scim/types.js';
import * as documents from '../scim/discovery.js';
import { listResponse } from '../scim/list-response.js';
import type { TargetContext } from './context.js';
import { CURSOR_TIMEOUT_SECONDS } from './resource-endpoints.js';

export function serviceProviderConfig(ctx: TargetContext): ServiceProviderConfig {
  return documents.serviceProviderConfig({
    baseUrl: ctx.baseUrl,
    documentationUri: 'https://datatracker.ietf.org/doc/html/rfc7644',
    patch: true,
    bulk: { supported: true, maxOperations: ctx.bulk.maxOperations, maxPayloadSize: ctx.bulk.maxPayloadSize },
    filter: { supported: true, maxResults: ctx.pageSize },
    changePassword: false,
    sort: true,
    etag: true,
    // RFC 9865 §4: both index and cursor paging are offered; index is the default.
    pagination: {
      cursor: true,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: ctx.pageSize,
      maxPageSize: ctx.pageSize,
      cursorTimeout: CURSOR_TIMEOUT_SECONDS,
    },
    authenticationSchemes: ctx.basicAuth ? ['oauthbearertoken', 'httpbasic'] : ['oauthbearertoken'],
  });
}

export function resourceTypes(ctx: TargetContext): ListResponse<ResourceTypeDefinition> {
  return listResponse(documents.resourceTypeResources(ctx.registry, ctx.baseUrl), { startIndex: 1 });
}

export function resourceType(ctx: TargetContext, id: string): ResourceTypeDefinition {
  const found = documents.resourceTypeResources(ctx.registry, ctx.baseUrl).find((t) => t.id === id);
  if (!found) throw ScimError.notFound(`No resource type '${id}'`);
  return found;
}

export function schemas(ctx: TargetContext): ListResponse<SchemaDefinition> {
  return listResponse(documents.schemaResources(ctx.registry, ctx.baseUrl), { startIndex: 1 });
}

export function schema(ctx: TargetContext, id: string): SchemaDefinition {
  // RFC 7643 §2.1 makes attribute names case-insensitive; schema URNs compare case-insensitively too (RFC 8141 §3.1 for the NID)
  const found = documents.schemaResources(ctx.registry, ctx.baseUrl).find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!found) throw ScimError.notFound(`No schema '${id}'`);
  return found;
}
