/**
 * @module scim/filter/evaluate
 * Compiles a FilterNode into a predicate over resources, once per filter, RFC 7644 §3.4.2.2.
 * Attribute characteristics (type, caseExact, multiValued) come from the AttributeResolver.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 *
 * Semantics pinned down here:
 * - a multi-valued attribute matches if any value matches (RFC 7644 §3.4.2.2);
 * - `ne` is the negation of `eq` over the whole attribute: an absent attribute is "not equal";
 * - `attr eq null` is `not (attr pr)` and `attr ne null` is `attr pr` (RFC 7643 §2.5: null and
 *   unassigned are the same state);
 * - a multi-valued complex attribute without sub-attribute (`emails co "x"`) compares its `value`;
 * - `pr` is false for null, "", [] and {};
 * - an attribute the resolver does not know is invalidFilter: RFC 7644 §3.12 Table 9 defines
 *   invalidFilter as "the specified attribute and filter comparison combination is not supported",
 *   and §3.4.2.2 requires declining a filter that cannot be evaluated rather than guessing.
 */
import { ScimError } from '../errors.js';
import type { AttributeDefinition, AttributeResolver, ResolvedAttribute } from '../types.js';
import { formatAttrRef } from '../path/attr-ref.js';
import { findSubAttribute, resolveAttribute } from '../path/common-attributes.js';
import { collectValues, getKey, isObject, isPresentValue, readAttribute } from '../path/values.js';
import type { JsonObject } from '../path/values.js';
import { compileValueTest } from './compare.js';
import type { AttributePathRef, CompareOp, FilterNode, FilterValue } from './types.js';

/** A compiled filter: true when the resource matches. */
export type ResourcePredicate = (resource: object) => boolean;

type Test = (target: unknown) => boolean;

interface Accessor {
  readonly def: AttributeDefinition;
  readonly label: string;
  /** every non-null value at the path of `target` */
  read(target: unknown): unknown[];
}

interface Scope {
  accessor(ref: AttributePathRef, forPresence: boolean): Accessor;
  valuePath(ref: AttributePathRef): { resolved: ResolvedAttribute; elements(target: unknown): unknown[] };
}

/** Compiles `node`; throws invalidFilter when it names unknown attributes or unsupported comparisons. */
export function compileFilter(node: FilterNode, resolver: AttributeResolver): ResourcePredicate {
  const test = compileNode(node, resourceScope(resolver));
  return (resource) => test(resource);
}

/**
 * Compiles `path op …` once for every value (a cache keyed by filter shape: Entra probes
 * `userName eq "<value>"` with a new value for every object). `compileFilter` of the compare node
 * gives the same predicate and throws the same errors: an unknown or complex attribute when this
 * is called, a value the attribute cannot be compared with when the result is.
 */
export function compileComparison(path: AttributePathRef, op: CompareOp, resolver: AttributeResolver): (value: FilterValue) => ResourcePredicate {
  const accessor = resourceScope(resolver).accessor(path, false);
  return (value) => {
    const test = compareTest(accessor, op, value);
    return (resource) => test(resource);
  };
}

/**
 * Compiles the filter of a value path (`emails[type eq "work"]`) into a test of one element of
 * `parent`; PATCH uses it to select the values an operation targets.
 */
export function compileValueFilter(filter: FilterNode, parent: ResolvedAttribute): (element: unknown) => boolean {
  return compileNode(filter, elementScope(parent));
}

