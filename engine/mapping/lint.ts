/**
 * @module engine/mapping/lint
 * Problems in a mapping that Entra would only reveal during a cycle (ENTRA-SPEC §2.5, §3.1, §4):
 * a matching attribute whose source can change (e.g. mail), a target attribute mapped twice, an
 * expression that does not parse or calls a function wrongly, a source attribute the source
 * directory does not have, SelectUniqueValue on a matching attribute, a target name Entra cannot send.
 */
import { checkExpression, defaultRegistry, isExpressionError, parse, referencedAttributes } from '../expressions/index.js';
import { sourceExpression } from './source-expression.js';
import { parseTargetPath } from './target-path.js';
import { objectMappings } from './import-schema.js';
import type { FunctionRegistry } from '../expressions/index.js';
import type { ObjectMapping, SynchronizationSchema } from './types.js';

export type LintCode =
  | 'mutable-matching-attribute'
  | 'duplicate-target'
  | 'expression-syntax'
  | 'expression-invalid'
  | 'unknown-source-attribute'
  | 'select-unique-on-matching'
  | 'invalid-target';

export interface LintFinding {
  readonly code: LintCode;
  readonly severity: 'error' | 'warning';
  /** where in the document: `synchronizationRules.0.objectMappings.1.attributeMappings.4` */
  readonly path: string;
  readonly targetAttributeName: string;
  readonly message: string;
}

export interface LintOptions {
  /** the source object's attribute names; without it unknown attributes are not reported */
  readonly sourceAttributes?: readonly string[];
  /** source attributes that identify an object for good; default: ids, UPN, employeeId, mailNickname (+ displayName for groups) */
  readonly stableSourceAttributes?: readonly string[];
  readonly functions?: FunctionRegistry;
  /** prefix of every finding's path */
  readonly path?: string;
}

const STABLE = ['objectId', 'id', 'userPrincipalName', 'employeeId', 'onPremisesImmutableId', 'onPremisesSecurityIdentifier', 'mailNickname', 'externalId'];

export function lintObjectMapping(mapping: ObjectMapping, options: LintOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const registry = options.functions ?? defaultRegistry;
  const stable = new Set(options.stableSourceAttributes ?? (mapping.sourceObjectName === 'Group' ? [...STABLE, 'displayName'] : STABLE));
  const known = options.sourceAttributes ? new Set(options.sourceAttributes) : undefined;
  const seen = new Map<string, number>();
  const base = options.path ?? 'attributeMappings';

  mapping.attributeMappings.forEach((m, i) => {
    const path = `${base}.${i}`;
    const target = m.targetAttributeName;
    const add = (code: LintCode, severity: LintFinding['severity'], message: string): void => {
      findings.push({ code, severity, path, targetAttributeName: target, message });
    };
    const first = seen.get(target);
    if (first !== undefined) add('duplicate-target', 'error', `${target} is already mapped by ${base}.${first}`);
    else seen.set(target, i);
    if (!parseTargetPath(target)) add('invalid-target', 'error', `${JSON.stringify(target)} is not a target attribute name Entra can send`);
    if (m.source === null || (m.source.type === 'Constant' && !m.source.expression)) return;

    let node;
    try {
      node = parse(sourceExpression(m.source));
    } catch (error) {
      if (!isExpressionError(error)) throw error;
      add('expression-syntax', 'error', `${error.code} at ${error.start}: ${error.message}`);
      return;
    }
    for (const problem of checkExpression(node, registry)) add('expression-invalid', 'error', `${problem.code} at ${problem.start}: ${problem.message}`);
    const attributes = referencedAttributes(node);
    if (known) {
      for (const name of attributes) if (!known.has(name)) add('unknown-source-attribute', 'error', `[${name}] is not an attribute of ${mapping.sourceObjectName}`);
    }
    if ((m.matchingPriority ?? 0) > 0) {
      const changing = attributes.filter((name) => !stable.has(name));
      if (changing.length > 0) {
        add('mutable-matching-attribute', 'warning', `matching on ${changing.map((n) => `[${n}]`).join(', ')}, which can change: a changed value no longer finds the linked target object`);
      }
      if (node.type === 'call' && node.name === 'SelectUniqueValue') add('select-unique-on-matching', 'error', 'SelectUniqueValue cannot be used on a matching attribute');
    }
  });
  return findings;
}

/** Lints every object mapping of a schema, reading source attribute names from its directories. */
export function lintSchema(schema: SynchronizationSchema, options: Omit<LintOptions, 'path' | 'sourceAttributes'> = {}): LintFinding[] {
  return objectMappings(schema).flatMap(({ rule, mapping, sourceAttributes }) => {
    const r = schema.synchronizationRules.indexOf(rule);
    const o = rule.objectMappings.indexOf(mapping);
    return lintObjectMapping(mapping, {
      ...options,
      ...(sourceAttributes ? { sourceAttributes: sourceAttributes.map((a) => a.name) } : {}),
      path: `synchronizationRules.${r}.objectMappings.${o}.attributeMappings`,
    });
  });
}
