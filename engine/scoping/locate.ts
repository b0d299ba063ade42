/**
 * @module engine/scoping/locate
 * Where a filter problem (`filter.groups.0.clauses.0.operatorName: unknown operator "LIKE"`, the
 * `path: message` format of util/config-error) points in the JSON text it came from, so a caret can
 * stand under the offending value. Reads text JSON.parse has already accepted; pure.
 */

/** The problem split into its dotted path (without `prefix`) and its message. */
export function splitProblem(problem: string, prefix: string): { path: string[]; message: string } {
  const colon = problem.indexOf(': ');
  const rawPath = colon < 0 ? prefix : problem.slice(0, colon);
  const message = colon < 0 ? problem : problem.slice(colon + 2);
  const rest = rawPath === prefix ? '' : rawPath.startsWith(`${prefix}.`) ? rawPath.slice(prefix.length + 1) : rawPath;
  return { path: rest === '' || rest === '(root)' ? [] : rest.split('.'), message };
}

/**
 * The offset of the value at `path` in `text` (valid JSON), or of the deepest value on the way
 * there when the path goes further than the document (a missing property points at its object).
 */
export function offsetOfPath(text: string, path: readonly string[]): number {
  let at = skipSpace(text, 0);
  for (const segment of path) {
    const next = childOffset(text, at, segment);
    if (next === undefined) break;
    at = next;
  }
  return at;
}

/** The value offset of member `key` of the object (or element `key` of the array) at `at`. */
function childOffset(text: string, at: number, key: string): number | undefined {
  const open = text[at];
  if (open !== '{' && open !== '[') return undefined;
  const close = open === '{' ? '}' : ']';
  let i = skipSpace(text, at + 1);
  let index = 0;
  let found: number | undefined;
  while (i < text.length && text[i] !== close) {
    let name = String(index);
    if (open === '{') {
      const end = stringEnd(text, i);
      name = JSON.parse(text.slice(i, end)) as string;
      i = skipSpace(text, skipSpace(text, end) + 1); // past the ':'
    }
    // JSON.parse keeps the last of duplicate keys; so does this
    if (name === key) found = i;
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
    index++;
  }
  return found;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  return i;
}

/** Just past the string literal starting at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Just past the value starting at `i`. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c !== '{' && c !== '[') {
    let j = i;
    while (j < text.length && !',}] \t\r\n'.includes(text[j])) j++;
    return j;
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text[j];
    if (d === '"') {
      j = stringEnd(text, j);
      continue;
    }
    if (d === '{' || d === '[') depth++;
    else if (d === '}' || d === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}
