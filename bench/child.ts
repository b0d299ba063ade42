/**
 * @module bench/child
 * Starts a server in a child process (the benchmark must not share an event loop with what it
 * measures), waits for its `listening on URL` line and reads its resident memory.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface Child {
  readonly url: string;
  readonly process: ChildProcess;
  /** every stdout line printed before `listening on` */
  readonly banner: readonly string[];
  /** milliseconds from spawn to `listening on` */
  readonly startMs: number;
  stop(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const fromSource = import.meta.url.endsWith('.ts');

/** `node` arguments that run a module of this package, from dist/ or (under tsx) from source. */
export function nodeArgs(modulePath: string): string[] {
  // bench/ sits next to cli/ and server/ both in the source tree and in dist/.
  const root = join(here, '..');
  const file = join(root, fromSource ? `${modulePath}.ts` : `${modulePath}.js`);
  return fromSource ? ['--import', 'tsx', file] : [file];
}

export function startChild(args: string[], timeoutMs = 120_000): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const banner: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const match = /^listening on (\S+)/.exec(line);
        if (!match) {
          banner.push(line);
          continue;
        }
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          process: child,
          banner,
          startMs: performance.now() - started,
          stop: () => stopChild(child),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening: ${stderr.trim()}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** resident set size in bytes (Linux /proc; undefined elsewhere) */
export function rssBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time a process has used (user + system), in microseconds, from /proc; undefined elsewhere. */
export function cpuMicros(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces) end with ')': utime is the 12th, stime the 13th
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // USER_HZ is 100 on Linux
    return Number.isFinite(ticks) ? ticks * 10_000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits until a child is idle and its resident memory steady: at least `minMs`, then until two
 * readings 500 ms apart differ by less than 1 MB (at most `maxMs`). Every measured server gets
 * this before its first scenario, so that none is measured while still collecting the garbage
 * of its seeding. Returns the settled RSS.
 */
export async function settle(pid: number, minMs = 3000, maxMs = 15_000): Promise<number | undefined> {
  const started = performance.now();
  await sleep(minMs);
  let last = rssBytes(pid);
  while (performance.now() - started < maxMs) {
    await sleep(500);
    const now = rssBytes(pid);
    if (now === undefined || last === undefined || Math.abs(now - last) < 1024 * 1024) return now;
    last = now;
  }
  return last;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a module to its end and returns its stdout lines (a non-zero exit rejects with its stderr). */
export function runToEnd(args: string[], timeoutMs = 600_000): Promise<string[]> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout.split('\n').filter((l) => l !== ''));
      else reject(new Error(`${args.at(-1)} exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
}
