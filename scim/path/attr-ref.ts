/**
 * @module scim/path/attr-ref
 * Parses `attrPath = [URI ":"] ATTRNAME *1subAttr`, the bracket-free part of filter and PATCH
 * paths, RFC 7644 §3.4.2.2 Figure 1 and §3.10.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.10
 */
import { FORBIDDEN_KEYS } from '../types.js';
import { splitSchemaUrn } from '../schema/urn.js';
import type { AttributePathRef } from '../filter/types.js';

/** RFC 7643 §2.1: ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA; `$ref` is the one exception. */
const ATTRNAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/;

export interface AttrRefOptions {
  /** schema URNs of the resource type, so that a URN-qualified path splits at the right colon */
  readonly knownUrns?: readonly string[];
}

/** Builds the ScimError for a bad path, so that filters say invalidFilter and PATCH says invalidPath. */
export type PathFault = (detail: string) => Error;

/** `name` is a legal attribute name and not a prototype key. */
export function isAttributeName(name: string): boolean {
  return ATTRNAME.test(name) && !FORBIDDEN_KEYS.has(name) && !FORBIDDEN_KEYS.has(name.toLowerCase());
}

/** Parses one bracket-free attribute path; `fault` builds the error for a malformed one. */
export function parseAttrRef(text: string, fault: PathFault, options: AttrRefOptions = {}): AttributePathRef {
  const { schema, rest } = splitSchemaUrn(text, options.knownUrns ?? []);
  if (schema !== undefined && rest === '') throw fault(`'${text}' names a schema, not an attribute`);
  if (schema !== undefined && !/^urn:[A-Za-z0-9][A-Za-z0-9-]*(?::[^:\s]+)+$/i.test(schema)) {
    throw fault(`'${text}' has a malformed schema URN`);
  }
  const parts = rest.split('.');
  if (parts.length > 2) throw fault(`'${text}' has more than one sub-attribute level (RFC 7644 §3.10 allows attribute.subAttribute)`);
  for (const part of parts) {
    if (!isAttributeName(part)) throw fault(`'${text}': '${part}' is not a valid attribute name`);
  }
  const [attribute, subAttribute] = parts;
  return {
    ...(schema !== undefined ? { schema } : {}),
    attribute,
    ...(subAttribute !== undefined ? { subAttribute } : {}),
  };
}

/** Writes a reference back in the RFC's notation. */
export function formatAttrRef(ref: AttributePathRef): string {
  const name = ref.subAttribute !== undefined ? `${ref.attribute}.${ref.subAttribute}` : ref.attribute;
  return ref.schema !== undefined ? `${ref.schema}:${name}` : name;
}
