/**
 * @module cli/commands/logs
 * `scimulator logs --job JOB.json | --state DIR`: the job's provisioning log (ENTRA-SPEC §7),
 * filtered like the portal's list (§7.2), as a table, one JSON array, or the portal's three-file
 * CSV download. Reads the log while a job may be writing it; changes nothing. Exit 0, or 2 with
 * one line when the state directory or an option is wrong.
 */
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { colorFor } from '../color.js';
import { systemClock } from '../../util/clock.js';
import type { Clock } from '../../util/clock.js';
import type { LogQuery, ProvisioningAction, ProvisioningLogEntry, ProvisioningStatus } from '../../engine/logs/types.js';

export type LogsFormat = 'table' | 'json' | 'csv';

const STATUSES: readonly ProvisioningStatus[] = ['failure', 'skipped', 'success', 'warning'];
const ACTIONS: readonly ProvisioningAction[] = ['create', 'update', 'delete', 'disable', 'stagedDelete', 'other'];
const FORMATS: readonly LogsFormat[] = ['table', 'json', 'csv'];

/** Where the job's state lives: `--job` or `--state` (which wins), relative to cwd. */
export interface StateLocation {
  job?: string;
  state?: string;
  cwd: string;
}

export interface LogsOptions extends StateLocation {
  query: LogQuery;
  format: LogsFormat;
  /** csv: the folder for the three files (default cwd); json: a folder for ProvisioningLogs.json */
  out?: string;
  color: boolean;
  clock: Clock;
  stdout: (text: string) => void;
}

export function register(program: Command): void {
  program
    .command('logs')
    .description("show a job's provisioning log (one entry per object per cycle)")
    .option('--job <file>', 'the job file (its state directory holds the log)')
    .option('--state <dir>', 'the state directory itself (no job file needed)')
    .option('--cycle <id>', 'only this cycle')
    .option('--status <status>', `only this status: ${STATUSES.join(', ')}`)
    .option('--action <action>', `only this action: ${ACTIONS.join(', ')}`)
    .option('--user <id|name>', 'a source id, target id or display name (case-insensitive)')
    .option('--error-code <code>', 'only this error code, e.g. EntryConflict')
    .option('--since <time>', 'only entries at or after this ISO-8601 time')
    .option('--limit <n>', 'only the latest N matching entries')
    .option('--format <format>', `${FORMATS.join(', ')} (default table)`)
    .option('--out <dir>', 'csv/json: write the files into this folder (csv default: the current folder)')
    .option('--no-color', 'no colour in the table (also NO_COLOR; FORCE_COLOR forces it)')
    .addHelpText(
      'after',
      `
Examples:
  scimulator logs --job job.json --status failure
  scimulator logs --state .scimulator/contoso --user ada@contoso.com --format json
  scimulator logs --job job.json --cycle 3f2a1b4c-... --format csv --out ./download

csv writes ProvisioningLogs.csv, ProvisioningLogs_ProvisioningSteps.csv and
ProvisioningLogs_ModifiedProperties.csv (joined by changeId), as the Entra portal's download does.`,
    )
    .action(async (opts: Record<string, unknown>) => {
      await logs(logsOptionsFrom(opts, process.cwd()));
    });
}

/** Commander's raw options checked into LogsOptions; a bad value is one ExitError line. */
export function logsOptionsFrom(opts: Record<string, unknown>, cwd: string): LogsOptions {
  const format = oneOf('--format', opts.format ?? 'table', FORMATS);
  if (opts.out !== undefined && format === 'table') throw new ExitError(EXIT.usage, '--out needs --format csv or json');
  const query: LogQuery = {
    ...(opts.cycle !== undefined ? { cycleId: String(opts.cycle) } : {}),
    ...(opts.status !== undefined ? { status: oneOf('--status', opts.status, STATUSES) } : {}),
    ...(opts.action !== undefined ? { action: oneOf('--action', opts.action, ACTIONS) } : {}),
    ...(opts.user !== undefined ? { user: String(opts.user) } : {}),
    ...(opts.errorCode !== undefined ? { errorCode: String(opts.errorCode) } : {}),
    ...(opts.since !== undefined ? { since: timeArgument('--since', String(opts.since)) } : {}),
    ...(opts.limit !== undefined ? { limit: countArgument('--limit', String(opts.limit)) } : {}),
  };
  return {
    job: opts.job as string | undefined,
    state: opts.state as string | undefined,
    cwd,
    query,
    format,
    out: opts.out as string | undefined,
    color: colorFor(process.stdout),
    clock: systemClock,
    stdout: (text) => process.stdout.write(text),
  };
}

