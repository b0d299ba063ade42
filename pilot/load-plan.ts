/**
 * @module pilot/load-plan
 * Reads a test plan (YAML or JSON) and checks it whole before anything runs: the shape against
 * plan.schema.json, then what a schema cannot see (pilot/check-plan). Every problem comes back as
 * `path: message` in one PlanError, so a plan is fixed in one pass.
 */
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parseDocument } from 'yaml';
import { ajvProblems } from '../engine/mapping/validation-error.js';
import { checkPlan } from './check-plan.js';
import type { CheckedPlan } from './check-plan.js';
import type { PilotPlan } from './plan.types.js';
import planSchema from './plan.schema.json' with { type: 'json' };

export class PlanError extends Error {
  override readonly name = 'PlanError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid test plan ${file}:\n  ${problems.join('\n  ')}`);
  }
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(planSchema);

/** Steps that take no argument may be written as their bare name. */
const BARE_STEPS = new Set(['initialCycle', 'incrementalCycle', 'allowDeletes', 'restart']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface LoadedPlan extends CheckedPlan {
  readonly file: string;
}

export async function loadPlan(file: string): Promise<LoadedPlan> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PlanError(file, [`(file): cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  return { file: path, ...(await parsePlan(text, { file: path, baseDir: dirname(path) })) };
}

/** Parses and checks plan text; `file` names it in errors, relative paths resolve against `baseDir`. */
export async function parsePlan(text: string, options: { file?: string; baseDir?: string; format?: 'yaml' | 'json' } = {}): Promise<CheckedPlan> {
  const file = options.file ?? '(text)';
  const document = parseText(text, file, options.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'yaml'));
  const problems = forbiddenKeys(document, '');
  if (problems.length > 0) throw new PlanError(file, problems);
  const plan = normaliseSteps(document);
  if (!validate(plan)) throw new PlanError(file, ajvProblems(validate.errors));
  const checked = await checkPlan(plan as unknown as PilotPlan, options.baseDir ?? process.cwd());
  if (checked.problems.length > 0) throw new PlanError(file, checked.problems);
  return checked;
}

function parseText(text: string, file: string, format: 'yaml' | 'json'): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new PlanError(file, [`(file): not JSON: ${(error as Error).message}`]);
    }
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    throw new PlanError(file, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`));
  }
  return doc.toJS();
}

function forbiddenKeys(value: unknown, at: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenKeys(v, `${at}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) =>
    FORBIDDEN_KEYS.has(key)
      ? [`${at.slice(1) || '(root)'}: the key '${key}' is not allowed`]
      : forbiddenKeys((value as Record<string, unknown>)[key], `${at}.${key}`),
  );
}

/** `- initialCycle` becomes `- initialCycle: null` in scenario steps and directory edits. */
function normaliseSteps(document: unknown): unknown {
  const plan = document as { scenarios?: unknown };
  if (!Array.isArray(plan?.scenarios)) return document;
  const bare = (steps: unknown) => (Array.isArray(steps) ? steps.map((s) => (typeof s === 'string' && BARE_STEPS.has(s) ? { [s]: null } : s)) : steps);
  return {
    ...plan,
    scenarios: plan.scenarios.map((s: unknown) => {
      if (s === null || typeof s !== 'object') return s;
      const scenario = s as { steps?: unknown; directory?: { edits?: unknown } | string };
      const d = scenario.directory;
      const directory = d && typeof d === 'object' && d.edits !== undefined ? { ...d, edits: bare(d.edits) } : d;
      return { ...scenario, steps: bare(scenario.steps), ...(directory !== undefined ? { directory } : {}) };
    }),
  };
}
