/**
 * @module engine/mapping/apply
 * Applies an object mapping to a source object and yields the SCIM resource to send (ENTRA-SPEC
 * §2.6–2.7, §3.1, §3.5). Pure: `mapObject(source, objectMapping, { mode, context })`.
 * - create: every mapping flows (Always and the *AddOnly types); a null value takes `defaultValue`;
 * - update: ObjectAddOnly mappings are left out and `defaultValue` is never used;
 * - null and `""` values are omitted; IgnoreFlowIfNullOrEmpty drops the attribute (listed in `ignored`);
 * - reference attributes (manager, members) are returned apart in `references`: Entra links them in
 *   a second round-trip once the referenced object's target id is known (§2.8);
 * - an expression that fails is listed in `errors` with its attribute; the engine escrows the object.
 */
import { evaluate, evaluateAsync, isExpressionError, parse } from '../expressions/index.js';
import type { ExpressionNode, ParseOptions } from '../expressions/index.js';
import { coerceToTarget, emptyResource, place } from './build-resource.js';
import { sourceExpression } from './source-expression.js';
import { parseTargetPath } from './target-path.js';
import type { EvaluateOptions, EvaluationResult, SourceObject } from '../expressions/index.js';
import type { ScimResource } from '../../scim/types.js';
import type { AttributeMapping, ObjectMapping, SyncAttributeDefinition } from './types.js';

export type MappingMode = 'create' | 'update';

export interface MapObjectOptions {
  readonly mode: MappingMode;
  /** expression settings and injections: clock, randomness, isUnique, §9.3 knobs, changedAttributes */
  readonly context?: EvaluateOptions;
  /** the target object's attribute list (§3.2): types, required, references */
  readonly targetAttributes?: readonly SyncAttributeDefinition[];
  /** attribute → filter type marked `primary: true`; default `{ emails: 'work' }` (§3.5, §6.4) */
  readonly primaryTypes?: Readonly<Record<string, string>>;
}

export interface MappingProblem {
  readonly targetAttributeName: string;
  readonly code: 'expression' | 'invalid-target' | 'missing-required';
  readonly message: string;
  /** the ExpressionError's code and offset when the expression failed */
  readonly expression?: { readonly code: string; readonly start: number; readonly function?: string };
}

export interface MappedObject {
  readonly resource: ScimResource;
  readonly references: readonly { readonly targetAttributeName: string; readonly value: unknown }[];
  readonly ignored: readonly string[];
  /** target attributes whose value must show as `[Redact]` in logs */
  readonly redacted: readonly string[];
  readonly errors: readonly MappingProblem[];
}

/** Target attributes Entra resolves in a second pass when no attribute list says otherwise. */
const DEFAULT_REFERENCES = new Set(['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', 'manager', 'members']);

type Evaluation = { readonly ok: EvaluationResult } | { readonly error: unknown } | { readonly skip: true };

/**
 * Parsed expressions by text: a cycle maps every object with the same few dozen expressions, and
 * parsing them anew each time was most of mapObject's cost. Bounded; syntax errors are not kept.
 */
const PARSED = new Map<string, ExpressionNode>();
const PARSED_MAX = 10_000;

function parsed(text: string, options: ParseOptions | undefined): ExpressionNode {
  const key = options ? `${options.maxLength ?? ''}:${options.maxDepth ?? ''}:${text}` : text;
  let node = PARSED.get(key);
  if (!node) {
    node = parse(text, options);
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    PARSED.set(key, node);
  }
  return node;
}

export function mapObject(source: SourceObject, mapping: ObjectMapping, options: MapObjectOptions): MappedObject {
  const evaluations = flowing(mapping, options.mode).map((m) => [m, run(m, (text) => evaluate(parsed(text, options.context?.parse), source, options.context))] as const);
  return assemble(mapping, evaluations, options);
}

/** mapObject with an asynchronous SelectUniqueValue uniqueness check (asked in mapping order). */
export async function mapObjectAsync(source: SourceObject, mapping: ObjectMapping, options: MapObjectOptions): Promise<MappedObject> {
  const evaluations: (readonly [AttributeMapping, Evaluation])[] = [];
  for (const m of flowing(mapping, options.mode)) {
    let evaluation = immediate(m);
    if (evaluation === undefined) {
      try {
        evaluation = { ok: await evaluateAsync(parsed(sourceExpression(m.source!), options.context?.parse), source, options.context) };
      } catch (error) {
        evaluation = { error };
      }
    }
    evaluations.push([m, evaluation]);
  }
  return assemble(mapping, evaluations, options);
}

