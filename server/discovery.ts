/**
 * @module server/discovery
 * What this target advertises at its discovery endpoints, RFC 7644 §4 / RFC 7643 §5–§7: the
 * features it implements (patch, bulk with its limits, filter with maxResults, sort, etag; no
 * changePassword), its authentication schemes, and the registry's schemas and resource types
 * wrapped in ListResponses with meta.location.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-4
 */
import { ScimError } from '../scim/errors.js';
import { URN } from '../scim/types.js';
import type { ListResponse, ResourceTypeDefinition, SchemaDefinition, ServiceProviderConfig } from '../scim/types.js';
import type { TargetContext } from './context.js';
import { CURSOR_TIMEOUT_SECONDS } from './resource-endpoints.js';

function location(ctx: TargetContext, path: string): string | undefined {
  return ctx.baseUrl ? `${ctx.baseUrl}${path}` : undefined;
}

function list<T>(resources: T[]): ListResponse<T> {
  return { schemas: [URN.ListResponse], totalResults: resources.length, itemsPerPage: resources.length, startIndex: 1, Resources: resources };
}

export function serviceProviderConfig(ctx: TargetContext): ServiceProviderConfig {
  const config: ServiceProviderConfig = {
    schemas: [URN.ServiceProviderConfig],
    documentationUri: 'https://datatracker.ietf.org/doc/html/rfc7644',
    patch: { supported: true },
    bulk: { supported: true, maxOperations: ctx.bulk.maxOperations, maxPayloadSize: ctx.bulk.maxPayloadSize },
    filter: { supported: true, maxResults: ctx.pageSize },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    // RFC 9865 §4: both index and cursor paging are offered; index is the default.
    pagination: {
      cursor: true,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: ctx.pageSize,
      maxPageSize: ctx.pageSize,
      cursorTimeout: CURSOR_TIMEOUT_SECONDS,
    },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with a bearer token (RFC 6750)',
        specUri: 'https://datatracker.ietf.org/doc/html/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig' },
  };
  if (ctx.basicAuth) {
    config.authenticationSchemes.push({
      type: 'httpbasic',
      name: 'HTTP Basic',
      description: 'Authentication with HTTP Basic (RFC 7617)',
      specUri: 'https://datatracker.ietf.org/doc/html/rfc7617',
    });
  }
  const where = location(ctx, '/ServiceProviderConfig');
  if (where) config.meta!.location = where;
  return config;
}

function withMeta<T extends ResourceTypeDefinition | SchemaDefinition>(ctx: TargetContext, resource: T, resourceType: 'ResourceType' | 'Schema', path: string): T {
  const schemas = [resourceType === 'Schema' ? URN.Schema : URN.ResourceType];
  const meta: Record<string, string> = { resourceType };
  const where = location(ctx, path);
  if (where) meta.location = where;
  return { schemas, ...resource, meta } as T;
}

export function resourceTypes(ctx: TargetContext): ListResponse<ResourceTypeDefinition> {
  return list(ctx.registry.resourceTypes().map((t) => withMeta(ctx, t, 'ResourceType', `/ResourceTypes/${t.id}`)));
}

export function resourceType(ctx: TargetContext, id: string): ResourceTypeDefinition {
  const found = ctx.registry.resourceTypes().find((t) => t.id === id);
  if (!found) throw ScimError.notFound(`No resource type '${id}'`);
  return withMeta(ctx, found, 'ResourceType', `/ResourceTypes/${found.id}`);
}

export function schemas(ctx: TargetContext): ListResponse<SchemaDefinition> {
  return list(ctx.registry.schemas().map((s) => withMeta(ctx, s, 'Schema', `/Schemas/${s.id}`)));
}

export function schema(ctx: TargetContext, id: string): SchemaDefinition {
  const found = ctx.registry.schema(id);
  if (!found) throw ScimError.notFound(`No schema '${id}'`);
  return withMeta(ctx, found, 'Schema', `/Schemas/${found.id}`);
}
