/**
 * @module scim/schema/validate
 * Prepares a resource body for a create (RFC 7644 §3.3) or replace (§3.5.1): checks its structure
 * and `schemas`, rewrites it to the schema's spelling, validates every value against the attribute
 * types, enforces `required` and `mutability` (RFC 7643 §2.2, §7). One entry point, all-or-nothing:
 * it returns a new canonical resource or throws one ScimError listing every problem.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.3
 */
import type { AttributeDefinition, ScimResource } from '../types.js';
import { ScimError } from '../errors.js';
import type { SchemaRegistry } from './registry.js';
import { assertNoForbiddenKeys, canonicalizeResource } from './canonicalize.js';
import { formatAjvError, resourceValidator } from './json-schema.js';
import { isPlainObject, resourceLayout } from './layout.js';
import type { SchemaSection } from './layout.js';
import { dropReadOnly, enforceImmutable } from './mutability.js';

export interface PrepareResourceOptions {
  readonly registry: SchemaRegistry;
  /** Resource type name or endpoint ("User", "/Users"). */
  readonly resourceType: string;
  readonly mode: 'create' | 'replace';
  /** The stored resource a replace applies to (canonical, as a previous prepareResource returned it). */
  readonly existing?: Record<string, unknown>;
  /** Accept "True"/"False" strings for booleans (Entra's default PATCH dialect, ENTRA-SPEC §6.5). Off by default. */
  readonly lenientBooleans?: boolean;
}

export function prepareResource(input: unknown, options: PrepareResourceOptions): ScimResource {
  if (!isPlainObject(input)) throw ScimError.invalidSyntax('The request body must be a JSON object');
  assertNoForbiddenKeys(input);
  const { registry, resourceType } = options;
  const sections = resourceLayout(registry, resourceType);
  const declared = readSchemas(input, sections);

  const { body, unknown, duplicates, problems } = canonicalizeResource(input, options);
  if (unknown.length > 0) throw ScimError.invalidSyntax(`Unknown attributes: ${unknown.join(', ')}`);
  if (duplicates.length > 0) throw ScimError.invalidSyntax(`Attributes given more than once: ${duplicates.join(', ')}`);

  // RFC 7644 §3.5.1: readOnly values "SHALL be ignored"
  dropReadOnly(body, sections);
  const validate = resourceValidator(registry, resourceType);
  const valueErrors = [...problems];
  if (!validate(body)) valueErrors.push(...(validate.errors ?? []).map(formatAjvError));
  if (valueErrors.length > 0) throw ScimError.invalidValue(`Invalid attribute values: ${valueErrors.join('; ')}`);

  if (options.mode === 'replace' && options.existing) enforceImmutable(body, options.existing, sections);
  const missing = missingRequired(body, sections);
  if (missing.length > 0) throw ScimError.invalidValue(`Required attributes are missing: ${missing.join(', ')}`);

  // RFC 7643 §3: "schemas" lists the core schema and every extension the body uses
  const schemas = sections
    .filter((s) => !s.extension || body[s.urn] !== undefined || declared.has(s.urn))
    .map((s) => s.urn);
  return { schemas, ...body };
}

/**
 * RFC 7643 §3 (REQUIRED): "schemas" holds the core schema URN. Known URNs are returned; unknown ones
 * that carry no data are tolerated (Entra adds a Microsoft Group URN, ENTRA-SPEC §6.4) and dropped.
 */
function readSchemas(input: Record<string, unknown>, sections: readonly SchemaSection[]): Set<string> {
  const key = Object.keys(input).find((k) => k.toLowerCase() === 'schemas');
  const value = key === undefined ? undefined : input[key];
  const core = sections[0]!.urn;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw ScimError.invalidSyntax(`"schemas" must be an array of schema URNs including ${core}`);
  }
  const lower = new Set(value.map((v) => v.toLowerCase()));
  if (!lower.has(core.toLowerCase())) throw ScimError.invalidSyntax(`"schemas" must include ${core}`);
  return new Set(sections.filter((s) => lower.has(s.urn.toLowerCase())).map((s) => s.urn));
}

/** RFC 7643 §2.2 "required"; readOnly attributes (id) are the service provider's to set. */
function missingRequired(body: Record<string, unknown>, sections: readonly SchemaSection[]): string[] {
  const missing: string[] = [];
  for (const section of sections) {
    const holder = section.extension ? body[section.urn] : body;
    if (!isPlainObject(holder)) {
      if (section.extension && section.required) missing.push(section.urn);
      continue;
    }
    checkRequired(holder, section.attributes, section.extension ? `${section.urn}:` : '', missing);
  }
  return missing;
}

function checkRequired(holder: Record<string, unknown>, attributes: readonly AttributeDefinition[], prefix: string, missing: string[]): void {
  for (const def of attributes) {
    const value = holder[def.name];
    if (def.required && def.mutability !== 'readOnly' && isEmpty(value)) {
      missing.push(prefix + def.name);
      continue;
    }
    if (def.type !== 'complex' || !def.subAttributes || value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      if (isPlainObject(item)) checkRequired(item, def.subAttributes!, `${prefix}${def.name}${def.multiValued ? `[${i}]` : ''}.`, missing);
    });
  }
}

/** RFC 7643 §2.5: unassigned, null and an empty array are the same state; userName must be non-empty. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
