/**
 * @module scim/schema/layout
 * Where a resource type's attributes live in a resource body (RFC 7643 §3, §3.3): the §3.1 common
 * attributes and the core schema's at the top level, each extension's under its schema URN.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-3.3
 */
import type { AttributeDefinition } from '../types.js';
import type { SchemaRegistry } from './registry.js';

export interface SchemaSection {
  readonly urn: string;
  readonly extension: boolean;
  readonly required: boolean;
  readonly attributes: readonly AttributeDefinition[];
}

/** The core section first (common + core attributes), then one section per extension. */
export function resourceLayout(registry: SchemaRegistry, resourceType: string): readonly SchemaSection[] {
  return registry.memo(`layout:${registry.resourceType(resourceType)?.name ?? resourceType}`, () => {
    const type = registry.resourceType(resourceType);
    if (!type) throw new TypeError(`unknown resource type ${resourceType}`);
    const core = registry.coreSchemaUrn(type.name);
    const sections: SchemaSection[] = [{
      urn: core,
      extension: false,
      required: true,
      attributes: [...registry.commonAttributes(), ...registry.schema(core)!.attributes],
    }];
    for (const ext of type.schemaExtensions ?? []) {
      const schema = registry.schema(ext.schema)!;
      sections.push({ urn: schema.id, extension: true, required: ext.required, attributes: schema.attributes });
    }
    return sections;
  });
}

/** Case-insensitive lookup by name (RFC 7643 §2.1). */
export function findAttribute(attributes: readonly AttributeDefinition[] | undefined, name: string): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return attributes?.find((a) => a.name.toLowerCase() === lower);
}

/** A JSON object (not an array, not null): the one definition lives with value access. */
export { isObject as isPlainObject } from '../path/values.js';
