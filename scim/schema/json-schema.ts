/**
 * @module scim/schema/json-schema
 * A JSON Schema generated from a resource type's attribute definitions (RFC 7643 §2.3 data types,
 * §2.4 multi-valued attributes), compiled with ajv once per resource type and cached on the registry.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-2.3
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { AttributeDefinition } from '../types.js';
import type { SchemaRegistry } from './registry.js';
import { resourceLayout } from './layout.js';

type JsonSchema = Record<string, unknown>;

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object
type AddFormats = (ajv: Ajv, formats: string[]) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

/** RFC 7643 §2.3: the JSON type each SCIM data type travels as. */
function valueSchema(def: AttributeDefinition): JsonSchema {
  switch (def.type) {
    case 'string':
    case 'reference':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'decimal':
      return { type: 'number' };
    // RFC 7643 §2.3.5: xsd:dateTime with a time zone, as in RFC 3339
    case 'dateTime':
      return { type: 'string', format: 'date-time' };
    // RFC 7643 §2.3.6: base64 (RFC 4648 §4)
    case 'binary':
      return { type: 'string', format: 'byte' };
    case 'complex':
      return objectSchema(def.subAttributes ?? []);
    default: {
      const never: never = def.type;
      throw new TypeError(`unknown attribute type ${String(never)}`);
    }
  }
}

export function attributeSchema(def: AttributeDefinition): JsonSchema {
  return def.multiValued ? { type: 'array', items: valueSchema(def) } : valueSchema(def);
}

function objectSchema(attributes: readonly AttributeDefinition[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const a of attributes) properties[a.name] = attributeSchema(a);
  return { type: 'object', properties };
}

/** The JSON Schema of a canonical resource body (names as the schema spells them). */
export function resourceJsonSchema(registry: SchemaRegistry, resourceType: string): JsonSchema {
  const sections = resourceLayout(registry, resourceType);
  const root = objectSchema(sections[0]!.attributes);
  const properties = root.properties as Record<string, JsonSchema>;
  properties.schemas = { type: 'array', items: { type: 'string' } };
  for (const section of sections.slice(1)) properties[section.urn] = objectSchema(section.attributes);
  return root;
}

/** Compiled once per resource type and registry instance. */
export function resourceValidator(registry: SchemaRegistry, resourceType: string): ValidateFunction {
  const name = registry.resourceType(resourceType)?.name ?? resourceType;
  return registry.memo(`json-schema:${name}`, () => {
    const ajv = registry.memo('ajv', () => {
      const instance = new Ajv({ allErrors: true, strict: false });
      addFormats(instance, ['date-time', 'byte']);
      return instance;
    });
    return ajv.compile(resourceJsonSchema(registry, name));
  });
}

/** "/urn:…:User/manager/value" → "urn:…:User:manager.value"; "/emails/0/value" → "emails[0].value". */
export function formatAjvError(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = '';
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else if (i === 0) path = part;
    // an extension's attributes are named "<urn>:<attribute>" (RFC 7644 §3.10)
    else path += (i === 1 && parts[0]!.toLowerCase().startsWith('urn:') ? ':' : '.') + part;
  });
  const problem = error.keyword === 'format' && error.params.format === 'byte' ? 'must be base64 encoded binary' : error.message ?? 'is invalid';
  return `${path || '(resource)'}: ${problem}`;
}
