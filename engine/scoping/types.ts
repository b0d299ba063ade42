/**
 * @module engine/scoping/types
 * The Graph scoping filter as a synchronization schema holds it (ENTRA-SPEC §3.6, §5.1). Defined
 * here, not in engine/mapping, so that scoping depends on nothing in mapping (mapping embeds it).
 */
import type { SourceObject } from '../expressions/evaluate.js';

/** The source object a scoping filter is evaluated on: the same attribute bag expressions read. */
export type { SourceObject };

/** One scoping clause (§5.1): `values` are strings even for integers and regexes. */
export interface FilterClause {
  readonly sourceOperandName: string;
  readonly operatorName: string;
  readonly targetOperand?: { readonly values?: readonly string[] | null; readonly [extra: string]: unknown } | null;
  readonly [extra: string]: unknown;
}

/** One scoping filter as the portal shows it: its clauses are ANDed. */
export interface FilterGroup {
  readonly name?: string | null;
  readonly clauses: readonly FilterClause[];
  readonly [extra: string]: unknown;
}

/** Graph `filter`: `groups` are ORed; objects leaving them are deprovisioned (§5.1). */
export interface Filter {
  readonly groups?: readonly FilterGroup[] | null;
  readonly inputFilterGroups?: readonly FilterGroup[] | null;
  readonly categoryFilterGroups?: readonly FilterGroup[] | null;
  readonly [extra: string]: unknown;
}
