/**
 * A test-only resolver over a made-up schema with the attribute types the RFC User schema lacks
 * (integer, decimal, binary, a caseExact string), for typed filter and sort tests.
 */
import type { AttributeDefinition, AttributeResolver, AttributeType } from '../../../scim/types.js';

export const TEST_SCHEMA = 'urn:example:params:scim:schemas:test:2.0:Thing';

function def(name: string, type: AttributeType, extra: Partial<AttributeDefinition> = {}): AttributeDefinition {
  return { name, type, multiValued: false, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none', ...extra };
}

const ATTRIBUTES: readonly AttributeDefinition[] = [
  def('name', 'string'),
  def('code', 'string', { caseExact: true }),
  def('count', 'integer'),
  def('score', 'decimal'),
  def('blob', 'binary', { caseExact: true }),
  def('enabled', 'boolean'),
  def('when', 'dateTime'),
  def('tags', 'string', { multiValued: true }),
  def('ranks', 'complex', { multiValued: true, subAttributes: [def('value', 'integer'), def('primary', 'boolean')] }),
];

export const typedResolver: AttributeResolver = (ref) => {
  if (ref.schema !== undefined && ref.schema.toLowerCase() !== TEST_SCHEMA.toLowerCase()) return undefined;
  const attribute = ATTRIBUTES.find((a) => a.name.toLowerCase() === ref.attribute.toLowerCase());
  if (!attribute) return undefined;
  if (ref.subAttribute === undefined) return { schema: TEST_SCHEMA, extension: false, attribute };
  const subAttribute = attribute.subAttributes?.find((s) => s.name.toLowerCase() === ref.subAttribute!.toLowerCase());
  return subAttribute ? { schema: TEST_SCHEMA, extension: false, attribute, subAttribute } : undefined;
};
