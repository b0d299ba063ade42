/**
 * @module engine/scoping/validate
 * Checks a scoping filter in the Graph `filter` shape (ENTRA-SPEC §5.1, §5.6) before it is used:
 * the JSON shape (ajv), known operators, a value for binary operators, integer values for
 * Greater_Than* (§5.3 "invalid configuration"), and compilable regexes. Every problem is listed.
 */
import { Ajv } from 'ajv';
import { compileRegex } from '../expressions/dotnet-regex.js';
import { ConfigValidationError, ajvProblems } from '../../util/config-error.js';
import { operatorNamed } from './operators.js';
import type { Filter } from './types.js';

const groupsSchema = {
  type: ['array', 'null'],
  items: {
    type: 'object',
    required: ['clauses'],
    properties: {
      name: { type: ['string', 'null'] },
      clauses: {
        type: 'array',
        items: {
          type: 'object',
          required: ['sourceOperandName', 'operatorName'],
          properties: {
            sourceOperandName: { type: 'string', minLength: 1 },
            operatorName: { type: 'string', minLength: 1 },
            targetOperand: {
              type: ['object', 'null'],
              properties: { values: { type: ['array', 'null'], items: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
} as const;

export const filterJsonSchema = {
  type: 'object',
  properties: { groups: groupsSchema, inputFilterGroups: groupsSchema, categoryFilterGroups: groupsSchema },
} as const;

const validateShape = new Ajv({ allErrors: true, strict: false }).compile(filterJsonSchema);

/** Problems of a filter as `path: message`; empty when it is usable. `path` prefixes every entry. */
export function filterProblems(json: unknown, path = 'scope'): string[] {
  if (json === null) return [];
  if (!validateShape(json)) {
    return ajvProblems(validateShape.errors, path);
  }
  const problems: string[] = [];
  const filter = json as Filter;
  for (const key of ['groups', 'inputFilterGroups', 'categoryFilterGroups'] as const) {
    (filter[key] ?? []).forEach((group, g) =>
      group.clauses.forEach((clause, c) => {
        const at = `${path}.${key}.${g}.clauses.${c}`;
        const op = operatorNamed(clause.operatorName);
        const values = clause.targetOperand?.values ?? [];
        if (!op) problems.push(`${at}.operatorName: unknown operator ${JSON.stringify(clause.operatorName)}`);
        else if (op.arity === 'Binary' && values.length === 0) problems.push(`${at}.targetOperand.values: ${op.name} needs a value`);
        else if (op.integerOperand && values.some((v) => !/^\s*-?\d+\s*$/.test(v))) {
          problems.push(`${at}.targetOperand.values: ${op.name} compares integers`);
        } else if (op.name.includes('REGEX')) {
          for (const v of values) {
            try {
              compileRegex(v);
            } catch (error) {
              problems.push(`${at}.targetOperand.values: invalid regular expression ${JSON.stringify(v)}: ${(error as Error).message}`);
            }
          }
        }
      }),
    );
  }
  return problems;
}

/** Validates and returns the filter (null = no scoping filter); throws ConfigValidationError. */
export function parseScopingFilter(json: unknown): Filter | null {
  const problems = filterProblems(json);
  if (problems.length > 0) throw new ConfigValidationError('scoping filter', problems);
  return json as Filter | null;
}
