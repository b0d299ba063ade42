/**
 * @module server/journal/redact
 * What never reaches the journal: passwords (RFC 7643 §4.1.1 `password`, returned "never"),
 * bearer tokens, client secrets, API keys. Keys are matched case-insensitively at any depth;
 * values are replaced, never dropped, so a replay still sees that a secret was sent.
 */

export const REDACTED = '[redacted]';

const SECRET_KEY = /pass(word|wd)?$|secret|token|authorization|api[-_]?key|credential|private[-_]?key/i;

/** A deep copy with every secret-looking value replaced; other values are kept as they are. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  // Bodies are bounded by the server's size limit; the depth cap only guards against pathological nesting.
  if (depth > 32) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : redactSecretPatch(key, source[key], depth);
  }
  return copy;
}

/** A PATCH operation `{ "path": "password", "value": "…" }` names the secret in a sibling key. */
function redactSecretPatch(key: string, value: unknown, depth: number): unknown {
  if (key === 'Operations' && Array.isArray(value)) {
    return value.map((op) => {
      if (typeof op === 'object' && op !== null && typeof (op as { path?: unknown }).path === 'string' && SECRET_KEY.test((op as { path: string }).path)) {
        return { ...(redact(op, depth + 2) as object), value: REDACTED };
      }
      return redact(op, depth + 2);
    });
  }
  return redact(value, depth + 1);
}
