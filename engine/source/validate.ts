/**
 * @module engine/source/validate
 * Every problem of a parsed directory document, as `path: message` (STYLE.md §15): the JSON shape
 * (directory.schema.json, ajv), then what a schema cannot say: duplicate ids, a manager, member or
 * principal naming nothing, a principalType that contradicts the object named, an appRoleId naming no
 * app role, and `__proto__`/`constructor`/`prototype` as keys anywhere (they become object keys later).
 * The semantic checks read the document defensively, so shape and reference problems come in one list.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ajvProblems } from '../mapping/validation-error.js';
import directorySchema from './directory.schema.json' with { type: 'json' };

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object
type AddFormats = (ajv: Ajv, formats: string[]) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['date-time']);
const validateShape = ajv.compile(directorySchema);

/** Graph's id of the Default Access role: an assignment may name it without declaring it. */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Record<string, unknown>;

export function directoryProblems(document: unknown): string[] {
  const problems = validateShape(document) ? [] : ajvProblems(validateShape.errors);
  reservedKeyProblems(document, '', problems);
  if (isRecord(document)) referenceProblems(document, problems);
  return problems;
}

function reservedKeyProblems(value: unknown, path: string, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => reservedKeyProblems(item, join(path, String(i)), problems));
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.has(key)) problems.push(`${join(path, key)}: reserved key refused`);
      else reservedKeyProblems(value[key], join(path, key), problems);
    }
  }
}

function referenceProblems(document: Json, problems: string[]): void {
  const users = records(document.users);
  const groups = records(document.groups);
  const userIds = idsOf(users, 'users', problems);
  const groupIds = idsOf(groups, 'groups', problems);
  const roleIds = idsOf(records(document.appRoles), 'appRoles', problems);

  for (const [id, at] of groupIds) {
    if (userIds.has(id)) problems.push(`${at}.id: ${JSON.stringify(id)} is also the id of ${userIds.get(id)}`);
  }
  users.forEach(([user, i]) => {
    const manager = user.manager;
    if (typeof manager === 'string' && !userIds.has(manager)) {
      problems.push(`users.${i}.manager: no user with id ${JSON.stringify(manager)}`);
    }
  });
  groups.forEach(([group, i]) => {
    if (!Array.isArray(group.members)) return;
    group.members.forEach((member: unknown, m) => {
      if (typeof member !== 'string') return;
      if (member === group.id) problems.push(`groups.${i}.members.${m}: a group cannot contain itself`);
      else if (!userIds.has(member) && !groupIds.has(member)) {
        problems.push(`groups.${i}.members.${m}: no user or group with id ${JSON.stringify(member)}`);
      }
    });
  });
  records(document.appRoleAssignments).forEach(([assignment, i]) => {
    const at = `appRoleAssignments.${i}`;
    const { principalId, principalType, appRoleId } = assignment;
    if (typeof principalId === 'string') {
      const kind = userIds.has(principalId) ? 'User' : groupIds.has(principalId) ? 'Group' : null;
      if (kind === null) problems.push(`${at}.principalId: no user or group with id ${JSON.stringify(principalId)}`);
      else if ((principalType === 'User' || principalType === 'Group') && principalType !== kind) {
        problems.push(`${at}.principalType: is ${principalType} but ${JSON.stringify(principalId)} is a ${kind.toLowerCase()}`);
      }
    }
    if (typeof appRoleId === 'string' && appRoleId !== DEFAULT_ACCESS_ROLE_ID && !roleIds.has(appRoleId)) {
      problems.push(`${at}.appRoleId: no app role with id ${JSON.stringify(appRoleId)}`);
    }
  });
}

/** id → where it was first seen (`users.3`); a repeated id is a problem naming both places. */
function idsOf(items: readonly [Json, number][], list: string, problems: string[]): Map<string, string> {
  const seen = new Map<string, string>();
  for (const [item, i] of items) {
    if (typeof item.id !== 'string') continue;
    const first = seen.get(item.id);
    if (first !== undefined) problems.push(`${list}.${i}.id: duplicate id ${JSON.stringify(item.id)} (first at ${first})`);
    else seen.set(item.id, `${list}.${i}`);
  }
  return seen;
}

/** The objects of a list with their index; anything else was already reported by the schema. */
function records(list: unknown): [Json, number][] {
  if (!Array.isArray(list)) return [];
  const out: [Json, number][] = [];
  list.forEach((item, i) => {
    if (isRecord(item)) out.push([item, i]);
  });
  return out;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
