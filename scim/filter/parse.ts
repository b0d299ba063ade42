/**
 * @module scim/filter/parse
 * Parses a filter string into the project's FilterNode, RFC 7644 §3.4.2.2. The only file that
 * imports scim2-parse-filter: its parser does the grammar; this adapter tokenizes (with offsets),
 * bounds the input, turns every failure into `invalidFilter` with the position, checks attribute
 * names, and builds the readonly AST.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 *
 * One extension over the ABNF: `emails[type eq "work"].value eq "x"` (sent by Microsoft Entra,
 * ENTRA-SPEC §6.4) means "an email whose type is work and whose value is x", so it is read as
 * `emails[type eq "work" and value eq "x"]`. scim2-parse-filter reads it as two independent
 * conditions, which can match a user whose work address and x belong to different emails.
 */
import { Tokens, parseFilter as parseTokens } from 'scim2-parse-filter/lib/src/parser.js';
import type { Token } from 'scim2-parse-filter/lib/src/parser.js';
import type { Filter } from 'scim2-parse-filter';
import { ScimError } from '../errors.js';
import { parseAttrRef } from '../path/attr-ref.js';
import type { AttrRefOptions } from '../path/attr-ref.js';
import type { AttributePathRef, CompareNode, FilterNode } from './types.js';
import { parseSimpleComparison } from './simple-comparison.js';

export interface ParseFilterOptions extends AttrRefOptions {
  /** longest filter accepted, in characters (default 4096) */
  readonly maxLength?: number;
  /** deepest nesting of parentheses and brackets accepted (default 32) */
  readonly maxDepth?: number;
}

const DEFAULT_MAX_LENGTH = 4096;
const DEFAULT_MAX_DEPTH = 32;

/** Parses `text`; every failure is a ScimError invalidFilter (400). */
export function parseFilter(text: string, options: ParseFilterOptions = {}): FilterNode {
  checkText(text, options);
  return parseSimpleComparison(text, options) ?? parseGrammar(text, options);
}

/**
 * The node of a filter the one-comparison shortcut recognises (`attr op value`), or undefined for
 * anything else (which parseFilter reads with the grammar). Bounds as parseFilter.
 */
export function parseSimpleFilter(text: string, options: ParseFilterOptions = {}): CompareNode | undefined {
  checkText(text, options);
  return parseSimpleComparison(text, options);
}

/**
 * parseFilter without the one-comparison shortcut (scim/filter/simple-comparison), which must
 * give the same node or error for every text it recognises.
 */
export function parseFilterGrammar(text: string, options: ParseFilterOptions = {}): FilterNode {
  checkText(text, options);
  return parseGrammar(text, options);
}

function checkText(text: string, options: ParseFilterOptions): void {
  if (typeof text !== 'string') throw ScimError.invalidFilter('the filter must be a string');
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) throw ScimError.invalidFilter(`the filter is ${text.length} characters long; at most ${maxLength} are accepted`);
  if (text.trim() === '') throw ScimError.invalidFilter('the filter is empty');
}

function parseGrammar(text: string, options: ParseFilterOptions): FilterNode {
  const lexed = joinValuePathSubAttributes(tokenize(text), text);
  checkDepth(lexed, text, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const list = new Tokens(lexed.tokens);
  let ast: Filter;
  try {
    ast = parseTokens(list);
  } catch (error) {
    throw ScimError.invalidFilter(`${describe(error)} ${near(text, lexed, list.i - 1)}`);
  }
  if (list.peek().type !== 'EOT') throw ScimError.invalidFilter(`unexpected '${list.peek().literal}' ${near(text, lexed, list.i)}`);
  try {
    return convert(ast, false, options);
  } catch (error) {
    // The grammar library can hand back a tree with holes (`a pr not (b pr)` yields a `not`
    // without an operand): a malformed filter, never a server error.
    if (error instanceof ScimError) throw error;
    throw ScimError.invalidFilter(`the filter is malformed: ${JSON.stringify(text.slice(0, 80))}`);
  }
}

/** A token and where it starts in the filter text. */
interface Lexed { readonly tokens: Token[]; readonly offsets: number[] }

// RFC 7644 §3.4.2.2 Figure 1 lexemes; numbers and strings are JSON (RFC 7159)
const LEXEME = /\s+|("(?:[^"\\\u0000-\u001f]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?=[\s()\]]|$))|(\]\.?|[[()])|([\w$][-\w$.:/%]*)/y;

/**
 * Our own tokenizer in front of scim2-parse-filter's parser: its tokenizer rejects a negative
 * number followed by a space and mangles backslash escapes in strings; ours keeps offsets for errors.
 */
function tokenize(text: string): Lexed {
  const tokens: Token[] = [];
  const offsets: number[] = [];
  LEXEME.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    LEXEME.lastIndex = at;
    const m = LEXEME.exec(text);
    if (!m) {
      const what = text[at] === '"' ? 'unterminated or malformed string' : `unexpected character '${text[at]}'`;
      throw ScimError.invalidFilter(`${what} at position ${at}`);
    }
    const type = m[1] ? 'Quoted' : m[2] ? 'Number' : m[3] ? 'Bracket' : m[4] ? 'Word' : undefined;
    if (type) { tokens.push({ type, literal: m[0] }); offsets.push(at); }
    at += m[0].length;
  }
  tokens.push({ type: 'EOT', literal: '' });
  offsets.push(text.length);
  return { tokens, offsets };
}

