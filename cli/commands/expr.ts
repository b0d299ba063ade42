/**
 * @module cli/commands/expr
 * `scimulator expr 'EXPR' --source '{…}'`: evaluates an Entra attribute-mapping expression
 * (ENTRA-SPEC §4) against a source object and prints the value as JSON, or with `--json`
 * `{"value": …, "flow": true|false}`. Bad input (bad JSON, a syntax or evaluation error) exits 2:
 * the input and a caret under the offending character on stderr, then one sentence.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { caretLines } from '../../engine/expressions/caret.js';

/** Where the source object comes from: `--source JSON`, or `--source-file FILE` (`-`: stdin). */
export interface SourceInput {
  /** the source object as JSON text */
  source?: string;
  sourceFile?: string;
  cwd: string;
  /** read for `--source-file -`; default process.stdin */
  stdin?: AsyncIterable<string | Buffer>;
  /** the lines that go before the one-line error: the input and the caret under the fault */
  stderr: (line: string) => void;
}

export interface ExprOptions extends SourceInput {
  expression: string;
  json: boolean;
  /** ISO date/time Now() answers; default the system clock */
  now?: string;
  /** values SelectUniqueValue finds already taken in the target */
  taken: readonly string[];
  iifNullCondition?: 'error' | 'false-branch' | 'evaluate';
  coalesceEmptyAsNull: boolean;
  splitTrims: boolean;
  caseInsensitiveFunctions: boolean;
  stdout: (line: string) => void;
}

/** The `--source` / `--source-file` pair, shared with `scope`. */
export function addSourceOptions(command: Command): Command {
  return command
    .option('--source <json>', 'the source object (Microsoft Graph attribute names)')
    .addOption(new Option('--source-file <file>', 'read the source object from a JSON file; - reads stdin').conflicts('source'));
}

export function register(program: Command): void {
  const command = program
    .command('expr')
    .description('evaluate an Entra attribute-mapping expression against a source object')
    .argument('<expression>', 'the expression as typed in the portal, e.g. \'Join(" ", [givenName], [surname])\'');
  addSourceOptions(command)
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
  scimulator expr 'ToLower([userPrincipalName])' --source-file user.json
  curl -s "$GRAPH/users/$ID" | scimulator expr 'Switch([country], "US", "DE", "Germany")' --source-file -

A mistake is pointed at, on stderr:
  $ scimulator expr 'Join(" ", [givenName], )x'
    Join(" ", [givenName], )x
                            ^
  scimulator: unexpected 'x' — expected the end of the expression (only one value at the top level)

Exit status: 0 with the value printed; 2 on bad input (bad JSON, an unreadable --source-file,
a syntax error or an evaluation error).`,
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
        stderr: (line) => process.stderr.write(`${line}\n`),
      });
    });
}

/** Evaluates and prints; returns the result for tests. Throws ExitError(2) on bad input. */
export async function expr(options: ExprOptions): Promise<{ value: unknown; flow: boolean }> {
  const source = await readSource(options);
  let now: Date | undefined;
  if (options.now !== undefined) {
    now = new Date(options.now);
    if (Number.isNaN(now.getTime())) throw new ExitError(EXIT.usage, `--now: not a date/time: ${options.now}`);
  }
  const { evaluateAsync, isExpressionError } = await import('../../engine/expressions/index.js');
  const { describeExpressionError } = await import('../../engine/expressions/error-sentence.js');
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
    if (!isExpressionError(error)) throw error;
    pointAt(options.expression, error.start, options.stderr);
    throw new ExitError(EXIT.usage, describeExpressionError(error, options.expression));
  }
}

/**
 * Writes the line of `text` holding `offset` and a caret under it, indented; texts of several
 * lines (a source file) name the line and column first.
 */
export function pointAt(text: string, offset: number, write: (line: string) => void, label?: string): void {
  const { excerpt, caret, line, column } = caretLines(text, offset);
  if (label !== undefined && text.includes('\n')) write(`${label}, line ${line}, column ${column}:`);
  write(`  ${excerpt}`);
  write(`  ${caret}`);
}

/** The source object from --source or --source-file (`-`: stdin); exported for `scope`. */
export async function readSource(options: SourceInput): Promise<Record<string, unknown>> {
  let text = options.source ?? '{}';
  let what = '--source';
  if (options.sourceFile === '-') {
    what = '--source-file - (stdin)';
    text = await readAll(options.stdin ?? process.stdin);
  } else if (options.sourceFile !== undefined) {
    what = `--source-file ${options.sourceFile}`;
    try {
      text = await readFile(resolve(options.cwd, options.sourceFile), 'utf8');
    } catch (error) {
      throw new ExitError(EXIT.usage, `cannot read ${what}: ${fileProblem(error as NodeJS.ErrnoException)}`);
    }
  }
  const json = parseJson(text, what, options.stderr);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ExitError(EXIT.usage, `${what}: expected a JSON object of attributes, got ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}`);
  }
  return json as Record<string, unknown>;
}

/** JSON.parse, or ExitError(2) after pointing at where the text stops being JSON. */
export function parseJson(text: string, what: string, stderr: (line: string) => void): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    if (text.trim() === '') throw new ExitError(EXIT.usage, `${what}: empty, expected JSON`);
    pointAt(text, jsonErrorOffset(text, message), stderr, what);
    throw new ExitError(EXIT.usage, `${what}: not valid JSON: ${jsonProblem(message)}`);
  }
}

/**
 * Where JSON.parse gave up. V8 names the position for most errors but not for an unexpected
 * token; then it is the end of the shortest prefix that is already wrong (a JSON prefix that is
 * fine so far fails only "at the end"), found by bisection.
 */
function jsonErrorOffset(text: string, message: string): number {
  const stated = / at position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  if (/^Unexpected end of JSON input/.test(message)) return text.length;
  const wrongAt = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const m = (error as Error).message;
      const at = / at position (\d+)/.exec(m);
      return !/^Unexpected end of JSON input/.test(m) && (at === null || Number(at[1]) < length);
    }
  };
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (wrongAt(mid)) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

/** V8's JSON error as a phrase: no position (the caret shows it), no echo of the input. */
function jsonProblem(message: string): string {
  const token = /^Unexpected token '(.*?)', (?:\.\.\.)?".*" is not valid JSON$/s.exec(message);
  if (token) return token[1].trim() === '' ? 'unexpected line break or space' : `unexpected '${JSON.stringify(token[1]).slice(1, -1)}'`;
  const phrase = message.replace(/ in JSON at position \d+.*$/s, '').replace(/ after JSON at position \d+.*$/s, ' after the JSON value');
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

function fileProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return error.code ?? error.message;
  }
}

async function readAll(stream: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
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
