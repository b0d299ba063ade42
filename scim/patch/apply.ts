/**
 * @module scim/patch/apply
 * Applies a PATCH request to a resource, RFC 7644 §3.5.2: pure (the input is never mutated) and
 * atomic (any error leaves nothing applied: "each operation … MUST be compatible … otherwise the
 * whole request fails"). The Entra dialect (ENTRA-SPEC §6.4–6.6) is on by default.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { splitSchemaUrn } from '../schema/urn.js';
import { isAttributeName } from '../path/attr-ref.js';
import { findKey, isObject } from '../path/values.js';
import type { JsonObject } from '../path/values.js';
import { FORBIDDEN_KEYS } from '../types.js';
import type { AttributeResolver, ScimResource } from '../types.js';
import { deepEqual, fail } from './context.js';
import type { PatchContext, PatchOpName } from './context.js';
import { applyRemove } from './remove.js';
import { normalizeRequest } from './request.js';
import type { NormalizedOperation } from './request.js';
import { resolveTarget } from './target.js';
import { applyWrite, unassign } from './write.js';

export interface PatchOptions {
  readonly resolver: AttributeResolver;
  /** accept Microsoft Entra's dialect, ENTRA-SPEC §6.4–6.6 (default true) */
  readonly entra?: boolean;
  /** schema URNs of the resource type (core first), to split URN-qualified paths exactly */
  readonly knownUrns?: readonly string[];
}

export interface PatchResult<T extends ScimResource = ScimResource> {
  readonly resource: T;
  /** false when the operations left the resource as it was (e.g. adding a member already present) */
  readonly changed: boolean;
}

/** Validates `request` and applies its operations in order to a copy of `resource`. Throws ScimError. */
export function applyPatch<T extends ScimResource>(resource: T, request: unknown, options: PatchOptions): PatchResult<T> {
  return applyOperations(resource, normalizeRequest(request), options);
}

/**
 * Applies operations already validated by normalizeRequest, for callers that inspect them first
 * (the server's quirk gate): the request is validated once, by one set of rules.
 */
export function applyOperations<T extends ScimResource>(resource: T, operations: readonly NormalizedOperation[], options: PatchOptions): PatchResult<T> {
  const doc = structuredClone(resource) as unknown as JsonObject;
  for (const operation of operations) {
    const ctx: PatchContext = {
      resolver: options.resolver,
      entra: options.entra ?? true,
      knownUrns: options.knownUrns ?? [],
      where: `operation ${operation.index}`,
    };
    applyOperation(doc, operation, ctx);
  }
  return { resource: doc as unknown as T, changed: !deepEqual(resource, doc) };
}

function applyOperation(doc: JsonObject, operation: NormalizedOperation, ctx: PatchContext): void {
  const path = operation.path?.trim();
  if (path === undefined || path === '') {
    // RFC 7644 §3.5.2.2 (MUST): "If "path" is unspecified, the operation fails with … "noTarget""
    if (operation.op === 'remove') throw fail(ctx, 'noTarget', "'remove' needs a 'path'");
    if (!isObject(operation.value)) throw fail(ctx, 'invalidValue', `'${operation.op}' without a path needs an object of attributes as 'value'`);
    return applyPathless(doc, operation.op, operation.value, ctx);
  }
  const urn = splitSchemaUrn(path, ctx.knownUrns);
  if (urn.schema !== undefined && urn.rest === '') return applyToExtension(doc, operation.op, urn.schema, operation.value, ctx);
  const target = resolveTarget(path, ctx);
  if (operation.op === 'remove') applyRemove(doc, target, operation.value, operation.hasValue, ctx);
  else applyWrite(doc, operation.op, target, operation.value, ctx);
}

/**
 * RFC 7644 §3.5.2.1 / §3.5.2.3 without a path: "value" holds attributes to add or replace. The
 * Entra dialect also sends dotted keys ("name.givenName") and URN-qualified keys
 * ("urn:…:enterprise:2.0:User:employeeNumber") in place of nested objects (ENTRA-SPEC §6.5).
 */
function applyPathless(doc: JsonObject, op: Exclude<PatchOpName, 'remove'>, value: JsonObject, ctx: PatchContext): void {
  for (const [key, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key) || FORBIDDEN_KEYS.has(key.toLowerCase())) throw fail(ctx, 'invalidPath', `'${key}' is not an attribute name`);
    // "schemas" is the resource's own bookkeeping, kept in step with its extension objects
    if (key.toLowerCase() === 'schemas') continue;
    const urn = splitSchemaUrn(key, ctx.knownUrns);
    if (urn.schema !== undefined && (urn.rest === '' || (isObject(v) && !resolves(key, ctx)))) {
      // RFC 7643 §3.3: an extension's attributes arrive as an object under its schema URN
      applyToExtension(doc, op, urn.rest === '' ? urn.schema : key, v, ctx);
      continue;
    }
    if (!ctx.entra && (key.includes('.') || key.includes(':'))) {
      throw fail(ctx, 'invalidPath', `'${key}': keys of a path-less value are attribute names (dotted and URN-qualified keys are Entra's dialect)`);
    }
    if (key.includes('[')) throw fail(ctx, 'invalidPath', `'${key}': a key of a path-less value cannot hold a value filter`);
    const target = resolveTarget(key, ctx);
    applyWrite(doc, op, target, v, ctx);
  }
}

function resolves(path: string, ctx: PatchContext): boolean {
  try {
    resolveTarget(path, ctx);
    return true;
  } catch {
    return false;
  }
}

/** An operation on a whole extension object (`path` or key equal to the extension's schema URN). */
function applyToExtension(doc: JsonObject, op: PatchOpName, schema: string, value: unknown, ctx: PatchContext): void {
  if (op === 'remove') {
    const key = findKey(doc, schema);
    const extension = key === undefined ? undefined : doc[key];
    if (!isObject(extension)) return;
    for (const name of Object.keys(extension)) {
      if (FORBIDDEN_KEYS.has(name) || !isAttributeName(name)) continue;
      unassign(doc, resolveTarget(`${schema}:${name}`, ctx), ctx);
    }
    if (key !== undefined && isObject(doc[key])) delete doc[key];
    return;
  }
  if (!isObject(value)) throw fail(ctx, 'invalidValue', `'${schema}' is a schema extension: its value must be an object of attributes`);
  for (const [name, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(name) || FORBIDDEN_KEYS.has(name.toLowerCase())) throw fail(ctx, 'invalidPath', `'${name}' is not an attribute name`);
    if (name.includes('.') && !ctx.entra) throw fail(ctx, 'invalidPath', `'${schema}:${name}': nested values, not dotted keys, are expected`);
    applyWrite(doc, op, resolveTarget(`${schema}:${name}`, ctx), v, ctx);
  }
}
