/**
 * @module scim/schema/normalize
 * Turns attribute definitions as the RFC text writes them into complete AttributeDefinitions:
 * a characteristic the text leaves out takes its RFC 7643 §2.2 default.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-2.2
 */
import type {
  AttributeDefinition,
  AttributeType,
  Mutability,
  Returned,
  SchemaDefinition,
  Uniqueness,
} from '../types.js';

const TYPES: readonly AttributeType[] = ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'binary', 'reference', 'complex'];
const MUTABILITIES: readonly Mutability[] = ['readOnly', 'readWrite', 'immutable', 'writeOnly'];
const RETURNED: readonly Returned[] = ['always', 'never', 'default', 'request'];
const UNIQUENESS: readonly Uniqueness[] = ['none', 'server', 'global'];

/** RFC 7643 §2.2: "required" false, "caseExact" false, "mutability" readWrite, "returned" default, "uniqueness" none, "type" string. */
export const ATTRIBUTE_DEFAULTS = {
  type: 'string',
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
} as const;

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T, where: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new TypeError(`${where}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}

function flag(value: unknown, fallback: boolean, where: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new TypeError(`${where}: expected a boolean`);
}

function strings(value: unknown, where: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new TypeError(`${where}: expected an array of strings`);
}

/** Completes one attribute definition; malformed definitions are programmer errors (TypeError). */
export function normalizeAttribute(raw: unknown, where = 'attribute'): AttributeDefinition {
  if (typeof raw !== 'object' || raw === null) throw new TypeError(`${where}: expected an object`);
  const a = raw as Record<string, unknown>;
  if (typeof a.name !== 'string' || a.name === '') throw new TypeError(`${where}: missing name`);
  const at = `${where} ${a.name}`;
  const type = pick(a.type, TYPES, ATTRIBUTE_DEFAULTS.type, `${at}.type`);
  const description = typeof a.description === 'string' ? a.description : undefined;
  const canonicalValues = strings(a.canonicalValues, `${at}.canonicalValues`);
  const referenceTypes = strings(a.referenceTypes, `${at}.referenceTypes`);
  if (a.subAttributes !== undefined && !Array.isArray(a.subAttributes)) throw new TypeError(`${at}.subAttributes: expected an array`);
  // key order as RFC 7643 §8.7 prints attributes
  const out: AttributeDefinition = {
    name: a.name,
    type,
    multiValued: flag(a.multiValued, ATTRIBUTE_DEFAULTS.multiValued, `${at}.multiValued`),
    ...(description !== undefined ? { description } : {}),
    required: flag(a.required, ATTRIBUTE_DEFAULTS.required, `${at}.required`),
    caseExact: flag(a.caseExact, ATTRIBUTE_DEFAULTS.caseExact, `${at}.caseExact`),
    ...(canonicalValues ? { canonicalValues } : {}),
    ...(referenceTypes ? { referenceTypes } : {}),
    mutability: pick(a.mutability, MUTABILITIES, ATTRIBUTE_DEFAULTS.mutability, `${at}.mutability`),
    returned: pick(a.returned, RETURNED, ATTRIBUTE_DEFAULTS.returned, `${at}.returned`),
    uniqueness: pick(a.uniqueness, UNIQUENESS, ATTRIBUTE_DEFAULTS.uniqueness, `${at}.uniqueness`),
    ...(Array.isArray(a.subAttributes)
      ? { subAttributes: a.subAttributes.map((s, i) => normalizeAttribute(s, `${at}.subAttributes[${i}]`)) }
      : {}),
  };
  if (type === 'complex' && !out.subAttributes) throw new TypeError(`${at}: complex attribute without subAttributes`);
  return out;
}

/** Completes a schema definition (RFC 7643 §7). */
export function normalizeSchema(raw: unknown): SchemaDefinition {
  if (typeof raw !== 'object' || raw === null) throw new TypeError('schema: expected an object');
  const s = raw as Record<string, unknown>;
  if (typeof s.id !== 'string' || s.id === '') throw new TypeError('schema: missing id');
  if (!Array.isArray(s.attributes)) throw new TypeError(`schema ${s.id}: missing attributes`);
  return {
    id: s.id,
    name: typeof s.name === 'string' ? s.name : s.id,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    attributes: s.attributes.map((a, i) => normalizeAttribute(a, `schema ${s.id} attributes[${i}]`)),
  };
}
