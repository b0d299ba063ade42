/**
 * @module cli/commands/provision
 * `scimulator provision --job JOB.json`: one provisioning cycle (auto: initial when the state is new
 * or the mapping/scoping changed, else incremental), a dry run, a watch loop, or one user on
 * demand (ENTRA-SPEC §2.2, §2.13). Exit 0 when the cycle succeeded, 1 when it finished with
 * entry-level errors or the job is quarantined, 2 when it could not start (bad job, unreadable
 * source, unreachable target, state locked).
 */
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { createProgress } from '../progress.js';

const CYCLES = ['auto', 'initial', 'incremental'] as const;
const FORMATS = ['text', 'json'] as const;
const RESET_SCOPES = ['Watermark', 'Escrows', 'QuarantineState', 'ConnectorDataStore', 'ForceDeletes', 'Full'] as const;
/** the probe could not reach the target at all: the cycle could not start */
const UNREACHABLE = new Set(['WebExceptionProtocolError', 'Timeout', 'SourceUnreadable']);

interface ProvisionOptions {
  job: string;
  cycle: string;
  dryRun?: boolean;
  watch?: boolean;
  interval?: string;
  onDemand?: string;
  allowDeletes?: boolean;
  restart?: string | boolean;
  pause?: boolean;
  start?: boolean;
  format: string;
  directory?: string;
  target?: string;
  token?: string;
  state?: string;
}

export function register(program: Command): void {
  program
    .command('provision')
    .description('run provisioning cycles from a source directory into a SCIM target, as Entra ID does')
    .requiredOption('--job <file>', 'the job file (JSON, see engine/job/job.schema.json)')
    .option('--cycle <kind>', `${CYCLES.join(' | ')}`, 'auto')
    .option('--dry-run', 'compute the cycle and print the writes it would send; send no write, change no state')
    .option('--watch', 'run cycles until Ctrl-C (which finishes the objects in flight and saves state)')
    .option('--interval <duration>', 'with --watch: time between cycles, ms or ISO-8601 (default: the job\'s cycleInterval, PT40M)')
    .option('--on-demand <userId>', 'provision one user now (source id or UPN) and print each step')
    .option('--allow-deletes', 'process the removals staged by accidental-deletion prevention (restart with ForceDeletes), then run')
    .option('--restart [scopes]', `restart first: comma-separated ${RESET_SCOPES.join(', ')} (default Watermark,Escrows,QuarantineState)`)
    .option('--pause', 'turn provisioning off (Entra\'s "Provisioning Status: Off"): state is kept, no cycle runs until --start')
    .option('--start', 'turn provisioning back on (also clears a quarantine), then run')
    .option('--format <format>', `${FORMATS.join(' | ')}`, 'text')
    .option('--directory <file>', "use this source directory instead of the job's")
    .option('--target <url>', "use this SCIM base URL instead of the job's")
    .option('--token <token>', 'use this bearer token instead of the job\'s credentials')
    .option('--state <dir>', "use this state directory instead of the job's")
    .addHelpText(
      'after',
      `
Examples:
  scimulator serve --port 8080 --token s3cret          # a mock target in another terminal
  scimulator provision --job fixtures/jobs/quickstart.json --token s3cret
  scimulator provision --job job.json --dry-run
  scimulator provision --job job.json --on-demand adele.vance@contoso.com
  scimulator provision --job job.json --watch --interval PT1M

Exit codes: 0 the cycle succeeded, 1 entry-level errors or quarantine, 2 could not start.`,
    )
    .action(async (opts: ProvisionOptions) => {
      await provision(opts);
    });
}

