/**
 * @module scim/projection/attribute-list
 * Reads the `attributes` / `excludedAttributes` parameters, RFC 7644 §3.4.2.5 and §3.9: a
 * comma-separated string (query) or an array of strings (POST /.search, §3.4.3), each in the
 * standard attribute notation of §3.10, or a whole schema URN.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.9
 */
import { ScimError } from '../errors.js';
import { parseAttributePath } from '../path/parse.js';
import { splitSchemaUrn } from '../schema/urn.js';

export type AttributeListInput = string | readonly string[] | undefined;

/** One entry: a whole schema (`urn` only), an attribute, or an attribute's sub-attribute. */
export interface AttributeSelector {
  readonly schema?: string;
  readonly attribute?: string;
  readonly subAttribute?: string;
}

/** Splits on commas that are outside brackets and quoted strings. */
export function splitAttributeList(input: AttributeListInput): string[] {
  if (input === undefined) return [];
  const items = typeof input === 'string' ? splitOutside(input) : [...input];
  return items.map((s) => {
    if (typeof s !== 'string') throw ScimError.invalidValue('attribute lists hold strings');
    return s.trim();
  }).filter((s) => s !== '');
}

function splitOutside(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/**
 * Parses each entry. A value filter (`emails[type eq "work"]`) is not attribute-list grammar
 * (§3.10 has no valuePath); it is accepted and ignored, so the entry selects the whole attribute
 * (or `emails[…].value` its sub-attribute). A malformed entry is 400 invalidValue.
 */
export function parseAttributeList(input: AttributeListInput, knownUrns: readonly string[], parameter: string): AttributeSelector[] {
  return splitAttributeList(input).map((text) => {
    const split = splitSchemaUrn(text, knownUrns);
    if (split.schema !== undefined && split.rest === '') return { schema: split.schema };
    try {
      const path = parseAttributePath(text, { knownUrns });
      return {
        ...(path.schema !== undefined ? { schema: path.schema } : {}),
        attribute: path.attribute,
        ...(path.subAttribute !== undefined ? { subAttribute: path.subAttribute } : {}),
      };
    } catch (error) {
      if (error instanceof ScimError) throw ScimError.invalidValue(`${parameter}: ${error.message}`);
      throw error;
    }
  });
}
