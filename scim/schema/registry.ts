/**
 * @module scim/schema/registry
 * Schemas and resource types of one service provider (RFC 7643 §6, §7), and the attribute resolver
 * filter, PATCH, sort, projection and validation look attributes up with: names are
 * case-insensitive (§2.1), URN-qualified references are honoured (RFC 7644 §3.10), the core schema
 * is searched before the extensions, and the §3.1 common attributes resolve for every type.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-6
 */
import type {
  AttributeDefinition,
  AttributePathRef,
  AttributeResolver,
  ResolvedAttribute,
  ResourceTypeDefinition,
  SchemaDefinition,
} from '../types.js';
import {
  bundledResourceSchemas,
  bundledResourceTypes,
  commonAttributeDefinitions,
} from '../schemas/bundled.js';
import { normalizeAttribute, normalizeSchema } from './normalize.js';
import { withDefaultSubAttributes } from './default-sub-attributes.js';

export interface SchemaRegistryOptions {
  /** Resource schemas (core and extensions); characteristics the definition omits take §2.2 defaults. */
  readonly schemas: readonly SchemaDefinition[] | readonly unknown[];
  readonly resourceTypes: readonly ResourceTypeDefinition[];
  /** Defaults to the §3.1 id, externalId and meta. */
  readonly commonAttributes?: readonly AttributeDefinition[];
}

export interface SchemaRegistry {
  /** By name ("User", case-insensitive) or endpoint ("/Users" or "Users"). */
  resourceType(nameOrEndpoint: string): ResourceTypeDefinition | undefined;
  resourceTypes(): readonly ResourceTypeDefinition[];
  /** By URN, case-insensitive. */
  schema(urn: string): SchemaDefinition | undefined;
  schemas(): readonly SchemaDefinition[];
  commonAttributes(): readonly AttributeDefinition[];
  /** The core schema URN of a resource type (TypeError when the type is unknown). */
  coreSchemaUrn(resourceType: string): string;
  /** The extension URNs declared for a resource type, in declaration order. */
  extensionUrns(resourceType: string): readonly string[];
  /** Core URN first, then the extensions. */
  schemaUrns(resourceType: string): readonly string[];
  resolver(resourceType: string): AttributeResolver;
  /**
   * Derived data (compiled validators, JSON Schemas) cached on this registry instance, so that two
   * registries never share it and nothing is cached process-wide.
   */
  memo<T>(key: string, build: () => T): T;
}

interface Entry {
  readonly schema: string;
  readonly extension: boolean;
  readonly attribute: AttributeDefinition;
}

export function createSchemaRegistry(options: SchemaRegistryOptions): SchemaRegistry {
  const schemaList = options.schemas.map((s) => normalizeSchema(s));
  const common = (options.commonAttributes ?? commonAttributeDefinitions()).map((a) => normalizeAttribute(a));
  const schemaByUrn = new Map(schemaList.map((s) => [s.id.toLowerCase(), s]));
  const types = options.resourceTypes.map((t) => ({ ...t }));
  for (const t of types) {
    for (const urn of [t.schema, ...(t.schemaExtensions ?? []).map((e) => e.schema)]) {
      if (!schemaByUrn.has(urn.toLowerCase())) throw new TypeError(`resource type ${t.name}: unknown schema ${urn}`);
    }
  }
  const resolvers = new Map<string, AttributeResolver>();
  const memos = new Map<string, unknown>();

  function resourceType(nameOrEndpoint: string): ResourceTypeDefinition | undefined {
    const key = nameOrEndpoint.toLowerCase().replace(/^\//, '');
    return types.find((t) => t.name.toLowerCase() === key || t.endpoint.toLowerCase().replace(/^\//, '') === key);
  }

  function requireType(name: string): ResourceTypeDefinition {
    const t = resourceType(name);
    if (!t) throw new TypeError(`unknown resource type ${name}`);
    return t;
  }

  function extensionUrns(name: string): readonly string[] {
    return (requireType(name).schemaExtensions ?? []).map((e) => schemaByUrn.get(e.schema.toLowerCase())!.id);
  }

  function coreSchemaUrn(name: string): string {
    return schemaByUrn.get(requireType(name).schema.toLowerCase())!.id;
  }

  function buildResolver(name: string): AttributeResolver {
    const core = coreSchemaUrn(name);
    const urns = [core, ...extensionUrns(name)];
    // per schema: lower-case name → entry; the core schema also answers for the common attributes
    const bySchema = new Map<string, Map<string, Entry>>();
    const unqualified = new Map<string, Entry>();
    for (const urn of urns) {
      const extension = urn !== core;
      const table = new Map<string, Entry>();
      const attributes = extension ? schemaByUrn.get(urn.toLowerCase())!.attributes : [...common, ...schemaByUrn.get(urn.toLowerCase())!.attributes];
      for (const attribute of attributes) {
        const entry: Entry = { schema: urn, extension, attribute };
        const key = attribute.name.toLowerCase();
        if (!table.has(key)) table.set(key, entry);
        // RFC 7644 §3.10: an unqualified name is looked up in the core schema first
        if (!unqualified.has(key)) unqualified.set(key, entry);
      }
      bySchema.set(urn.toLowerCase(), table);
    }
    return (ref: AttributePathRef): ResolvedAttribute | undefined => {
      const table = ref.schema === undefined ? unqualified : bySchema.get(ref.schema.toLowerCase());
      const entry = table?.get(ref.attribute.toLowerCase());
      if (!entry) return undefined;
      if (ref.subAttribute === undefined) return entry;
      const sub = entry.attribute.subAttributes?.find((s) => s.name.toLowerCase() === ref.subAttribute!.toLowerCase());
      return sub ? { ...entry, subAttribute: sub } : undefined;
    };
  }

  return {
    resourceType,
    resourceTypes: () => types,
    schema: (urn) => schemaByUrn.get(urn.toLowerCase()),
    schemas: () => schemaList,
    commonAttributes: () => common,
    coreSchemaUrn,
    extensionUrns,
    schemaUrns: (name) => [coreSchemaUrn(name), ...extensionUrns(name)],
    memo<T>(key: string, build: () => T): T {
      if (!memos.has(key)) memos.set(key, build());
      return memos.get(key) as T;
    },
    resolver(name) {
      const key = requireType(name).name;
      let r = resolvers.get(key);
      if (!r) {
        r = buildResolver(key);
        resolvers.set(key, r);
      }
      return r;
    },
  };
}

/**
 * A registry over the bundled RFC 7643 data: User (+ EnterpriseUser) and Group, with the §2.4
 * default sub-attributes of multi-valued attributes completed.
 */
export function defaultSchemaRegistry(): SchemaRegistry {
  return createSchemaRegistry({ schemas: bundledResourceSchemas().map(withDefaultSubAttributes), resourceTypes: bundledResourceTypes() });
}
