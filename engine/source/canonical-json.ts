/**
 * @module engine/source/canonical-json
 * JSON with object keys sorted at every level, so equal data gives equal text whatever order a file
 * or a spread wrote the keys in. `undefined` members are left out and become `null` in arrays, as
 * JSON.stringify does. Written for 100k users per cycle: keys already in order (most nested objects)
 * are not sorted again, attribute names are escaped once, and values by JSON.stringify itself.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i === 0 ? '' : ',') + (item === undefined ? 'null' : canonicalJson(item));
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!isSorted(keys)) keys.sort();
  let out = '';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    out += (out === '' ? '' : ',') + quotedKey(key) + canonicalJson(member);
  }
  return `{${out}}`;
}

// the same few attribute names repeat across every user: escape each once (bounded, for odd data)
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
