/**
 * @module cli/commands/conformance
 * `scimulator conformance BASE_URL | --embedded`: runs the conformance checks against a SCIM
 * endpoint (or scimulator's own server, started in-process) and reports them. Exit 0 when every
 * MUST check of the chosen profile passed, 1 when one failed, 2 when the run could not start.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { integerArgument, splitBasic } from '../arguments.js';
import { quirksOption } from '../quirks-option.js';
import type { ClientAuth } from '../../scim/client/index.js';
import type { ProfileSelection, RunResult } from '../../conformance/index.js';

export type ConformanceFormat = 'text' | 'json' | 'junit' | 'html';

export interface ConformanceOptions {
  baseUrl?: string;
  embedded: boolean;
  /** quirk profile for the embedded server */
  quirks?: string;
  auth?: ClientAuth;
  profile: ProfileSelection;
  only?: string[];
  format: ConformanceFormat;
  out?: string;
  keep: boolean;
  readOnly: boolean;
  timeoutMs: number;
  cwd: string;
  stdout: (text: string) => void;
  /** progress line; only given when stderr is a TTY */
  progress?: (text: string) => void;
}


export function register(program: Command): void {
  program
    .command('conformance')
    .description('check a SCIM 2.0 endpoint against RFC 7643/7644 and Entra ID / Okta expectations')
    .argument('[base-url]', 'SCIM base URL, e.g. https://app.example.com/scim/v2')
    .option('--embedded', "check scimulator's own server, started in-process", false)
    .option('--quirks <name|file>', 'with --embedded: quirk profile to turn on')
    .option('--token <token>', 'bearer token')
    .option('--basic <user:pass>', 'HTTP Basic credentials')
    .option('--oauth-token-url <url>', 'OAuth 2.0 client-credentials token endpoint')
    .option('--client-id <id>', 'OAuth client id')
    .option('--client-secret <secret>', 'OAuth client secret')
    .option('--scope <scope>', 'OAuth scope')
    .addOption(new Option('--profile <profile>', 'which checks to run').choices(['rfc', 'entra', 'okta', 'all']).default('all'))
    .option('--only <ids>', 'comma-separated check ids or areas')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'junit', 'html']).default('text'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--keep', 'keep the resources the run created', false)
    .option('--read-only', 'run only checks that change nothing', false)
    .addOption(new Option('--timeout <ms>', 'per-request timeout').default(10_000).argParser(integerArgument('--timeout', 1, 600_000)))
    .action(async (baseUrl: string | undefined, opts: Record<string, unknown>) => {
      const code = await conformance({
        baseUrl,
        embedded: Boolean(opts.embedded),
        quirks: opts.quirks as string | undefined,
        auth: authFrom(opts),
        profile: opts.profile as ProfileSelection,
        only: typeof opts.only === 'string' ? opts.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
        format: opts.format as ConformanceFormat,
        out: opts.out as string | undefined,
        keep: Boolean(opts.keep),
        readOnly: Boolean(opts.readOnly),
        timeoutMs: opts.timeout as number,
        cwd: process.cwd(),
        stdout: (text) => process.stdout.write(text),
        progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
      });
      if (code !== EXIT.ok) throw new ExitError(code);
    });
}

function authFrom(opts: Record<string, unknown>): ClientAuth | undefined {
  const given = [opts.token !== undefined, opts.basic !== undefined, opts.oauthTokenUrl !== undefined].filter(Boolean).length;
  if (given > 1) throw new ExitError(EXIT.usage, 'give only one of --token, --basic, --oauth-token-url');
  if (typeof opts.token === 'string') return { type: 'bearer', token: opts.token };
  if (typeof opts.basic === 'string') {
    const credentials = splitBasic(opts.basic);
    if (!credentials) throw new ExitError(EXIT.usage, '--basic expects USER:PASS');
    return { type: 'basic', ...credentials };
  }
  if (typeof opts.oauthTokenUrl === 'string') {
    if (typeof opts.clientId !== 'string' || typeof opts.clientSecret !== 'string') throw new ExitError(EXIT.usage, '--oauth-token-url needs --client-id and --client-secret');
    return { type: 'oauth-client-credentials', tokenUrl: opts.oauthTokenUrl, clientId: opts.clientId, clientSecret: opts.clientSecret, ...(typeof opts.scope === 'string' ? { scope: opts.scope } : {}) };
  }
  return undefined;
}

/** Runs the checks and writes the report; returns the exit code. */
export async function conformance(options: ConformanceOptions): Promise<number> {
  if (options.embedded === (options.baseUrl !== undefined)) throw new ExitError(EXIT.usage, 'give a BASE_URL or --embedded (one of them)');
  if (options.quirks && !options.embedded) throw new ExitError(EXIT.usage, '--quirks needs --embedded');
  if (options.baseUrl && !/^https?:\/\/[^/]/i.test(options.baseUrl)) throw new ExitError(EXIT.usage, `not an http(s) URL: ${options.baseUrl}`);
  const runner = await import('../../conformance/index.js');
  const target = options.embedded ? await startEmbedded(options.quirks) : undefined;
  let run: RunResult;
  try {
    run = await runner.runConformance({
      client: { baseUrl: target?.url ?? options.baseUrl!, auth: target ? { type: 'bearer', token: target.token } : options.auth, timeoutMs: options.timeoutMs },
      profile: options.profile,
      only: options.only,
      readOnly: options.readOnly,
      keep: options.keep,
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
  const report = render(run, options.format, runner, options.out === undefined && Boolean(options.progress));
  if (options.out) {
    await writeFile(resolve(options.cwd, options.out), report);
    options.stdout(`${run.summary.passed} passed, ${run.summary.failed} failed, ${run.summary.skipped} skipped\n`);
  } else options.stdout(report);
  return run.summary.mustFailed > 0 ? EXIT.failed : EXIT.ok;
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
