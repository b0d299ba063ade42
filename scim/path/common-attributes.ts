/**
 * @module scim/path/common-attributes
 * The attributes every resource carries, RFC 7643 §3.1 (`id`, `externalId`, `meta`) and §3
 * (`schemas`). Schema documents do not list them, so a resolver may not know them; lookups fall
 * back to these definitions.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
import type { AttributeDefinition, AttributeRef, AttributeResolver, ResolvedAttribute } from '../types.js';

function simple(name: string, overrides: Partial<AttributeDefinition> = {}): AttributeDefinition {
  return {
    name, type: 'string', multiValued: false, required: false, caseExact: false,
    mutability: 'readOnly', returned: 'default', uniqueness: 'none', ...overrides,
  };
}

const COMMON: readonly AttributeDefinition[] = [
  simple('id', { caseExact: true, returned: 'always', uniqueness: 'server' }),
  simple('externalId', { caseExact: true, mutability: 'readWrite' }),
  simple('schemas', { type: 'reference', multiValued: true, caseExact: false, mutability: 'readWrite', returned: 'always' }),
  simple('meta', {
    type: 'complex',
    subAttributes: [
      simple('resourceType', { caseExact: true }),
      simple('created', { type: 'dateTime' }),
      simple('lastModified', { type: 'dateTime' }),
      simple('location', { type: 'reference', caseExact: true }),
      simple('version', { caseExact: true }),
    ],
  }),
];

const CORE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:';

/** Resolves through `resolver`, then through the common attributes for unqualified or core-qualified names. */
export function resolveAttribute(resolver: AttributeResolver, ref: AttributeRef): ResolvedAttribute | undefined {
  const found = resolver(ref);
  if (found) return found;
  if (ref.schema !== undefined && !ref.schema.toLowerCase().startsWith(CORE_SCHEMA)) return undefined;
  const attribute = COMMON.find((a) => a.name.toLowerCase() === ref.attribute.toLowerCase());
  if (!attribute) return undefined;
  if (ref.subAttribute === undefined) return { schema: ref.schema ?? '', extension: false, attribute };
  const subAttribute = attribute.subAttributes?.find((s) => s.name.toLowerCase() === ref.subAttribute!.toLowerCase());
  return subAttribute ? { schema: ref.schema ?? '', extension: false, attribute, subAttribute } : undefined;
}

/** The definition of `sub` within a complex attribute, case-insensitively. */
export function findSubAttribute(attribute: AttributeDefinition, sub: string): AttributeDefinition | undefined {
  const lower = sub.toLowerCase();
  return attribute.subAttributes?.find((s) => s.name.toLowerCase() === lower);
}
