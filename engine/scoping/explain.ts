/**
 * @module engine/scoping/explain
 * Why a scoping filter let an object through or kept it out (ENTRA-SPEC §5.1): the first group whose
 * clauses all held, or, when none did, the first failing clause of every group with the attribute
 * value it saw. Built on matchesClause, so the verdict is matchesFilter's by construction.
 */
import { matchesClause } from './evaluate.js';
import type { Filter, FilterClause, SourceObject } from './types.js';
import type { ScopingOptions } from './operators.js';

/** One clause as it was evaluated. */
export interface ClauseOutcome {
  /** index of the clause in its group */
  readonly clause: number;
  readonly sourceOperandName: string;
  readonly operatorName: string;
  readonly values: readonly string[];
  /** the attribute as the source holds it; `present: false` when the source has no such attribute */
  readonly actual: { readonly present: true; readonly value: unknown } | { readonly present: false };
  readonly passed: boolean;
}

/** A group, with the clauses evaluated up to the one that decided it. */
export interface GroupOutcome {
  /** index in `filter.groups` */
  readonly group: number;
  readonly name: string | null;
  readonly passed: boolean;
  /** every clause when the group passed; the clauses up to and including the first failure otherwise */
  readonly clauses: readonly ClauseOutcome[];
}

export type FilterExplanation =
  /** null, or no groups: everything is in scope */
  | { readonly inScope: true; readonly decidedBy: 'no-filter' }
  /** groups are ORed: the first that passed decides; later groups are not evaluated */
  | { readonly inScope: true; readonly decidedBy: 'group'; readonly group: GroupOutcome }
  /** no group passed: each one's first failing clause */
  | { readonly inScope: false; readonly decidedBy: 'no-group'; readonly groups: readonly GroupOutcome[] };

export function explainFilter(source: SourceObject, filter: Filter | null | undefined, options: ScopingOptions = {}): FilterExplanation {
  const groups = filter?.groups ?? [];
  if (groups.length === 0) return { inScope: true, decidedBy: 'no-filter' };
  const failed: GroupOutcome[] = [];
  for (const [index, group] of groups.entries()) {
    const clauses: ClauseOutcome[] = [];
    // clauses are ANDed: stop at the first that fails, as the evaluation does
    for (const [c, clause] of group.clauses.entries()) {
      const outcome = clauseOutcome(source, clause, c, options);
      clauses.push(outcome);
      if (!outcome.passed) break;
    }
    const outcome: GroupOutcome = { group: index, name: group.name ?? null, passed: clauses.every((c) => c.passed), clauses };
    if (outcome.passed) return { inScope: true, decidedBy: 'group', group: outcome };
    failed.push(outcome);
  }
  return { inScope: false, decidedBy: 'no-group', groups: failed };
}

function clauseOutcome(source: SourceObject, clause: FilterClause, index: number, options: ScopingOptions): ClauseOutcome {
  const present = Object.hasOwn(source, clause.sourceOperandName);
  return {
    clause: index,
    sourceOperandName: clause.sourceOperandName,
    operatorName: clause.operatorName,
    values: clause.targetOperand?.values ?? [],
    actual: present ? { present: true, value: source[clause.sourceOperandName] } : { present: false },
    passed: matchesClause(source, clause, options),
  };
}