async function provision(opts: ProvisionOptions): Promise<void> {
  const cycle = oneOf('--cycle', opts.cycle, CYCLES);
  const format = oneOf('--format', opts.format, FORMATS);
  const restart = opts.restart === undefined ? undefined : opts.restart === true ? undefined : String(opts.restart).split(',').map((s) => oneOf('--restart', s.trim(), RESET_SCOPES));
  const { loadJob, openJob, ConfigValidationError, StateLockedError, StateCorruptError, UnknownSourceObjectError } = await import('../../engine/index.js');
  const { formatCycleText, formatOnDemandText } = await import('../../engine/present/cycle-text.js');
  const { durationMs } = await import('../../engine/job/duration.js');
  const { MissingSecretError } = await import('../../engine/job/credentials.js');

  let job;
  try {
    const loaded = await loadJob(opts.job, { directory: opts.directory, target: opts.target, token: opts.token, state: opts.state });
    job = await openJob(loaded.config, { stateDir: loaded.stateDir, onProgress: progressReporter() });
  } catch (error) {
    if (error instanceof ConfigValidationError) throw new ExitError(EXIT.usage, `${error.what}:\n${error.problems.map((p) => `  ${p}`).join('\n')}`);
    if (error instanceof StateLockedError || error instanceof StateCorruptError || error instanceof MissingSecretError) throw new ExitError(EXIT.usage, error.message);
    throw error;
  }
  const print = (text: string) => process.stdout.write(`${text}\n`);
  try {
    if (opts.pause) {
      await job.pause();
      print(`${job.config.name ?? opts.job}: paused (no cycle runs until --start)`);
      return;
    }
    if (opts.start) await job.start();
    if (opts.allowDeletes) await job.restart(['ForceDeletes']);
    if (opts.restart !== undefined) await job.restart(restart);
    if (opts.onDemand !== undefined) {
      let result;
      try {
        result = await job.provisionOnDemand(opts.onDemand);
      } catch (error) {
        if (error instanceof UnknownSourceObjectError) throw new ExitError(EXIT.usage, error.message);
        throw sourceError(error, ConfigValidationError);
      }
      print(format === 'json' ? JSON.stringify(result.entry, null, 2) : formatOnDemandText(result));
      if (result.result === 'Failure') throw new ExitError(EXIT.failed);
      return;
    }
    if (!opts.watch) {
      const report = await job.run({ cycle, dryRun: opts.dryRun ?? false });
      print(format === 'json' ? JSON.stringify(report, null, 2) : formatCycleText(report));
      const exit = exitFor(report);
      if (exit) throw exit;
      return;
    }
    const interval = opts.interval !== undefined ? parseInterval(opts.interval, durationMs) : undefined;
    const stop = new AbortController();
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130);
      process.stderr.write('\nstopping after the objects in flight (Ctrl-C again to quit at once)\n');
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    try {
      let kind: typeof cycle = cycle;
      while (!stop.signal.aborted) {
        const report = await job.run({ cycle: kind, signal: stop.signal });
        kind = 'auto';
        print(format === 'json' ? JSON.stringify(report) : formatCycleText(report));
        const wait = report.status.quarantine ? Math.max(0, Date.parse(report.status.quarantine.nextAttempt) - Date.now()) : (interval ?? job.config.cycleInterval === undefined ? 40 * 60_000 : durationMs(job.config.cycleInterval!));
        await sleepUnless(interval ?? wait, stop.signal);
      }
    } finally {
      process.off('SIGINT', onSignal);
    }
    throw new ExitError(130);
  } finally {
    await job.close();
  }
}

function exitFor(report: { state: string; error?: { code: string } | undefined; status: { code: string } }): ExitError | undefined {
  if (report.error && UNREACHABLE.has(report.error.code)) return new ExitError(EXIT.usage, `could not run the cycle: ${report.error.code}`);
  if (report.state !== 'Succeeded' || report.status.code === 'Quarantine') return new ExitError(EXIT.failed);
  return undefined;
}

function sourceError(error: unknown, ConfigValidationError: new (...args: never[]) => Error): unknown {
  if (error instanceof ConfigValidationError) {
    const e = error as Error & { what: string; problems: string[] };
    return new ExitError(EXIT.usage, `${e.what}:\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
  }
  if (error instanceof Error && error.name === 'DirectoryReadError') return new ExitError(EXIT.usage, error.message);
  return error;
}

function progressReporter() {
  if (!process.stderr.isTTY) return undefined;
  const bar = createProgress(process.stderr, 'cycle');
  return (p: { done: number; total: number; phase: string }) => {
    bar.update(p.done, p.total, p.phase);
    if (p.done >= p.total) bar.stop();
  };
}

function parseInterval(raw: string, durationMs: (v: string | number) => number): number {
  try {
    return /^\d+$/.test(raw) ? Number(raw) : durationMs(raw);
  } catch {
    throw new ExitError(EXIT.usage, `--interval must be milliseconds or an ISO-8601 duration (PT5M), not ${raw}`);
  }
}

function sleepUnless(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) throw new ExitError(EXIT.usage, `${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(raw)}`);
  return raw as T;
}
