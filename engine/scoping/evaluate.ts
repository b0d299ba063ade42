/**
 * @module engine/scoping/evaluate
 * Scoping-filter evaluation (ENTRA-SPEC §5.1–5.2): clauses of a group are ANDed, groups are ORed, no
 * filter (null or no groups) lets everything through. Clauses read the raw source attributes; a
 * null or empty attribute fails every clause but IS NULL; multi-valued attributes cannot be
 * filtered (§5.3), so clauses over them fail too.
 */
import { ConfigValidationError } from '../../util/config-error.js';
import { operatorNamed } from './operators.js';
import type { Filter, FilterClause, SourceObject } from './types.js';
import type { ScopingOptions } from './operators.js';

export function matchesFilter(source: SourceObject, filter: Filter | null | undefined, options: ScopingOptions = {}): boolean {
  const groups = filter?.groups ?? [];
  if (groups.length === 0) return true;
  return groups.some((group) => group.clauses.every((clause) => matchesClause(source, clause, options)));
}

export function matchesClause(source: SourceObject, clause: FilterClause, options: ScopingOptions = {}): boolean {
  const op = operatorNamed(clause.operatorName);
  if (!op) throw new ConfigValidationError('scoping filter', [`operatorName: unknown operator ${JSON.stringify(clause.operatorName)}`]);
  const raw = Object.hasOwn(source, clause.sourceOperandName) ? source[clause.sourceOperandName] : null;
  const value = scalar(raw);
  if (value === undefined) return false;
  if (value === null || value === '') return op.whenEmpty;
  try {
    return op.test(value, clause.targetOperand?.values ?? [], options);
  } catch (error) {
    // a bad regex or integer operand is a configuration fault, not "out of scope"
    throw new ConfigValidationError('scoping filter', [`${clause.sourceOperandName} ${op.name}: ${(error as Error).message}`]);
  }
}

/** null for absent/empty, undefined for values a filter cannot read (multi-valued, complex). */
function scalar(raw: unknown): string | boolean | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  if (Array.isArray(raw)) return raw.length === 0 ? null : undefined;
  return undefined;
}
