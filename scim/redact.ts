/**
 * @module scim/redact
 * What never reaches a report, a log or a journal: passwords (RFC 7643 §4.1.1 `password`,
 * returned "never"), bearer tokens, client secrets, API keys, credentials. Keys are matched
 * case-insensitively at any depth, and a PATCH operation whose `path` names a secret has its
 * `value` hidden too. Values are replaced, never dropped, so a reader still sees that a secret
 * was sent. A filter or error detail that names a secret has its literals hidden. One rule for
 * the client's exchanges and the server's request journal.
 */

export const REDACTED = '[redacted]';

export const SECRET_KEY = /pass(word|wd)?|secret|token|authorization|api[-_]?key|credential|private[-_]?key/i;

/** A deep copy with every secret-looking value replaced; other values are kept as they are. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  // Bodies are bounded by size limits; the depth cap only guards against pathological nesting.
  if (depth > 32) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const member = source[key];
    if (SECRET_KEY.test(key)) copy[key] = REDACTED;
    else if (typeof member === 'string' && TEXT_KEYS.test(key)) copy[key] = redactLiterals(member);
    else copy[key] = redactOperations(key, member, depth);
  }
  return copy;
}

/** Strings that quote what a client sent: a filter (query or .search body), an error detail. */
const TEXT_KEYS = /^(filter|detail)$/i;
const LITERAL = /"(?:[^"\\]|\\.)*"|\b(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)\b/g;

/**
 * A filter or message naming a secret attribute (`password eq "hunter2"`) has every literal in
 * it replaced: the comparison stays readable, the value does not. Text naming no secret is kept.
 */
export function redactLiterals(text: string): string {
  if (!SECRET_KEY.test(text)) return text;
  return text.replace(LITERAL, `"${REDACTED}"`).replace(/\{[^{}]*\}/g, REDACTED);
}

/** A PATCH operation `{ "path": "password", "value": "…" }` names the secret in a sibling key. */
function redactOperations(key: string, value: unknown, depth: number): unknown {
  if (key === 'Operations' && Array.isArray(value)) {
    return value.map((op) => {
      if (typeof op === 'object' && op !== null && typeof (op as { path?: unknown }).path === 'string' && SECRET_KEY.test((op as { path: string }).path)) {
        return { ...(redactSecrets(op, depth + 2) as object), value: REDACTED };
      }
      return redactSecrets(op, depth + 2);
    });
  }
  return redactSecrets(value, depth + 1);
}
