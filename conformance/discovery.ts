/**
 * @module conformance/discovery
 * Reads what the target advertises (RFC 7644 §4: /ServiceProviderConfig, /Schemas,
 * /ResourceTypes) so that optional features it does not offer are skipped and those it offers
 * are verified.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-4
 */
import { readFeatures } from '../scim/client/index.js';
import type { ScimClient } from '../scim/client/index.js';
import type { ResourceTypeDefinition, SchemaDefinition, ServiceProviderConfig } from '../scim/types.js';
import type { Discovery, Feature } from './types.js';

export async function discover(client: ScimClient): Promise<Discovery> {
  const spcRes = await client.serviceProviderConfig();
  const spc = spcRes.status === 200 && isObject(spcRes.body) ? (spcRes.body as ServiceProviderConfig) : undefined;
  const schemasRes = await client.schemas();
  const schemas = listOf<SchemaDefinition>(schemasRes.status, schemasRes.body);
  const typesRes = await client.resourceTypes();
  const resourceTypes = listOf<ResourceTypeDefinition>(typesRes.status, typesRes.body);

  const features = new Set<Feature>();
  const advertised = readFeatures(spc);
  if (advertised) {
    for (const feature of ['patch', 'sort', 'etag', 'changePassword'] as const) if (advertised[feature]) features.add(feature);
    if (advertised.bulk.supported) features.add('bulk');
    if (advertised.filter.supported) features.add('filter');
    if (advertised.pagination.cursor) features.add('cursor');
  }
  if (resourceTypes.length > 0) {
    if (resourceTypes.some((t) => String(t.endpoint).replace(/^\//, '').toLowerCase() === 'groups')) features.add('groups');
  } else {
    // Without /ResourceTypes, a Groups endpoint that lists is evidence enough.
    const groups = await client.list('/Groups', { count: 1 });
    if (groups.status === 200) features.add('groups');
  }
  const userType = resourceTypes.find((t) => t.name === 'User' || String(t.endpoint).toLowerCase() === '/users');
  const described = new Set(schemas.map((s) => s.id));
  const userExtensions = (userType?.schemaExtensions ?? []).map((e) => e.schema).filter((s) => described.has(s));
  return { spc, schemas, resourceTypes, features, userExtensions };
}

function listOf<T>(status: number, body: unknown): T[] {
  if (status !== 200 || !isObject(body)) return [];
  const resources = (body as { Resources?: unknown }).Resources;
  // Some servers answer /Schemas with a bare array; read it anyway (the discovery checks fail it).
  if (Array.isArray(resources)) return resources.filter(isObject) as T[];
  return Array.isArray(body) ? (body.filter(isObject) as T[]) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
