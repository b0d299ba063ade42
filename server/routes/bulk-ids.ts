/**
 * @module server/routes/bulk-ids
 * `bulkId:<id>` references, RFC 7644 §3.7.2: a value "bulkId:qwerty" anywhere in an operation's
 * data (or its path) stands for the id of the resource created by the POST with bulkId "qwerty".
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.7.2
 */
import { ScimError } from '../../scim/errors.js';
import { FORBIDDEN_KEYS } from '../../scim/types.js';
import type { BulkOperation } from '../../scim/types.js';

const PREFIX = 'bulkId:';

function collect(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith(PREFIX) && value.length > PREFIX.length) into.add(value.slice(PREFIX.length));
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collect(item, into);
  }
}

/** every bulkId the operation refers to, in its path segments and its data */
export function bulkIdsIn(op: BulkOperation): Set<string> {
  const ids = new Set<string>();
  for (const segment of op.path.split('/')) collect(segment, ids);
  collect(op.data, ids);
  return ids;
}

function replace(value: unknown, created: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    return value.startsWith(PREFIX) ? (created.get(value.slice(PREFIX.length)) ?? value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => replace(item, created));
  if (typeof value === 'object' && value !== null) {
    // The body reader refuses forbidden keys, and so does this copy: assigning `__proto__` here
    // would swap the copy's prototype instead of adding a key.
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw ScimError.invalidSyntax(`Forbidden key '${key}' in the operation's data`);
      copy[key] = replace(item, created);
    }
    return copy;
  }
  return value;
}

/** a copy of the operation with every resolvable reference replaced by the created id */
export function replaceBulkIds(op: BulkOperation, created: ReadonlyMap<string, string>): BulkOperation {
  const path = op.path.split('/').map((s) => replace(s, created) as string).join('/');
  return { ...op, path, data: replace(op.data, created) };
}
