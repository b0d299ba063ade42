/**
 * @module scim/schemas/bundled
 * The RFC 7643 schema data bundled with scimulator (§8.7.1 resource schemas, §8.7.2 service provider
 * schemas, §3.1 common attributes, the User and Group resource types), loaded and completed with the
 * §2.2 defaults. https://datatracker.ietf.org/doc/html/rfc7643#section-8.7
 */
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from '../types.js';
import { normalizeAttribute, normalizeSchema } from '../schema/normalize.js';
import user from './user.json' with { type: 'json' };
import group from './group.json' with { type: 'json' };
import enterpriseUser from './enterprise-user.json' with { type: 'json' };
import serviceProviderConfig from './service-provider-config.json' with { type: 'json' };
import resourceType from './resource-type.json' with { type: 'json' };
import schema from './schema.json' with { type: 'json' };
import resourceTypes from './resource-types.json' with { type: 'json' };
import commonAttributes from './common-attributes.json' with { type: 'json' };

/** The JSON files as written (RFC text, characteristics the RFC omits still omitted). */
export const RFC_SCHEMA_DATA: readonly unknown[] = [user, group, enterpriseUser];
export const RFC_SERVICE_PROVIDER_SCHEMA_DATA: readonly unknown[] = [serviceProviderConfig, resourceType, schema];

/** A fresh, completed copy each call, so callers may not share mutable state. */
export function bundledResourceSchemas(): SchemaDefinition[] {
  return RFC_SCHEMA_DATA.map(normalizeSchema);
}

export function bundledServiceProviderSchemas(): SchemaDefinition[] {
  return RFC_SERVICE_PROVIDER_SCHEMA_DATA.map(normalizeSchema);
}

export function bundledResourceTypes(): ResourceTypeDefinition[] {
  return structuredClone(resourceTypes) as ResourceTypeDefinition[];
}

/** RFC 7643 §3.1: id, externalId, meta. */
export function commonAttributeDefinitions(): AttributeDefinition[] {
  return commonAttributes.map((a, i) => normalizeAttribute(a, `common attribute [${i}]`));
}
