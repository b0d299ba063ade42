/**
 * @module server/protocol
 * The protocol functions the resource endpoints (server/resource-endpoints.ts) run, bound to the
 * options the mock target runs them with (e.g. lenient booleans for Entra interop, the registry's
 * resolver and URNs). Other server modules import scim/ directly for types and helpers: this is
 * where the endpoints' protocol settings live, not a gate on scim/.
 * RFC 7644 §3 https://datatracker.ietf.org/doc/html/rfc7644#section-3
 */
import type { AttributeDefinition, AttributeResolver, ScimResource, SchemaDefinition } from '../scim/types.js';
import type { CompareNode, FilterNode } from '../scim/filter/types.js';
import { parseFilter as parseScimFilter, parseSimpleFilter as parseSimpleScimFilter } from '../scim/filter/parse.js';
import { compileFilter as compileScimFilter } from '../scim/filter/evaluate.js';
import { defaultSchemaRegistry } from '../scim/schema/registry.js';
import type { SchemaRegistry } from '../scim/schema/registry.js';
import { prepareResource as prepareScimResource } from '../scim/schema/validate.js';
import { sortResources as sortScimResources } from '../scim/sort.js';
import { compileProjection } from '../scim/projection/index.js';
import { applyOperations } from '../scim/patch/apply.js';
import { normalizeRequest } from '../scim/patch/request.js';
import type { NormalizedOperation } from '../scim/patch/request.js';
import type { SortOrder } from '../scim/sort.js';
import type { ResourceTypeName, StoredResource } from './store/types.js';

export type { SchemaRegistry, NormalizedOperation };

export interface Projection {
  attributes?: string[];
  excludedAttributes?: string[];
}

/**
 * RFC 7644 §3.4.2.5, §3.9: compiles attributes/excludedAttributes once for a response; also drops
 * returned:never attributes (password) from every response.
 */
export function projector(registry: SchemaRegistry, type: ResourceTypeName, projection: Projection): (resource: ScimResource) => ScimResource {
  return compileProjection(projection, registry.resolver(type), { knownUrns: registry.schemaUrns(type) });
}

/** The bundled RFC 7643 schemas, with the §2.4 default sub-attributes (scim/schema/default-sub-attributes). */
export function defaultRegistry(): SchemaRegistry {
  return defaultSchemaRegistry();
}

export function parseFilter(text: string): FilterNode {
  return parseScimFilter(text);
}

/** parseFilter's result when the filter is one comparison, else undefined (see scim/filter/parse) */
export function parseSimpleFilter(text: string): CompareNode | undefined {
  return parseSimpleScimFilter(text);
}

/**
 * Validates and canonicalises a body for create or replace. Booleans are read leniently ("True",
 * "False") because Microsoft Entra's default dialect sends them as strings (ENTRA-SPEC §6.5).
 */
export function prepareResource(
  registry: SchemaRegistry,
  type: ResourceTypeName,
  body: unknown,
  options: { mode: 'create' | 'replace'; existing?: StoredResource },
): ScimResource {
  return prepareScimResource(body, { registry, resourceType: type, mode: options.mode, existing: options.existing, lenientBooleans: true });
}

/** RFC 7644 §3.4.2.3; sortOrder is checked there (ascending | descending). */
export function sortResources(list: StoredResource[], sortBy: string, sortOrder: string | undefined, resolver: AttributeResolver): StoredResource[] {
  return sortScimResources(list, sortBy, sortOrder as SortOrder | undefined, resolver);
}

export function compileFilter(node: FilterNode, resolver: AttributeResolver): (resource: StoredResource) => boolean {
  return compileScimFilter(node, resolver);
}

/** One comparison compiled once per shape (path, operator) and bound to each value: Entra's `userName eq "…"` probes. */
export { compileComparison } from '../scim/filter/evaluate.js';

/**
 * RFC 7644 §3.5.2: validates a PatchOp body once (URN and op names in any case, `Operations` or
 * `operations`); the quirk gate and applyPatch both take the operations it returns.
 */
export function readPatchRequest(body: unknown): NormalizedOperation[] {
  return normalizeRequest(body);
}

/**
 * RFC 7644 §3.5.2: applies validated operations to a copy (atomic; the input stays as it was), in
 * the Entra dialect too (ENTRA-SPEC §6.5). `changed` is false when nothing changed.
 */
export function applyPatch(registry: SchemaRegistry, type: ResourceTypeName, resource: StoredResource, operations: readonly NormalizedOperation[]): { resource: ScimResource; changed: boolean } {
  return applyOperations<ScimResource>(resource, operations, { resolver: registry.resolver(type), knownUrns: registry.schemaUrns(type) });
}