/** The mappings that flow in this mode (§2.6–2.7). */
function flowing(mapping: ObjectMapping, mode: MappingMode): readonly AttributeMapping[] {
  return mapping.attributeMappings.filter((m) => mode === 'create' || (m.flowType ?? 'Always') !== 'ObjectAddOnly');
}

/** The result of a mapping that needs no evaluation: type None, or a Constant without expression text. */
function immediate(m: AttributeMapping): Evaluation | undefined {
  if (m.source === null) return { skip: true };
  // a Constant is its literal text, never parsed (§3.1)
  if (m.source.type === 'Constant' && (m.source.expression === undefined || m.source.expression === null)) {
    return { ok: { value: m.source.name ?? null, flow: true, redacted: false } };
  }
  return undefined;
}

function run(m: AttributeMapping, evaluateText: (text: string) => EvaluationResult): Evaluation {
  const done = immediate(m);
  if (done !== undefined) return done;
  try {
    return { ok: evaluateText(sourceExpression(m.source!)) };
  } catch (error) {
    return { error };
  }
}

function assemble(
  mapping: ObjectMapping,
  evaluations: readonly (readonly [AttributeMapping, Evaluation])[],
  options: MapObjectOptions,
): MappedObject {
  const resource = emptyResource(mapping.targetObjectName);
  const references: { targetAttributeName: string; value: unknown }[] = [];
  const ignored: string[] = [];
  const redacted: string[] = [];
  const errors: MappingProblem[] = [];
  const definitions = new Map((options.targetAttributes ?? []).map((d) => [d.name, d]));
  const placed = new Set<string>();
  const primaryTypes = options.primaryTypes ?? { emails: 'work' };

  for (const [m, evaluation] of evaluations) {
    const name = m.targetAttributeName;
    if ('error' in evaluation) {
      const e = evaluation.error;
      if (!isExpressionError(e)) throw e;
      errors.push({ targetAttributeName: name, code: 'expression', message: e.message, expression: { code: e.code, start: e.start, ...(e.function ? { function: e.function } : {}) } });
      continue;
    }
    let value: unknown = 'ok' in evaluation ? evaluation.ok.value : null;
    if ('ok' in evaluation && !evaluation.ok.flow) {
      ignored.push(name);
      continue;
    }
    if ('ok' in evaluation && evaluation.ok.redacted) redacted.push(name);
    // "Default value if null" is applied only on create (§3.1)
    if ((value === null || value === '') && options.mode === 'create' && m.defaultValue !== undefined && m.defaultValue !== null) value = m.defaultValue;
    // Entra never sends empty values: `""` (an all-empty Join) is omitted like null [I]
    if (value === null || value === '') continue;
    const definition = definitions.get(name);
    const coerced = coerceToTarget(value, definition?.type ?? (name === 'active' ? 'Boolean' : undefined));
    if (definition ? definition.type === 'Reference' : DEFAULT_REFERENCES.has(name)) {
      references.push({ targetAttributeName: name, value: coerced });
      placed.add(name);
      continue;
    }
    const path = parseTargetPath(name);
    if (!path) {
      errors.push({ targetAttributeName: name, code: 'invalid-target', message: `not a target attribute name Entra can send: ${JSON.stringify(name)}` });
      continue;
    }
    place(resource, path, coerced, { primaryTypes });
    placed.add(name);
  }

  if (options.mode === 'create') {
    for (const d of options.targetAttributes ?? []) {
      // MandatoryFieldsMissing (§2.6): a required attribute with no value and no default
      if (d.required && !d.anchor && !placed.has(d.name) && mapping.attributeMappings.some((m) => m.targetAttributeName === d.name)) {
        if (!errors.some((e) => e.targetAttributeName === d.name) && !ignored.includes(d.name)) {
          errors.push({ targetAttributeName: d.name, code: 'missing-required', message: `required attribute ${d.name} has no value and no default` });
        }
      }
    }
  }
  return { resource, references, ignored, redacted, errors };
}
