/**
 * @module cli/commands/pilot
 * `scimulator pilot [PLAN] [--target embedded | URL] [--token T] [--only NAME,…] [--format
 * text|json|junit|html] [--out FILE]`: runs a deployment test plan (default
 * fixtures/pilot/test-plan.yaml) and prints the verdict matrix. Exit 0 when every expectation
 * holds, 1 when one fails, 2 when the plan could not run. Argument parsing and output only.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { ExitError, EXIT } from '../exit-error.js';
import { colorFor } from '../color.js';
import { fixturePath } from '../../util/package-root.js';

const FORMATS = ['text', 'json', 'junit', 'html'] as const;
type Format = (typeof FORMATS)[number];

export interface PilotCommandOptions {
  plan?: string;
  /** `embedded` or a SCIM base URL */
  target: string;
  token?: string;
  only?: string[];
  format: Format;
  out?: string;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** progress lines while it runs (stderr on a terminal) */
  progress?: (text: string) => void;
  color: boolean;
}

export function register(program: Command): void {
  program
    .command('pilot')
    .description('run a provisioning deployment test plan end to end (engine → mock target) and print the verdict matrix')
    .argument('[plan]', 'a test plan, YAML or JSON (default: fixtures/pilot/test-plan.yaml)')
    .addOption(new Option('--target <embedded|url>', 'the embedded mock target (a fresh one per scenario) or a SCIM base URL').default('embedded'))
    .addOption(new Option('--token <token>', 'bearer token for a URL target').env('SCIMULATOR_TOKEN'))
    .addOption(new Option('--only <names>', 'scenario names to run, comma-separated (repeatable; a name that itself holds a comma is taken whole)').argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]))
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .addOption(new Option('--out <file>', 'write the report to a file instead of stdout'))
    .addOption(new Option('--no-color', 'no colour in the text report (also NO_COLOR)'))
    .action(async (plan: string | undefined, opts: Record<string, unknown>) => {
      const code = await pilot({
        plan,
        target: opts.target as string,
        token: opts.token as string | undefined,
        only: Array.isArray(opts.only) ? (opts.only as string[]) : undefined,
        format: opts.format as Format,
        out: opts.out as string | undefined,
        cwd: process.cwd(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
        color: opts.color !== false && colorFor(opts.out ? {} : process.stdout),
      });
      if (code !== EXIT.ok) throw new ExitError(code);
    });
}

export async function pilot(options: PilotCommandOptions): Promise<number> {
  const { loadPlan, PlanError } = await import('../../pilot/load-plan.js');
  const { runPilot } = await import('../../pilot/run.js');
  const { renderPilot } = await import('../../pilot/report/index.js');
  const file = options.plan ? resolve(options.cwd, options.plan) : fixturePath('pilot', 'test-plan.yaml');
  const target = pilotTarget(options);
  let plan;
  try {
    plan = await loadPlan(file);
  } catch (error) {
    if (error instanceof PlanError) throw new ExitError(EXIT.usage, error.message);
    throw error;
  }
  let result;
  // a value naming a scenario whole wins over splitting it at its commas
  const names = new Set(plan.scenarios.map((s) => s.scenario.name));
  const only = options.only?.flatMap((value) => (names.has(value.trim()) ? [value.trim()] : value.split(',').map((s) => s.trim()).filter(Boolean)));
  try {
    result = await runPilot(plan, {
      target,
      only,
      onProgress: (p) => {
        if (!options.progress) return;
        if (p.type === 'start') options.progress(`running ${p.total} scenarios…\n`);
        else options.progress(`[${p.done}/${p.total}] ${p.result.status.padEnd(7)} ${p.result.name} (${p.result.durationMs} ms)\n`);
      },
    });
  } catch (error) {
    // the run could not start (no engine, an unknown --only name): one line, exit 2
    throw new ExitError(EXIT.usage, (error as Error).message);
  }
  const text = renderPilot(result, options.format, { color: options.color && !options.out && options.format === 'text' });
  if (options.out) {
    await writeFile(resolve(options.cwd, options.out), text);
    options.stderr(`wrote ${options.format} report to ${options.out}: ${result.summary.passed} passed, ${result.summary.failed} failed, ${result.summary.skipped} skipped\n`);
  } else {
    options.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
  return result.summary.failed > 0 ? EXIT.failed : EXIT.ok;
}

function pilotTarget(options: PilotCommandOptions): 'embedded' | { url: string; token: string } {
  if (options.target === 'embedded') return 'embedded';
  let url: URL;
  try {
    url = new URL(options.target);
  } catch {
    throw new ExitError(EXIT.usage, `--target must be "embedded" or a SCIM base URL, got ${JSON.stringify(options.target)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ExitError(EXIT.usage, `--target ${options.target}: only http and https URLs`);
  if (!options.token) throw new ExitError(EXIT.usage, '--target URL needs --token (or SCIMULATOR_TOKEN)');
  return { url: url.href.replace(/\/+$/, ''), token: options.token };
}
