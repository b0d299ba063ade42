/**
 * @module cli/commands/report
 * `scimulator report --job JOB.json | --state DIR`: the provisioning summary (ENTRA-SPEC §7.5):
 * the job's status (§1.1) and, per cycle, what the portal's statistics show (§2.14). Read from the
 * cycle summaries the engine writes after every cycle. Exit 0, or 2 with one line.
 */
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { countArgument, oneOf, stateDirOf } from './logs.js';
import type { StateLocation } from './logs.js';
import type { JobReport } from '../../engine/logs/report.js';

export type ReportFormat = 'text' | 'json';

const FORMATS: readonly ReportFormat[] = ['text', 'json'];

export interface ReportOptions extends StateLocation {
  format: ReportFormat;
  /** only the latest N cycles */
  last?: number;
  stdout: (text: string) => void;
}

export function register(program: Command): void {
  program
    .command('report')
    .description("a job's status (quarantine, escrows, staged deletes) and per-cycle statistics")
    .option('--job <file>', 'the job file (its state directory holds the cycle summaries)')
    .option('--state <dir>', 'the state directory itself (no job file needed)')
    .option('--last <n>', 'only the latest N cycles')
    .option('--format <format>', `${FORMATS.join(', ')} (default text)`)
    .addHelpText(
      'after',
      `
Examples:
  scimulator report --job job.json
  scimulator report --state .scimulator/contoso --last 5 --format json`,
    )
    .action(async (opts: Record<string, unknown>) => {
      await report({
        job: opts.job as string | undefined,
        state: opts.state as string | undefined,
        cwd: process.cwd(),
        format: oneOf('--format', opts.format ?? 'text', FORMATS),
        ...(opts.last !== undefined ? { last: countArgument('--last', String(opts.last)) } : {}),
        stdout: (text) => process.stdout.write(text),
      });
    });
}

export async function report(options: ReportOptions): Promise<JobReport> {
  const dir = await stateDirOf(options);
  const { readCycleSummaries, jobReport, formatReportText, JsonLinesError } = await import('../../engine/logs/index.js');
  let result: JobReport;
  try {
    result = jobReport(await readCycleSummaries(dir), options.last);
  } catch (error) {
    if (error instanceof JsonLinesError) throw new ExitError(EXIT.usage, error.message);
    throw error;
  }
  options.stdout(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatReportText(result));
  return result;
}
