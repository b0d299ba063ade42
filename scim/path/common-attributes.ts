/**
 * @module scim/path/common-attributes
 * The attributes every resource carries, RFC 7643 §3.1 (`id`, `externalId`, `meta`) and §3
 * (`schemas`). Schema documents do not list them, so a resolver may not know them; lookups fall
 * back to these definitions.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-3.1
 */
import type { AttributeDefinition, AttributePathRef, AttributeResolver, ResolvedAttribute } from '../types.js';
import { commonAttributeDefinitions } from '../schemas/bundled.js';

/**
 * RFC 7643 §3.1 `id`, `externalId`, `meta` as the bundled schema data defines them, plus §3
 * `schemas`, which no schema document describes.
 */
const COMMON: readonly AttributeDefinition[] = [
  ...commonAttributeDefinitions(),
  {
    name: 'schemas', type: 'reference', multiValued: true, required: false, caseExact: false,
    mutability: 'readWrite', returned: 'always', uniqueness: 'none',
  },
];

const CORE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:';

/** Resolves through `resolver`, then through the common attributes for unqualified or core-qualified names. */
export function resolveAttribute(resolver: AttributeResolver, ref: AttributePathRef): ResolvedAttribute | undefined {
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
