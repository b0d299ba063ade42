/**
 * @module cli/commands/expr
 * `scimulator expr 'EXPR' --source '{…}'`: evaluates an Entra attribute-mapping expression
 * (ENTRA-SPEC §4) against a source object and prints the value as JSON, or with `--json`
 * `{"value": …, "flow": true|false}`. Bad input exits 1 with one line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';

export interface ExprOptions {
  expression: string;
  /** the source object as JSON text */
  source?: string;
  sourceFile?: string;
  json: boolean;
  /** ISO date/time Now() answers; default the system clock */
  now?: string;
  /** values SelectUniqueValue finds already taken in the target */
  taken: readonly string[];
  iifNullCondition?: 'error' | 'false-branch' | 'evaluate';
  coalesceEmptyAsNull: boolean;
  splitTrims: boolean;
  caseInsensitiveFunctions: boolean;
  cwd: string;
  stdout: (line: string) => void;
}

export function register(program: Command): void {
  program
    .command('expr')
    .description('evaluate an Entra attribute-mapping expression against a source object')
    .argument('<expression>', 'the expression as typed in the portal, e.g. \'Join(" ", [givenName], [surname])\'')
    .option('--source <json>', 'the source object (Microsoft Graph attribute names)')
    .addOption(new Option('--source-file <file>', 'read the source object from a JSON file').conflicts('source'))
    .option('--json', 'print {"value": …, "flow": true|false}; flow is false when IgnoreFlowIfNullOrEmpty drops the attribute', false)
    .option('--now <iso>', 'the time Now() returns (default: the system clock)')
    .option('--taken <values...>', 'values SelectUniqueValue finds already used in the target', [])
    .addOption(new Option('--iif-null-condition <mode>', 'IIF over a null/empty attribute').choices(['error', 'false-branch', 'evaluate']))
    .option('--coalesce-empty-as-null', 'Coalesce skips "" as well as null', false)
    .option('--split-trims', 'Split trims each part', false)
    .option('--case-insensitive-functions', 'accept function names in any case', false)
    .addHelpText(
      'after',
      `
Examples:
  scimulator expr 'Join(" ", [givenName], [surname])' --source '{"givenName":"Jo","surname":"Lee"}'
  scimulator expr 'IgnoreFlowIfNullOrEmpty([department])' --source '{"department":""}' --json

Exit status: 0 with the value printed; 1 on bad JSON, a syntax error or an evaluation error.`,
    )
    .action(async (expression: string, opts: Record<string, unknown>) => {
      await expr({
        expression,
        source: opts.source as string | undefined,
        sourceFile: opts.sourceFile as string | undefined,
        json: Boolean(opts.json),
        now: opts.now as string | undefined,
        taken: (opts.taken as string[] | undefined) ?? [],
        iifNullCondition: opts.iifNullCondition as ExprOptions['iifNullCondition'],
        coalesceEmptyAsNull: Boolean(opts.coalesceEmptyAsNull),
        splitTrims: Boolean(opts.splitTrims),
        caseInsensitiveFunctions: Boolean(opts.caseInsensitiveFunctions),
        cwd: process.cwd(),
        stdout: (line) => process.stdout.write(`${line}\n`),
      });
    });
}

/** Evaluates and prints; returns the result for tests. Throws ExitError(1) on bad input. */
export async function expr(options: ExprOptions): Promise<{ value: unknown; flow: boolean }> {
  const source = readSource(options);
  let now: Date | undefined;
  if (options.now !== undefined) {
    now = new Date(options.now);
    if (Number.isNaN(now.getTime())) throw new ExitError(EXIT.failed, `--now: not a date/time: ${options.now}`);
  }
  const { evaluateAsync, isExpressionError } = await import('../../engine/expressions/index.js');
  const taken = new Set(options.taken);
  try {
    const result = await evaluateAsync(options.expression, source, {
      ...(now ? { now: () => now } : {}),
      isUnique: (value) => !taken.has(value),
      iifNullConditionMode: options.iifNullCondition,
      coalesceTreatsEmptyAsNull: options.coalesceEmptyAsNull,
      splitTrims: options.splitTrims,
      functionNameCase: options.caseInsensitiveFunctions ? 'insensitive' : 'sensitive',
    });
    options.stdout(jsonText(options.json ? { value: result.value, flow: result.flow } : result.value));
    return { value: result.value, flow: result.flow };
  } catch (error) {
    if (isExpressionError(error)) throw new ExitError(EXIT.failed, `${error.code} at ${error.start}: ${error.message}`);
    throw error;
  }
}

/** The source object from --source or --source-file; exported for `scope`. */
export function readSource(options: { source?: string; sourceFile?: string; cwd: string }): Record<string, unknown> {
  let text = options.source ?? '{}';
  let what = '--source';
  if (options.sourceFile !== undefined) {
    what = `--source-file ${options.sourceFile}`;
    try {
      text = readFileSync(resolve(options.cwd, options.sourceFile), 'utf8');
    } catch (error) {
      throw new ExitError(EXIT.failed, `${what}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExitError(EXIT.failed, `${what}: invalid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ExitError(EXIT.failed, `${what}: expected a JSON object`);
  return json as Record<string, unknown>;
}

/** JSON with bigints (FILETIME ticks) written as exact integers. */
function jsonText(value: unknown): string {
  const marks: string[] = [];
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    marks.push(v.toString());
    return `\u0000${marks.length - 1}\u0000`;
  });
  return (text ?? 'null').replace(/"\\u0000(\d+)\\u0000"/g, (_, i: string) => marks[Number(i)]);
}
