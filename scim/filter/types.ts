/**
 * @module scim/filter/types
 * The filter AST the whole project uses, RFC 7644 §3.4.2.2. Only scim/filter/parse.ts knows
 * scim2-parse-filter; everything else (store index hints, evaluation, PATCH value filters) sees
 * this readonly discriminated union.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 *
 * Paths inside a `valuePath` filter are relative to the complex attribute: in
 * `emails[type eq "work"]` the inner comparison's path is `{ attribute: 'type' }`.
 */
import type { AttributePathRef } from '../types.js';

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** RFC 7644 §3.4.2.2 compValue: false / null / true / number / string (dateTimes arrive as strings). */
export type FilterValue = string | number | boolean | null;

/** An attribute path as a filter names it: `[schema:]attribute[.subAttribute]` (one type, scim/types). */
export type { AttributePathRef };

/** `attrPath compareOp compValue` */
export interface CompareNode {
  readonly type: 'compare';
  readonly op: CompareOp;
  readonly path: AttributePathRef;
  readonly value: FilterValue;
}

/** `attrPath pr` */
export interface PresentNode {
  readonly type: 'present';
  readonly path: AttributePathRef;
}

/** `filter and filter`, `filter or filter`, flattened to two or more operands. */
export interface LogicalNode {
  readonly type: 'and' | 'or';
  readonly filters: readonly FilterNode[];
}

/** `not (filter)` */
export interface NotNode {
  readonly type: 'not';
  readonly filter: FilterNode;
}

/** `attrPath[valFilter]`, e.g. `emails[type eq "work" and value co "@example.com"]` */
export interface ValuePathNode {
  readonly type: 'valuePath';
  readonly path: AttributePathRef;
  /** paths inside are sub-attributes of `path` */
  readonly filter: FilterNode;
}

export type FilterNode = CompareNode | PresentNode | LogicalNode | NotNode | ValuePathNode;
