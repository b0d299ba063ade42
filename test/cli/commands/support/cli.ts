/**
 * The `scimulator` command as a user runs it: a child process with its real stdout, stderr and
 * exit code. `runCli` runs the source entry through tsx; `runBuilt` runs dist/ (npm run build first).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CliResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  input?: string;
  /** called once the child has written this to stdout or stderr */
  when?: { text: RegExp; then: (child: ChildProcess) => void };
  /** called with everything the child has written so far */
  onOutput?: (text: string) => void;
  /** called this long after the start */
  after?: { ms: number; then: (child: ChildProcess) => void };
  timeoutMs?: number;
}

/** The environment without the variables the CLI reads, so the caller's shell does not leak in. */
function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('SCIMULATOR_') && !['NO_COLOR', 'FORCE_COLOR', 'npm_package_version'].includes(k)) env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

function run(argv: string[], options: CliOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: options.cwd ?? ROOT, env: cleanEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let fired = false;
    const watch = () => {
      options.onOutput?.(stdout + stderr);
      if (!fired && options.when && options.when.text.test(stdout + stderr)) {
        fired = true;
        options.when.then(child);
      }
    };
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); watch(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); watch(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    if (options.after) { const { ms, then } = options.after; setTimeout(() => then(child), ms).unref(); }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return run(['--import', 'tsx', `${ROOT}cli/index.ts`, ...args], options);
}

export function runBuilt(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return run([`${ROOT}dist/cli/index.js`, ...args], options);
}
