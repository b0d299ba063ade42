/**
 * @module engine/source/csv
 * The HR-upload source: a CSV file with one row per user (RFC 4180, parsed by csv-parse).
 *
 * - The header row names the attributes (Graph names: `id`, `userPrincipalName`, `mail`, `manager`…).
 *   An `id` column is required; `manager` holds the manager's `id`.
 * - An empty cell means the attribute is absent. Every value is a string, except `accountEnabled`
 *   and `assigned`, read as booleans (`true/false/1/0/yes/no`, any case).
 * - The groups column (default `groups`) lists the user's groups by name, separated by `;`. Each name
 *   becomes a group with the stable id `group:<name>` (names are case-sensitive), and the user a
 *   direct member. These groups are not assigned to the app: with scope `assigned` they are only
 *   provisioned when scope is `all`.
 * - Assignment: every CSV user is assigned to the app directly (Default Access role), because an HR
 *   upload lists the people to provision. An optional `assigned` column set to false leaves that user
 *   unassigned (an empty cell keeps the default).
 *
 * Safety before speed (as for JSON): an unterminated quote, a row with the wrong number of cells or
 * any invalid value is an error naming the line, and nothing of the file is returned.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { ConfigValidationError } from '../mapping/validation-error.js';
import { directoryProblems } from './validate.js';
import type { AppRoleAssignment, Directory, DirectoryGroup, DirectoryUser } from './types.js';

export interface CsvDirectoryOptions {
  /** names the file in errors */
  readonly file?: string;
  /** the column with the user's group names (default `groups`) */
  readonly groupsColumn?: string;
}

const BOOLEAN_COLUMNS = new Set(['accountEnabled', 'assigned']);
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/** The stable id a CSV group gets from its name. */
export function csvGroupId(name: string): string {
  return `group:${name}`;
}

export function parseDirectoryCsv(text: string, options: CsvDirectoryOptions = {}): Directory {
  const file = options.file ?? '(text)';
  const fail = (problems: string[]): never => {
    throw new ConfigValidationError(`directory ${file}`, problems);
  };
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof CsvError) fail([`${file}:${(error as CsvError & { lines?: number }).lines ?? '?'}: ${error.message}`]);
    throw error;
  }
  if (rows.length === 0) fail([`${file}: empty file, no header row`]);

  const [head, ...body] = rows;
  const header = head!.record;
  const groupsColumn = options.groupsColumn ?? 'groups';
  const problems = headerProblems(header, head!.info.lines, groupsColumn, options.groupsColumn !== undefined);
  if (problems.length > 0) fail(problems);

  const users: DirectoryUser[] = [];
  const groups = new Map<string, { id: string; displayName: string; members: string[] }>();
  const appRoleAssignments: AppRoleAssignment[] = [];
  const lines: number[] = [];
  for (const { record, info } of body) {
    const user: Record<string, unknown> = {};
    let assigned = true;
    let groupNames: string[] = [];
    header.forEach((column, c) => {
      const cell = record[c]!;
      if (cell === '') return;
      if (column === groupsColumn) {
        groupNames = cell.split(';').map((name) => name.trim()).filter((name) => name !== '');
      } else if (BOOLEAN_COLUMNS.has(column)) {
        const flag = booleanCell(cell);
        if (flag === null) problems.push(`line ${info.lines} ${column}: must be true/false/1/0/yes/no, got ${JSON.stringify(cell)}`);
        else if (column === 'assigned') assigned = flag;
        else user[column] = flag;
      } else {
        user[column] = cell;
      }
    });
    if (typeof user.id !== 'string') {
      problems.push(`line ${info.lines} id: must not be empty`);
      continue;
    }
    const id = user.id;
    for (const name of new Set(groupNames)) {
      let group = groups.get(name);
      if (!group) groups.set(name, (group = { id: csvGroupId(name), displayName: name, members: [] }));
      group.members.push(id);
    }
    if (assigned) appRoleAssignments.push({ principalId: id, principalType: 'User' });
    users.push(user as DirectoryUser);
    lines.push(info.lines);
  }
  const directory: Directory = { users, groups: [...groups.values()] as DirectoryGroup[], appRoles: [], appRoleAssignments };
  // the JSON checks (types, date formats, duplicate ids, managers) with rows named by their line
  for (const problem of directoryProblems(directory)) {
    const row = /^users\.(\d+)(?:\.([^:]*))?: (.*)$/.exec(problem);
    const message = row?.[3]?.replace(/\(first at users\.(\d+)\)/, (_, i: string) => `(first on line ${lines[Number(i)]})`);
    problems.push(row ? `line ${lines[Number(row[1])]} ${row[2] ?? '(row)'}: ${message}` : problem);
  }
  if (problems.length > 0) fail(problems);
  return directory;
}

function headerProblems(header: readonly string[], line: number, groupsColumn: string, groupsColumnGiven: boolean): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  header.forEach((name, c) => {
    const at = `line ${line} column ${c + 1}`;
    if (name === '') problems.push(`${at}: empty column name`);
    else if (RESERVED_KEYS.has(name)) problems.push(`${at}: reserved column name ${JSON.stringify(name)} refused`);
    else if (seen.has(name)) problems.push(`${at}: duplicate column ${JSON.stringify(name)}`);
    seen.add(name);
  });
  if (!seen.has('id')) problems.push(`line ${line}: no "id" column`);
  if (groupsColumnGiven && !seen.has(groupsColumn)) problems.push(`line ${line}: no ${JSON.stringify(groupsColumn)} column (groupsColumn)`);
  return problems;
}

function booleanCell(cell: string): boolean | null {
  const lower = cell.toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : null;
}
