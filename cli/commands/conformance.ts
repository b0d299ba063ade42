/**
 * @module cli/commands/conformance
 * `scimulator conformance BASE_URL | --embedded`: runs the conformance checks against a SCIM
 * endpoint (or scimulator's own server, started in-process) and reports them, in as many formats
 * as asked for. Exit 0 when every MUST check of the chosen profile passed, 1 when one failed (or
 * could not be run), 2 when the run could not start, 130 when interrupted (after clean-up and a
 * partial report). Every option can also come from an environment variable (see `--help`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { integerArgument, splitBasic, writableFile } from '../arguments.js';
import { colorFor } from '../color.js';
import { quirksOption } from '../quirks-option.js';
import type { ClientAuth } from '../../scim/client/index.js';
import type { ProfileSelection, RunResult } from '../../conformance/index.js';

export type ConformanceFormat = 'text' | 'json' | 'junit' | 'html';
export const FORMATS: readonly ConformanceFormat[] = ['text', 'json', 'junit', 'html'];

/** One report: a format, written to a file or (no file) to stdout. */
export interface Reporter { format: ConformanceFormat; file?: string }

export interface ConformanceOptions {
  baseUrl?: string;
  embedded: boolean;
  /** quirk profile for the embedded server */
  quirks?: string;
  auth?: ClientAuth;
  profile: ProfileSelection;
  only?: string[];
  skip?: string[];
  /** a known-failures file (conformance/baseline) */
  baseline?: string;
  /** the reports to write; default one text report on stdout */
  reporters?: Reporter[];
  /** @deprecated single-report form, kept for callers of the function: use reporters */
  format?: ConformanceFormat;
  /** @deprecated with format */
  out?: string;
  keep: boolean;
  readOnly: boolean;
  timeoutMs: number;
  delayMs?: number;
  retryBudgetMs?: number;
  cwd: string;
  stdout: (text: string) => void;
  stderr?: (text: string) => void;
  /** progress line; only given when stderr is a TTY */
  progress?: (text: string) => void;
  /** colour in the text report on stdout */
  color?: boolean;
  /** aborting stops the run after the current check (SIGINT) */
  signal?: AbortSignal;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
const list = (raw: unknown): string[] | undefined =>
  typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : undefined;

export function register(program: Command): void {
  const command = program
    .command('conformance')
    .description('check a SCIM 2.0 endpoint against RFC 7643/7644 and Entra ID / Okta expectations')
    .argument('[base-url]', 'SCIM base URL, e.g. https://app.example.com/scim/v2 (env SCIMULATOR_TARGET_URL)')
    .addOption(new Option('--embedded', "check scimulator's own server, started in-process").env('SCIMULATOR_EMBEDDED'))
    .addOption(new Option('--quirks <name|file>', 'with --embedded: quirk profile to turn on').env('SCIMULATOR_QUIRKS'))
    .addOption(new Option('--token <token>', 'bearer token').env('SCIMULATOR_TOKEN'))
    .addOption(new Option('--basic <user:pass>', 'HTTP Basic credentials').env('SCIMULATOR_BASIC'))
    .addOption(new Option('--oauth-token-url <url>', 'OAuth 2.0 client-credentials token endpoint').env('SCIMULATOR_OAUTH_TOKEN_URL'))
    .addOption(new Option('--client-id <id>', 'OAuth client id').env('SCIMULATOR_CLIENT_ID'))
    .addOption(new Option('--client-secret <secret>', 'OAuth client secret').env('SCIMULATOR_CLIENT_SECRET'))
    .addOption(new Option('--scope <scope>', 'OAuth scope').env('SCIMULATOR_SCOPE'))
    .addOption(new Option('--profile <profile>', 'which checks to run').choices(['rfc', 'entra', 'okta', 'all']).default('all').env('SCIMULATOR_PROFILE'))
    .addOption(new Option('--only <ids>', 'comma-separated check ids or areas to run').env('SCIMULATOR_ONLY'))
    .addOption(new Option('--skip <ids>', 'comma-separated check ids or areas to leave out').env('SCIMULATOR_SKIP'))
    .addOption(new Option('--baseline <file>', 'known failures (a JSON report, a JSON array of ids, or one id per line): reported, not failing the run').env('SCIMULATOR_BASELINE'))
    .addOption(new Option('--reporter <format[:file]>', `a report: ${FORMATS.join('|')}, to stdout or to FILE; repeat for several`).argParser(collect).env('SCIMULATOR_REPORTER'))
    .addOption(new Option('--format <format>', 'report format (same as --reporter FORMAT[:--out])').choices([...FORMATS]).default('text'))
    .addOption(new Option('--out <file>', 'write the --format report to a file instead of stdout'))
    .addOption(new Option('--keep', 'keep the resources the run created').env('SCIMULATOR_KEEP'))
    .addOption(new Option('--read-only', 'run only checks that change nothing').env('SCIMULATOR_READ_ONLY'))
    .addOption(new Option('--timeout <ms>', 'per-request timeout').default(10_000).argParser(integerArgument('--timeout', 1, 600_000)).env('SCIMULATOR_TIMEOUT'))
    .addOption(new Option('--delay <ms>', 'least time between two requests, for targets that throttle').default(0).argParser(integerArgument('--delay', 0, 60_000)).env('SCIMULATOR_DELAY'))
    .addOption(new Option('--retry-budget <ms>', 'longest one request waits on 429/503 (Retry-After) across retries').default(30_000).argParser(integerArgument('--retry-budget', 0, 3_600_000)).env('SCIMULATOR_RETRY_BUDGET'))
    .addOption(new Option('--no-color', 'no colour in the text report (also NO_COLOR)'));
  command.action(async (argUrl: string | undefined, opts: Record<string, unknown>) => {
    const controller = new AbortController();
    const onSigint = (): void => {
      if (controller.signal.aborted) {
        // a second Ctrl-C: stop now, the way the shell expects
        process.off('SIGINT', onSigint);
        process.kill(process.pid, 'SIGINT');
        return;
      }
      process.stderr.write('\ninterrupted: finishing the current check, then cleaning up (Ctrl-C again to quit at once)\n');
      controller.abort();
    };
    process.on('SIGINT', onSigint);
    const fromCli = (name: string) => command.getOptionValueSource(name) === 'cli';
    try {
      const code = await conformance({
        baseUrl: argUrl ?? process.env.SCIMULATOR_TARGET_URL ?? undefined,
        embedded: Boolean(opts.embedded),
        quirks: opts.quirks as string | undefined,
        auth: authFrom(opts, fromCli),
        profile: opts.profile as ProfileSelection,
        only: list(opts.only),
        skip: list(opts.skip),
        baseline: opts.baseline as string | undefined,
        reporters: reportersFrom(opts, fromCli),
        keep: Boolean(opts.keep),
        readOnly: Boolean(opts.readOnly),
        timeoutMs: opts.timeout as number,
        delayMs: opts.delay as number,
        retryBudgetMs: opts.retryBudget as number,
        cwd: process.cwd(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
        color: opts.color !== false && colorFor(process.stdout),
        signal: controller.signal,
      });
      if (code !== EXIT.ok) throw new ExitError(code);
    } finally {
      process.off('SIGINT', onSigint);
    }
  });
}

/** Credentials from flags, or else from the environment: a flag given on the command line wins. */
function authFrom(opts: Record<string, unknown>, fromCli: (name: string) => boolean): ClientAuth | undefined {
  const kinds = ['token', 'basic', 'oauthTokenUrl'] as const;
  const cli = kinds.filter((k) => opts[k] !== undefined && fromCli(k));
  const given = cli.length ? cli : kinds.filter((k) => opts[k] !== undefined);
  if (given.length > 1) throw new ExitError(EXIT.usage, 'give only one of --token, --basic, --oauth-token-url');
  const kind = given[0];
  if (kind === 'token') return { type: 'bearer', token: opts.token as string };
  if (kind === 'basic') {
    const credentials = splitBasic(opts.basic as string);
    if (!credentials) throw new ExitError(EXIT.usage, '--basic expects USER:PASS');
    return { type: 'basic', ...credentials };
  }
  if (kind === 'oauthTokenUrl') {
    if (typeof opts.clientId !== 'string' || typeof opts.clientSecret !== 'string') throw new ExitError(EXIT.usage, '--oauth-token-url needs --client-id and --client-secret');
    return { type: 'oauth-client-credentials', tokenUrl: opts.oauthTokenUrl as string, clientId: opts.clientId, clientSecret: opts.clientSecret, ...(typeof opts.scope === 'string' ? { scope: opts.scope } : {}) };
  }
  return undefined;
}

/** `--reporter` values, plus `--format`/`--out` when given (or when nothing else is). */
function reportersFrom(opts: Record<string, unknown>, fromCli: (name: string) => boolean): Reporter[] {
  const reporters = ((opts.reporter as string[] | undefined) ?? []).flatMap((r) => r.split(/\s+/).filter(Boolean)).map(parseReporter);
  if (!reporters.length || fromCli('format') || opts.out !== undefined) {
    reporters.push({ format: opts.format as ConformanceFormat, ...(typeof opts.out === 'string' ? { file: opts.out } : {}) });
  }
  return reporters;
}

export function parseReporter(raw: string): Reporter {
  const colon = raw.indexOf(':');
  const format = (colon < 0 ? raw : raw.slice(0, colon)) as ConformanceFormat;
  if (!FORMATS.includes(format)) throw new ExitError(EXIT.usage, `--reporter ${raw}: the format is one of ${FORMATS.join(', ')}`);
  const file = colon < 0 ? undefined : raw.slice(colon + 1);
  if (file === '') throw new ExitError(EXIT.usage, `--reporter ${raw}: a file name must follow the colon`);
  return file === undefined ? { format } : { format, file };
}

/** Runs the checks and writes the reports; returns the exit code. */
export async function conformance(options: ConformanceOptions): Promise<number> {
  if (options.embedded === (options.baseUrl !== undefined)) throw new ExitError(EXIT.usage, 'give a BASE_URL or --embedded (one of them)');
  if (options.quirks && !options.embedded) throw new ExitError(EXIT.usage, '--quirks needs --embedded');
  if (options.baseUrl && !validUrl(options.baseUrl)) throw new ExitError(EXIT.usage, `not an http(s) URL: ${options.baseUrl}`);
  const reporters = options.reporters?.length ? options.reporters : [{ format: options.format ?? 'text', ...(options.out ? { file: options.out } : {}) }];
  if (reporters.filter((r) => r.file === undefined).length > 1) throw new ExitError(EXIT.usage, 'only one report can go to stdout: give the others a file (--reporter FORMAT:FILE)');
  // A report that cannot be written is refused before the run, not after it.
  for (const r of reporters) if (r.file !== undefined) writableFile(resolve(options.cwd, r.file), `report ${r.format}:${r.file}`);
  const baseline = options.baseline === undefined ? undefined : await baselineIds(resolve(options.cwd, options.baseline), options.baseline);
  const runner = await import('../../conformance/index.js');
  const target = options.embedded ? await startEmbedded(options.quirks) : undefined;
  let run: RunResult;
  try {
    run = await runner.runConformance({
      client: { baseUrl: target?.url ?? options.baseUrl!, auth: target ? { type: 'bearer', token: target.token } : options.auth, timeoutMs: options.timeoutMs },
      profile: options.profile,
      only: options.only,
      skip: options.skip,
      baseline,
      readOnly: options.readOnly,
      keep: options.keep,
      delayMs: options.delayMs,
      retryBudgetMs: options.retryBudgetMs,
      signal: options.signal,
      ...(options.quirks ? { quirks: options.quirks } : {}),
      onProgress: options.progress
        ? (done, total, check) => options.progress!(done === total ? '\r\x1b[K' : `\r\x1b[K[${done + 1}/${total}] ${check.id}`)
        : undefined,
    });
  } catch (error) {
    if (error instanceof runner.RunStartError || error instanceof runner.SelectionError) throw new ExitError(EXIT.usage, error.message);
    throw error;
  } finally {
    await target?.close();
  }
  options.progress?.('\r\x1b[K');
  for (const r of reporters) {
    const text = render(run, r.format, runner, r.file === undefined && Boolean(options.color));
    if (r.file === undefined) options.stdout(text);
    else await writeFile(resolve(options.cwd, r.file), text);
  }
  if (reporters.every((r) => r.file !== undefined)) options.stdout(`${runner.summaryLine(run.summary)}\n`);
  if (run.interrupted) return EXIT.interrupted;
  return runner.runFailed(run.summary) ? EXIT.failed : EXIT.ok;
}

function validUrl(raw: string): boolean {
  if (!/^https?:\/\/[^/]/i.test(raw)) return false;
  try {
    new URL(raw);
    return true;
  } catch {
    return false;
  }
}

async function baselineIds(file: string, shown: string): Promise<string[]> {
  const { readBaseline } = await import('../../conformance/index.js');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ExitError(EXIT.usage, `--baseline ${shown}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return readBaseline(text, `--baseline ${shown}`);
  } catch (error) {
    throw new ExitError(EXIT.usage, (error as Error).message);
  }
}

function render(run: RunResult, format: ConformanceFormat, r: typeof import('../../conformance/index.js'), color: boolean): string {
  switch (format) {
    case 'json': return r.formatJson(run);
    case 'junit': return r.formatJunit(run);
    case 'html': return r.formatHtml(run);
    case 'text': return r.formatText(run, { color });
    default: {
      const never: never = format;
      throw new ExitError(EXIT.usage, `unknown format ${String(never)}`);
    }
  }
}

/** scimulator's own server on 127.0.0.1, a free port, a memory store and a random token. */
async function startEmbedded(quirkName: string | undefined): Promise<{ url: string; token: string; close(): Promise<void> }> {
  const quirks = await quirksOption(quirkName);
  const { startEmbeddedTarget } = await import('../../server/embedded.js');
  return startEmbeddedTarget({ quirks });
}
