/**
 * @module scim/discovery
 * The discovery documents a service provider serves, RFC 7644 §4 and RFC 7643 §5–§7:
 * ServiceProviderConfig, ResourceType and Schema resources, each with its `meta`.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-4
 */
import type { Meta, ResourceTypeDefinition, SchemaDefinition, ServiceProviderConfig } from './types.js';
import { URN } from './types.js';
import type { SchemaRegistry } from './schema/registry.js';
import { bundledServiceProviderSchemas } from './schemas/bundled.js';

type AuthenticationScheme = ServiceProviderConfig['authenticationSchemes'][number];

/** RFC 7643 §5 and the §8.5 example: the two schemes scimulator speaks. */
export const AUTHENTICATION_SCHEMES: Readonly<Record<'oauthbearertoken' | 'httpbasic', AuthenticationScheme>> = {
  oauthbearertoken: {
    type: 'oauthbearertoken',
    name: 'OAuth Bearer Token',
    description: 'Authentication scheme using the OAuth Bearer Token Standard',
    specUri: 'https://www.rfc-editor.org/info/rfc6750',
  },
  httpbasic: {
    type: 'httpbasic',
    name: 'HTTP Basic',
    description: 'Authentication scheme using the HTTP Basic Standard',
    specUri: 'https://www.rfc-editor.org/info/rfc7617',
  },
};

export interface ServiceProviderConfigOptions {
  /** SCIM base URL, e.g. http://127.0.0.1:8080/scim/v2; gives meta.location */
  readonly baseUrl?: string;
  readonly documentationUri?: string;
  readonly patch?: boolean;
  readonly bulk?: { readonly supported: boolean; readonly maxOperations: number; readonly maxPayloadSize: number };
  readonly filter?: { readonly supported: boolean; readonly maxResults: number };
  readonly changePassword?: boolean;
  readonly sort?: boolean;
  readonly etag?: boolean;
  /** RFC 9865 §4 */
  readonly pagination?: ServiceProviderConfig['pagination'];
  /** The first one is marked primary. Default: OAuth bearer token. */
  readonly authenticationSchemes?: readonly (keyof typeof AUTHENTICATION_SCHEMES | AuthenticationScheme)[];
  /** meta.created / lastModified, when known */
  readonly created?: string;
  readonly lastModified?: string;
}

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

function meta(resourceType: string, location: string | undefined, options: { created?: string; lastModified?: string } = {}): Meta {
  return {
    resourceType,
    ...(options.created !== undefined ? { created: options.created } : {}),
    ...(options.lastModified !== undefined ? { lastModified: options.lastModified } : {}),
    ...(location !== undefined ? { location } : {}),
  };
}

/** RFC 7643 §5: every feature flag present, defaults describing a plain service provider. */
export function serviceProviderConfig(options: ServiceProviderConfigOptions = {}): ServiceProviderConfig {
  const schemes = (options.authenticationSchemes ?? ['oauthbearertoken']).map((s, i) => {
    const scheme = typeof s === 'string' ? AUTHENTICATION_SCHEMES[s] : s;
    return i === 0 ? { ...scheme, primary: true } : { ...scheme };
  });
  const base = options.baseUrl === undefined ? undefined : trimBase(options.baseUrl);
  return {
    schemas: [URN.ServiceProviderConfig],
    ...(options.documentationUri !== undefined ? { documentationUri: options.documentationUri } : {}),
    patch: { supported: options.patch ?? true },
    bulk: { ...(options.bulk ?? { supported: false, maxOperations: 0, maxPayloadSize: 0 }) },
    filter: { ...(options.filter ?? { supported: true, maxResults: 200 }) },
    changePassword: { supported: options.changePassword ?? false },
    sort: { supported: options.sort ?? false },
    etag: { supported: options.etag ?? false },
    ...(options.pagination !== undefined ? { pagination: { ...options.pagination } } : {}),
    authenticationSchemes: schemes,
    meta: meta('ServiceProviderConfig', base === undefined ? undefined : `${base}/ServiceProviderConfig`, options),
  };
}

/** RFC 7643 §6: one ResourceType resource. */
export function resourceTypeResource(type: ResourceTypeDefinition, baseUrl?: string): ResourceTypeDefinition {
  const base = baseUrl === undefined ? undefined : trimBase(baseUrl);
  return {
    schemas: [URN.ResourceType],
    id: type.id,
    name: type.name,
    endpoint: type.endpoint,
    ...(type.description !== undefined ? { description: type.description } : {}),
    schema: type.schema,
    ...(type.schemaExtensions && type.schemaExtensions.length > 0
      ? { schemaExtensions: type.schemaExtensions.map((e) => ({ schema: e.schema, required: e.required })) }
      : {}),
    meta: meta('ResourceType', base === undefined ? undefined : `${base}/ResourceTypes/${encodeURIComponent(type.id)}`),
  };
}

export function resourceTypeResources(registry: SchemaRegistry, baseUrl?: string): ResourceTypeDefinition[] {
  return registry.resourceTypes().map((t) => resourceTypeResource(t, baseUrl));
}

/** RFC 7643 §7: one Schema resource, the definition as the registry holds it plus schemas and meta. */
export function schemaResource(schema: SchemaDefinition, baseUrl?: string): SchemaDefinition {
  const base = baseUrl === undefined ? undefined : trimBase(baseUrl);
  return {
    schemas: [URN.Schema],
    id: schema.id,
    name: schema.name,
    ...(schema.description !== undefined ? { description: schema.description } : {}),
    attributes: structuredClone(schema.attributes) as SchemaDefinition['attributes'],
    // the URN goes into the path as it is, as the RFC 7643 §8.7.1 example locations show
    meta: meta('Schema', base === undefined ? undefined : `${base}/Schemas/${schema.id}`),
  };
}

/**
 * The Schema resources a service provider lists at /Schemas: its resource schemas and, unless
 * told otherwise, the RFC 7643 §8.7.2 schemas of ServiceProviderConfig, ResourceType and Schema,
 * which describe the discovery resources themselves.
 */
export function schemaResources(registry: SchemaRegistry, baseUrl?: string, options: { serviceProviderSchemas?: boolean } = {}): SchemaDefinition[] {
  const definitions = options.serviceProviderSchemas === false ? registry.schemas() : [...registry.schemas(), ...bundledServiceProviderSchemas()];
  return definitions.map((s) => schemaResource(s, baseUrl));
}
