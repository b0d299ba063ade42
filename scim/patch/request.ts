/**
 * @module scim/patch/request
 * Validates a PATCH request body and normalises its operations, RFC 7644 §3.5.2.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { ScimError } from '../errors.js';
import { URN } from '../types.js';
import { isObject } from '../path/values.js';
import type { PatchOpName } from './context.js';

export interface NormalizedOperation {
  /** 1-based position in Operations */
  readonly index: number;
  /** lower-case, whatever case the client sent */
  readonly op: PatchOpName;
  /** trimmed; absent when the client sent none or only spaces (a path-less operation) */
  readonly path?: string;
  readonly hasValue: boolean;
  readonly value?: unknown;
}

const OPS: ReadonlySet<string> = new Set(['add', 'replace', 'remove']);
const MAX_OPERATIONS = 1000;

/**
 * The one validation of a PATCH body: the server's quirk gate and the applier both work on what it
 * returns. Throws ScimError invalidSyntax / invalidValue / invalidPath, naming the operation.
 */
export function normalizeRequest(body: unknown): NormalizedOperation[] {
  if (!isObject(body)) throw ScimError.invalidSyntax('the PATCH body must be a JSON object');
  // RFC 7644 §3.5.2 (MUST): the body contains "schemas" with the PatchOp URN
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === URN.PatchOp.toLowerCase())) {
    throw ScimError.invalidSyntax(`'schemas' must contain "${URN.PatchOp}" (RFC 7644 §3.5.2)`);
  }
  // RFC 7644 §3.5.2 (MUST): "Operations" is an array of one or more operations
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw ScimError.invalidSyntax("'Operations' must be a non-empty array (RFC 7644 §3.5.2)");
  }
  if (operations.length > MAX_OPERATIONS) throw ScimError.invalidSyntax(`'Operations' holds ${operations.length} operations; at most ${MAX_OPERATIONS} are accepted`);
  return operations.map((raw, i) => normalizeOperation(raw, i + 1));
}

function normalizeOperation(raw: unknown, index: number): NormalizedOperation {
  const where = `operation ${index}`;
  if (!isObject(raw)) throw ScimError.invalidSyntax(`${where}: must be an object with 'op'`);
  // ENTRA-SPEC §6.5: op names arrive as Add/Replace/Remove; RFC 7644 §3.5.2 spells them lower-case
  const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : undefined;
  if (op === undefined || !OPS.has(op)) {
    throw ScimError.invalidSyntax(`${where}: 'op' must be "add", "replace" or "remove", not ${JSON.stringify(raw.op ?? null)}`);
  }
  if (raw.path !== undefined && typeof raw.path !== 'string') throw ScimError.invalidPath(`${where}: 'path' must be a string`);
  const path = typeof raw.path === 'string' ? raw.path.trim() : '';
  const hasValue = Object.hasOwn(raw, 'value');
  // RFC 7644 §3.5.2.1, §3.5.2.3 (MUST): add and replace carry a "value"
  if ((op === 'add' || op === 'replace') && !hasValue) throw ScimError.invalidValue(`${where}: missing 'value' for '${op}'`);
  return {
    index,
    op: op as PatchOpName,
    ...(path !== '' ? { path } : {}),
    hasValue,
    ...(hasValue ? { value: raw.value } : {}),
  };
}
