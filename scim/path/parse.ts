/**
 * @module scim/path/parse
 * Parses a PATCH `path`, RFC 7644 §3.5.2: `PATH = attrPath / valuePath [subAttr]`, e.g.
 * `name.givenName`, `emails[type eq "work"].value`, `members[value eq "x"]`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`. Case-insensitive.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
import { ScimError } from '../errors.js';
import { parseFilter } from '../filter/parse.js';
import { isAttributeName, parseAttrRef } from './attr-ref.js';
import type { AttrRefOptions } from './attr-ref.js';
import type { FilterNode } from '../filter/types.js';
import type { AttributePath } from './types.js';

export type ParsePathOptions = AttrRefOptions;

/** The index of the `]` closing the `[` at `open`, skipping quoted strings; -1 when unbalanced. */
function closingBracket(text: string, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ']') return i;
  }
  return -1;
}

/** Parses `text`; a malformed path or a prototype key is ScimError invalidPath (400). */
export function parseAttributePath(text: string, options: ParsePathOptions = {}): AttributePath {
  if (typeof text !== 'string' || text.trim() === '') throw ScimError.invalidPath('the path is empty');
  if (text.length > 1024) throw ScimError.invalidPath('the path is longer than 1024 characters');
  const fault = (detail: string) => ScimError.invalidPath(`path '${text}': ${detail}`);
  const path = text.trim();
  const open = path.indexOf('[');
  if (open < 0) return parseAttrRef(path, fault, options);
  const close = closingBracket(path, open);
  if (close < 0) throw fault('the value filter has no closing bracket');
  const head = parseAttrRef(path.slice(0, open), fault, options);
  if (head.subAttribute !== undefined) throw fault('a value filter applies to an attribute, not a sub-attribute');
  let filter;
  try {
    filter = parseFilter(path.slice(open + 1, close), options);
  } catch (error) {
    // RFC 7644 §3.5.2: a path whose value filter is malformed is an invalid path
    throw fault(error instanceof ScimError ? error.message : String(error));
  }
  if (filter.type === 'valuePath' || containsValuePath(filter)) throw fault('value filters cannot be nested');
  const tail = path.slice(close + 1);
  if (tail === '') return { ...head, filter: relative(filter, fault) };
  const sub = /^\.(.+)$/.exec(tail)?.[1];
  if (sub === undefined || !isAttributeName(sub)) throw fault(`'${tail}' after the value filter is not '.subAttribute'`);
  return { ...head, filter: relative(filter, fault), subAttribute: sub };
}

function containsValuePath(node: FilterNode): boolean {
  switch (node.type) {
    case 'valuePath': return true;
    case 'and': case 'or': return node.filters.some(containsValuePath);
    case 'not': return containsValuePath(node.filter);
    default: return false;
  }
}

/** RFC 7644 §3.5.2 valuePath: the filter names sub-attributes of the parent, so refs carry no schema or second level. */
function relative<T extends FilterNode>(node: T, fault: (d: string) => Error): T {
  const check = (n: FilterNode): void => {
    switch (n.type) {
      case 'compare': case 'present':
        if (n.path.schema !== undefined || n.path.subAttribute !== undefined) throw fault(`'${n.path.attribute}…' in the value filter must name a sub-attribute`);
        return;
      case 'and': case 'or': n.filters.forEach(check); return;
      case 'not': check(n.filter); return;
      default: return;
    }
  };
  check(node);
  return node;
}
