/**
 * @module engine/source/load
 * Reads a source directory file (DESIGN.md "The engine's inputs", ENTRA-SPEC §2.2 step 1): Graph-shaped
 * JSON (directory.schema.json) or an HR-style CSV (./csv.ts). Safety before speed: a file that is cut
 * short, malformed or inconsistent throws with every problem listed and never yields a partial
 * directory, because users missing from a directory are hard-deleted in the target (§2.9).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ConfigValidationError } from '../mapping/validation-error.js';
import { parseDirectoryCsv } from './csv.js';
import { DirectoryReadError } from './read-error.js';
import { directoryProblems } from './validate.js';
import type { Directory } from './types.js';

export interface LoadDirectoryOptions {
  /** default: `csv` for a `.csv` file, else `json` */
  readonly format?: 'json' | 'csv';
  /** CSV: the column naming each user's groups (default `groups`) */
  readonly groupsColumn?: string;
}

export async function loadDirectoryFile(path: string, options: LoadDirectoryOptions = {}): Promise<Directory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw DirectoryReadError.from(path, error);
  }
  const format = options.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'json');
  return format === 'csv'
    ? parseDirectoryCsv(text, { file: path, ...(options.groupsColumn !== undefined ? { groupsColumn: options.groupsColumn } : {}) })
    : parseDirectoryJson(text, path);
}

/** Parses and validates a JSON directory document; `file` names it in errors. */
export function parseDirectoryJson(text: string, file = '(text)'): Directory {
  let document: unknown;
  try {
    document = JSON.parse(stripBom(text));
  } catch (error) {
    throw new ConfigValidationError(`directory ${file}`, [syntaxProblem(text, file, error)]);
  }
  const problems = directoryProblems(document);
  if (problems.length > 0) throw new ConfigValidationError(`directory ${file}`, problems);
  const d = document as Partial<Directory>;
  return {
    users: d.users ?? [],
    groups: d.groups ?? [],
    appRoles: d.appRoles ?? [],
    appRoleAssignments: d.appRoleAssignments ?? [],
  };
}

/** `file:line:column: message`; V8 names no position at the very end of input, which is where a cut file ends. */
function syntaxProblem(text: string, file: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const body = stripBom(text);
  const at = /at position (\d+)/.exec(raw);
  const position = at ? Number(at[1]) : body.length;
  const message = position >= body.length ? 'unexpected end of input (file cut short?)' : raw.replace(/\s*in JSON at position \d+.*$/s, '');
  const before = body.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${file}:${line}:${column}: ${message}`;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