function resourceScope(resolver: AttributeResolver): Scope {
  const resolve = (ref: AttributePathRef): ResolvedAttribute => {
    const resolved = resolveAttribute(resolver, ref);
    if (!resolved) throw ScimError.invalidFilter(`unknown attribute '${formatAttrRef(ref)}'`);
    refuseNeverReturned(resolved.subAttribute ?? resolved.attribute, formatAttrRef(ref));
    if (resolved.subAttribute) refuseNeverReturned(resolved.attribute, formatAttrRef(ref));
    return resolved;
  };
  return {
    accessor(ref, forPresence) {
      const resolved = resolve(ref);
      const label = formatAttrRef(ref);
      const attribute = resolved.attribute;
      if (resolved.subAttribute || attribute.type !== 'complex' || forPresence) {
        return { def: resolved.subAttribute ?? attribute, label, read: (t) => (isObject(t) ? collectValues(t, resolved) : []) };
      }
      const value = findSubAttribute(attribute, 'value');
      if (!attribute.multiValued || !value) {
        // RFC 7644 §3.4.2.2 (MUST): for complex attributes, a fully qualified sub-attribute is specified
        throw ScimError.invalidFilter(`'${label}' is complex: name a sub-attribute, e.g. '${label}.${attribute.subAttributes?.[0]?.name ?? 'value'}'`);
      }
      const viaValue: ResolvedAttribute = { ...resolved, subAttribute: value };
      return { def: value, label: `${label}.value`, read: (t) => (isObject(t) ? collectValues(t, viaValue) : []) };
    },
    valuePath(ref) {
      const resolved = resolve(ref);
      if (resolved.attribute.type !== 'complex') {
        throw ScimError.invalidFilter(`'${formatAttrRef(ref)}[…]': a value filter needs a complex attribute`);
      }
      return {
        resolved,
        elements: (t) => {
          const raw = isObject(t) ? readAttribute(t, resolved) : undefined;
          return Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
        },
      };
    },
  };
}

/**
 * RFC 7643 §2.2 / §4.1.1: a `returned: "never"` attribute (password) is never disclosed, and a
 * filter that matched on it would disclose it one comparison at a time (`password sw "a"`).
 */
function refuseNeverReturned(def: AttributeDefinition, label: string): void {
  if (def.returned === 'never') throw ScimError.invalidFilter(`'${label}' is never returned (RFC 7643 §2.2) and cannot be filtered on`);
}

function elementScope(parent: ResolvedAttribute): Scope {
  return {
    accessor(ref) {
      const sub = findSubAttribute(parent.attribute, ref.attribute);
      const label = `${parent.attribute.name}.${ref.attribute}`;
      if (!sub || ref.subAttribute !== undefined) throw ScimError.invalidFilter(`unknown sub-attribute '${label}'`);
      refuseNeverReturned(sub, label);
      return {
        def: sub,
        label,
        read: (element) => {
          const v = isObject(element) ? getKey(element as JsonObject, sub.name) : undefined;
          const values = Array.isArray(v) ? v : [v];
          return values.filter((x) => x !== undefined && x !== null);
        },
      };
    },
    valuePath(ref) {
      throw ScimError.invalidFilter(`value filters cannot be nested ('${ref.attribute}[…]')`);
    },
  };
}

function compareTest(accessor: Accessor, op: CompareOp, value: FilterValue): Test {
  if (value === null) {
    if (op !== 'eq' && op !== 'ne') throw ScimError.invalidFilter(`'${accessor.label} ${op} null': null supports eq and ne only`);
    const wantPresent = op === 'ne';
    return (t) => accessor.read(t).some(isPresentValue) === wantPresent;
  }
  const test = compileValueTest(accessor.def, op, value, accessor.label);
  if (op === 'ne') return (t) => !accessor.read(t).some(test);
  return (t) => accessor.read(t).some(test);
}

function compileNode(node: FilterNode, scope: Scope): Test {
  switch (node.type) {
    case 'and': {
      const tests = node.filters.map((f) => compileNode(f, scope));
      return (t) => tests.every((test) => test(t));
    }
    case 'or': {
      const tests = node.filters.map((f) => compileNode(f, scope));
      return (t) => tests.some((test) => test(t));
    }
    case 'not': {
      const test = compileNode(node.filter, scope);
      return (t) => !test(t);
    }
    case 'present': {
      const accessor = scope.accessor(node.path, true);
      return (t) => accessor.read(t).some(isPresentValue);
    }
    case 'valuePath': {
      const { resolved, elements } = scope.valuePath(node.path);
      const inner = compileNode(node.filter, elementScope(resolved));
      return (t) => elements(t).some(inner);
    }
    case 'compare':
      return compareTest(scope.accessor(node.path, false), node.op, node.value);
    default: {
      const never: never = node;
      throw new TypeError(`unknown filter node ${JSON.stringify(never)}`);
    }
  }
}
