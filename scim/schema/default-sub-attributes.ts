/**
 * @module scim/schema/default-sub-attributes
 * RFC 7643 §2.4: multi-valued attributes have a default set of sub-attributes ("type", "primary",
 * "display", "value", "$ref") unless the schema says otherwise. The §8.7.1 listings leave `display`
 * and `primary` out of several attributes (addresses, Group members) that §4.1.2/§4.2 describe with
 * them and that clients send (Microsoft's reference tests among them); without them such values
 * would be refused as unknown. The completed definitions are what /Schemas serves.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-2.4
 */
import type { AttributeDefinition, SchemaDefinition } from '../types.js';

export function withDefaultSubAttributes(schema: SchemaDefinition): SchemaDefinition {
  return { ...schema, attributes: schema.attributes.map(completeMultiValued) };
}

function completeMultiValued(attribute: AttributeDefinition): AttributeDefinition {
  if (!attribute.multiValued || attribute.type !== 'complex' || !attribute.subAttributes) return attribute;
  const present = new Set(attribute.subAttributes.map((s) => s.name.toLowerCase()));
  // RFC 7643 §4.2: members' sub-attributes are immutable; the additions follow `value`.
  const mutability = attribute.subAttributes.find((s) => s.name === 'value')?.mutability ?? 'readWrite';
  const base = { multiValued: false, required: false, caseExact: false, mutability, returned: 'default', uniqueness: 'none' } as const;
  const added: AttributeDefinition[] = [];
  if (!present.has('display')) added.push({ ...base, name: 'display', type: 'string', description: 'A human-readable name, primarily used for display purposes.' });
  if (!present.has('primary')) added.push({ ...base, name: 'primary', type: 'boolean', description: 'Indicates the primary or preferred value of the attribute.' });
  return added.length === 0 ? attribute : { ...attribute, subAttributes: [...attribute.subAttributes, ...added] };
}
