/**
 * @module engine/job/load
 * Reads a job file: JSON, validated against job.schema.json with every problem as `path: message`;
 * relative paths (source, mapping, state) resolved against the job file's folder; command-line
 * overrides applied on top. Secrets named by environment variable are resolved only when a client is
 * built (engine/job/credentials.ts), so a job file never has to hold one.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { ConfigValidationError, ajvProblems } from '../mapping/validation-error.js';
import { filterProblems } from '../scoping/validate.js';
import { durationMs } from './duration.js';
import jobSchema from './job.schema.json' with { type: 'json' };
import type { JobConfig } from './types.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(jobSchema);

export interface JobOverrides {
  readonly directory?: string;
  readonly target?: string;
  readonly token?: string;
  readonly state?: string;
}

export interface LoadedJob {
  readonly config: JobConfig;
  readonly file: string;
  /** absolute; the default is `.scimulator/<job name>` beside the job file */
  readonly stateDir: string;
}

/** Every problem of a job document; empty when it is valid. */
export function jobProblems(json: unknown): string[] {
  if (!validate(json)) return ajvProblems(validate.errors);
  const job = json as unknown as JobConfig;
  const problems: string[] = [];
  for (const key of ['users', 'groups'] as const) {
    problems.push(...filterProblems(job.scopingFilters?.[key] ?? null, `scopingFilters.${key}`));
  }
  for (const [at, value] of durations(job)) {
    try {
      durationMs(value);
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
    }
  }
  const auth = job.target.auth;
  if (auth?.type === 'bearer' && auth.token === undefined && auth.tokenEnv === undefined) problems.push('target.auth: a bearer token needs token or tokenEnv');
  return problems;
}

function durations(job: JobConfig): [string, string | number][] {
  const out: [string, string | number][] = [];
  job.retry?.schedule?.forEach((v, i) => out.push([`retry.schedule.${i}`, v]));
  if (job.retry?.dropAfter !== undefined) out.push(['retry.dropAfter', job.retry.dropAfter]);
  if (job.quarantine?.disableAfter !== undefined) out.push(['quarantine.disableAfter', job.quarantine.disableAfter]);
  if (job.cycleInterval !== undefined) out.push(['cycleInterval', job.cycleInterval]);
  return out;
}

/** Validates a job document; relative paths are resolved against `baseDir`. */
export function parseJob(json: unknown, baseDir: string, overrides: JobOverrides = {}, what = 'job'): JobConfig {
  const problems = jobProblems(json);
  if (problems.length > 0) throw new ConfigValidationError(what, problems);
  const job = json as JobConfig;
  const sourcePath = overrides.directory ? resolve(overrides.directory) : resolve(baseDir, job.source.path);
  return {
    ...job,
    source: { ...job.source, path: sourcePath },
    target: {
      ...job.target,
      ...(overrides.target ? { url: overrides.target } : {}),
      ...(overrides.token ? { auth: { type: 'bearer', token: overrides.token } } : {}),
    },
    ...(job.mapping ? { mapping: resolve(baseDir, job.mapping) } : {}),
    ...(overrides.state ? { state: resolve(overrides.state) } : job.state ? { state: resolve(baseDir, job.state) } : {}),
  };
}

export async function loadJob(file: string, overrides: JobOverrides = {}): Promise<LoadedJob> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigValidationError(`job ${file}`, [`(file): cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigValidationError(`job ${file}`, [`(file): not JSON: ${(error as Error).message}`]);
  }
  if (overrides.target && !/^https?:\/\//i.test(overrides.target)) {
    throw new ConfigValidationError(`job ${file}`, [`--target: must be an http(s) URL: ${overrides.target}`]);
  }
  const config = parseJob(json, dirname(path), overrides, `job ${file}`);
  const name = config.name ?? basename(path, extname(path));
  return { config, file: path, stateDir: config.state ?? resolve(dirname(path), '.scimulator', name) };
}