export function oneOf<T extends string>(name: string, raw: unknown, allowed: readonly T[]): T {
  const value = String(raw);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ExitError(EXIT.usage, `${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** A whole number >= 1. */
export function countArgument(name: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) throw new ExitError(EXIT.usage, `${name} must be a whole number >= 1 (got "${raw}")`);
  return n;
}

function timeArgument(name: string, raw: string): Date {
  const time = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(time)) throw new ExitError(EXIT.usage, `${name} must be an ISO-8601 time like 2026-01-31T12:00:00Z (got "${raw}")`);
  return new Date(time);
}

/**
 * The job's state directory, which must exist: `--state` as given, else the job file's (read and
 * validated). Missing both, a bad job file, or no such directory: exit 2 with one line.
 */
export async function stateDirOf(location: StateLocation): Promise<string> {
  let dir: string;
  if (location.state !== undefined) dir = resolve(location.cwd, location.state);
  else if (location.job !== undefined) {
    const { loadJob } = await import('../../engine/job/load.js');
    const { ConfigValidationError } = await import('../../engine/mapping/validation-error.js');
    try {
      dir = (await loadJob(resolve(location.cwd, location.job))).stateDir;
    } catch (error) {
      if (error instanceof ConfigValidationError) throw new ExitError(EXIT.usage, error.message);
      throw error;
    }
  } else throw new ExitError(EXIT.usage, 'give --job FILE or --state DIR');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new ExitError(EXIT.usage, `no state directory ${dir} (has the job run yet?)`);
  return dir;
}

/** Prints (or writes) the selected entries; returns them. */
export async function logs(options: LogsOptions): Promise<ProvisioningLogEntry[]> {
  const dir = await stateDirOf(options);
  const { openLogStore, JsonLinesError } = await import('../../engine/logs/index.js');
  const store = await openLogStore({ dir, clock: options.clock, readOnly: true });
  let entries: ProvisioningLogEntry[];
  try {
    entries = await store.query(options.query);
  } catch (error) {
    if (error instanceof JsonLinesError) throw new ExitError(EXIT.usage, error.message);
    throw error;
  } finally {
    await store.close();
  }
  await print(entries, options);
  return entries;
}

async function print(entries: readonly ProvisioningLogEntry[], options: LogsOptions): Promise<void> {
  switch (options.format) {
    case 'table': {
      const { formatLogTable } = await import('../../engine/logs/table.js');
      options.stdout(formatLogTable(entries, { color: options.color }));
      return;
    }
    case 'json': {
      const json = `${JSON.stringify(entries, null, 2)}\n`;
      if (options.out === undefined) return options.stdout(json);
      const file = resolve(await outDir(options), 'ProvisioningLogs.json');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(file, json);
      options.stdout(`${file}\n`);
      return;
    }
    case 'csv': {
      const { writeProvisioningLogCsv } = await import('../../engine/logs/csv.js');
      const paths = await writeProvisioningLogCsv(await outDir(options), entries);
      options.stdout(`${paths.join('\n')}\n`);
      return;
    }
    default: {
      const never: never = options.format;
      throw new ExitError(EXIT.usage, `unknown format ${String(never)}`);
    }
  }
}

async function outDir(options: LogsOptions): Promise<string> {
  const dir = resolve(options.cwd, options.out ?? '.');
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ExitError(EXIT.usage, `cannot create --out folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return dir;
}
