/**
 * @module util/lock
 * One process per file: an exclusive lock (proper-lockfile: a `FILE.lock` directory, created
 * atomically, its mtime refreshed while held, stale after `STALE_MS` without refresh). The durable
 * store locks its db file (two `serve` on one `--db` lost data) and the engine its state directory
 * (two runners on one job). The holder's pid is kept in the lock directory, so a restart right
 * after a kill -9 does not wait for staleness: a holder that is no longer running on this host is
 * stale at once. A lock held elsewhere is LockHeldError, naming the holder.
 */
import { hostname } from 'node:os';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

// A lock is refreshed every UPDATE_MS and counts as stale (for a holder whose pid cannot be
// checked: another host, or no owner file) after STALE_MS without a refresh. Generous, because a
// seeding or snapshotting holder can keep its event loop busy for seconds on a loaded machine,
// and a late refresh makes proper-lockfile declare the lock compromised.
const STALE_MS = 120_000;
const UPDATE_MS = 10_000;

export interface LockHolder {
  readonly pid?: number;
  readonly host?: string;
}

/** The file is locked by another process (or another holder in this one). */
export class LockHeldError extends Error {
  override readonly name: string = 'LockHeldError';

  constructor(
    readonly file: string,
    readonly holder: LockHolder | undefined,
    advice = 'stop it first',
  ) {
    super(`${file} is in use by ${describeHolder(holder)}: ${advice}`);
  }
}

export function describeHolder(holder: LockHolder | undefined): string {
  return holder?.pid !== undefined ? `process ${holder.pid}${holder.host && holder.host !== hostname() ? ` on ${holder.host}` : ''}` : 'another process';
}

export interface HeldLock {
  release(): Promise<void>;
}

function lockDirectory(file: string): string {
  return `${file}.lock`;
}

async function readHolder(file: string): Promise<{ pid?: number; host?: string } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(lockDirectory(file), 'owner.json'), 'utf8')) as { pid?: unknown; host?: unknown };
    return { pid: typeof parsed.pid === 'number' ? parsed.pid : undefined, host: typeof parsed.host === 'string' ? parsed.host : undefined };
  } catch {
    return undefined;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock on `file` (which need not exist yet). `onCompromised` is called if the lock is
 * lost while held (its directory removed, or its refresh failing): the store must stop writing.
 */
export async function lockFile(file: string, onCompromised: (error: Error) => void, timing: { staleMs?: number; updateMs?: number } = {}): Promise<HeldLock> {
  const staleMs = timing.staleMs ?? STALE_MS;
  const options = { realpath: false, stale: staleMs, update: timing.updateMs ?? UPDATE_MS, onCompromised, lockfilePath: lockDirectory(file) };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, options);
  } catch (error) {
    // ENOTEMPTY: proper-lockfile found the lock stale but cannot rmdir it (our owner file is inside)
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ELOCKED' && code !== 'ENOTEMPTY') throw error;
    const holder = await readHolder(file);
    // killed without releasing (kill -9): its pid is gone (or the lock went stale), it is ours to clear
    const local = holder?.pid !== undefined && holder.host === hostname();
    // a live holder on this host is never overridden, however late its refresh
    if (local ? running(holder.pid!) : !(await isStale(file, staleMs))) throw new LockHeldError(file, holder);
    await rm(lockDirectory(file), { recursive: true, force: true });
    try {
      release = await lockfile.lock(file, options);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockHeldError(file, await readHolder(file));
      throw again;
    }
  }
  // Writing into the directory moves its mtime, which proper-lockfile checks as the sign that
  // the lock is still its own: the mtime it took is put back.
  const taken = await stat(lockDirectory(file));
  await writeFile(join(lockDirectory(file), 'owner.json'), `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
  await utimes(lockDirectory(file), taken.atime, taken.mtime);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // proper-lockfile removes the directory with rmdir: empty it first
      await rm(join(lockDirectory(file), 'owner.json'), { force: true });
      await release();
    },
  };
}

async function isStale(file: string, staleMs: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockDirectory(file))).mtimeMs > staleMs;
  } catch {
    return true;
  }
}