/** The parser's message, reworded where it leaks its internals. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('(EOT)')) return 'an operand or closing bracket is missing';
  const notJson = /^\[(.*)\((\w+)\)\] is not json$/s.exec(message);
  if (notJson) return `'${notJson[1]}' is not a comparison value (a JSON string, number, true, false or null)`;
  return message;
}

/** "at position N (near 'xyz')" for token `index`. */
function near(text: string, lexed: Lexed, index: number): string {
  const at = lexed.offsets[Math.min(Math.max(index, 0), lexed.offsets.length - 1)];
  return at >= text.length ? 'at the end of the filter' : `at position ${at} (near '${text.slice(at, at + 20)}')`;
}

function checkDepth(lexed: Lexed, text: string, maxDepth: number): void {
  const tokens = lexed.tokens;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'Bracket') continue;
    if (t.literal === '(' || t.literal === '[') depth++;
    else depth--;
    if (depth > maxDepth) throw ScimError.invalidFilter(`the filter nests deeper than ${maxDepth} levels ${near(text, lexed, i)}`);
  }
}

/** Rewrites `A [ F ]. sub op value` into `A [ ( F ) and sub op value ]` at token level (see module header). */
function joinValuePathSubAttributes(lexed: Lexed, text: string): Lexed {
  const { tokens, offsets } = lexed;
  const out: Token[] = [];
  const at: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!(t.type === 'Bracket' && t.literal === '].')) { out.push(t); at.push(offsets[i]); continue; }
    const open = findOpen(out);
    const sub = tokens[i + 1];
    const op = tokens[i + 2];
    if (open < 0 || sub?.type !== 'Word' || op?.type !== 'Word') {
      throw ScimError.invalidFilter(`a value path followed by '.' needs a sub-attribute and an operator ${near(text, lexed, i)}`);
    }
    const tail = op.literal.toLowerCase() === 'pr' ? [sub, op] : [sub, op, tokens[i + 3] ?? { type: 'EOT', literal: '' }];
    out.splice(open + 1, 0, { type: 'Bracket', literal: '(' });
    at.splice(open + 1, 0, offsets[i]);
    out.push({ type: 'Bracket', literal: ')' }, { type: 'Word', literal: 'and' }, ...tail, { type: 'Bracket', literal: ']' });
    at.push(offsets[i], offsets[i], ...tail.map((_, k) => offsets[i + 1 + k] ?? text.length), offsets[i]);
    i += tail.length;
  }
  return { tokens: out, offsets: at };
}

function findOpen(tokens: readonly Token[]): number {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const l = tokens[i].type === 'Bracket' ? tokens[i].literal : '';
    if (l === ']' || l === '].') depth++;
    else if (l === '[') { if (depth === 0) return i; depth--; }
  }
  return -1;
}

function ref(text: string, inValuePath: boolean, options: AttrRefOptions): AttributePathRef {
  const path = parseAttrRef(text, (detail) => ScimError.invalidFilter(detail), options);
  if (inValuePath && (path.schema !== undefined || path.subAttribute !== undefined)) {
    // RFC 7644 §3.4.2.2 Table 5: the expression in brackets is "based upon sub-attributes of the parent attribute"
    throw ScimError.invalidFilter(`'${text}' inside a value filter must name a sub-attribute of the parent attribute`);
  }
  return path;
}

function convert(node: Filter, inValuePath: boolean, options: AttrRefOptions): FilterNode {
  if (typeof node !== 'object' || node === null) throw ScimError.invalidFilter('an operator is missing its operand (e.g. `not` needs a parenthesised filter joined by and/or)');
  switch (node.op) {
    case 'and':
    case 'or': {
      const f = node as Extract<Filter, { filters: unknown }>;
      const filters: FilterNode[] = [];
      for (const child of f.filters) {
        const c = convert(child, inValuePath, options);
        if (c.type === f.op) filters.push(...c.filters); else filters.push(c);
      }
      return { type: f.op, filters };
    }
    case 'not':
      return { type: 'not', filter: convert((node as Extract<Filter, { op: 'not' }>).filter, inValuePath, options) };
    case 'pr':
      return { type: 'present', path: ref((node as Extract<Filter, { op: 'pr' }>).attrPath, inValuePath, options) };
    case '[]': {
      const v = node as Extract<Filter, { op: '[]' }>;
      // RFC 7644 §3.4.2.2 Figure 1: valFilter = attrExp / logExp / "not" "(" valFilter ")", no nested value paths
      if (inValuePath) throw ScimError.invalidFilter(`value filters cannot be nested ('${v.attrPath}[…]')`);
      const path = ref(v.attrPath, false, options);
      if (path.subAttribute !== undefined) throw ScimError.invalidFilter(`'${v.attrPath}[…]': a value filter applies to an attribute, not a sub-attribute`);
      return { type: 'valuePath', path, filter: convert(v.valFilter, true, options) };
    }
    default: {
      const c = node as Extract<Filter, { compValue: unknown }>;
      return { type: 'compare', op: c.op, path: ref(c.attrPath, inValuePath, options), value: c.compValue };
    }
  }
}
