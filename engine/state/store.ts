/**
 * @module engine/state/store
 * The job's state on disk: `state.json` written atomically (temp file, fsync, rename) at the end of
 * a cycle, and `links.jsonl`, to which every acknowledged link (a create answered 201, a match) is
 * appended the moment it is known. A cycle killed with SIGKILL loses no link: the appended lines are
 * in the kernel's page cache, and reopening replays them over the last state.json. One runner per
 * state directory: a stale-aware lock (proper-lockfile) refuses a second one; the lock's owner (pid,
 * host) is written beside it, so a rerun after kill -9 takes a dead process's lock over at once.
 */
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory } from '../../util/fsync.js';
import { LockHeldError, describeHolder, lockFile } from '../../util/lock.js';
import { emptyState, prototypeFreeRecords } from './types.js';
import type { EngineState, ObjectKind } from './types.js';

export class StateLockedError extends Error {
  override readonly name = 'StateLockedError';
}

export class StateCorruptError extends Error {
  override readonly name = 'StateCorruptError';
}

export interface StateStore {
  readonly state: EngineState;
  /** the state directory, or undefined in memory */
  readonly dir: string | undefined;
  /**
   * records a link at once: in memory, and appended to the link journal before the promise
   * resolves (the write runs off the event loop; the object's walk waits for it)
   */
  recordLink(kind: ObjectKind, sourceId: string, targetId: string, displayName?: string): Promise<void>;
  save(): Promise<void>;
  /** replaces the whole state (restart with ConnectorDataStore) */
  replace(state: EngineState): void;
  close(): Promise<void>;
}

export async function openStateStore(options: { dir?: string; jobId: string }): Promise<StateStore> {
  if (!options.dir) return memoryStore(emptyState(options.jobId));
  const dir = options.dir;
  mkdirSync(dir, { recursive: true });
  const release = await lockStateDir(dir);
  try {
    let state = await readState(join(dir, 'state.json'), options.jobId);
    state = await replayLinks(join(dir, 'links.jsonl'), state);
    const linksFile = join(dir, 'links.jsonl');
    let links = await open(linksFile, 'a');
    // group commit: links acknowledged while a write is under way go out together in the next one,
    // each caller resumes once its line is written (one write per batch, not one per create)
    let queued: string[] = [];
    let waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
    let writing: Promise<void> | undefined;
    const flush = async (): Promise<void> => {
      while (queued.length > 0) {
        const text = queued.join('');
        const batch = waiting;
        queued = [];
        waiting = [];
        try {
          await links.write(text);
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
      writing = undefined;
    };
    const append = (line: string): Promise<void> =>
      new Promise((resolve, reject) => {
        queued.push(line);
        waiting.push({ resolve, reject });
        writing ??= flush();
      });
    const store: StateStore = {
      get state() {
        return state;
      },
      dir,
      async recordLink(kind, sourceId, targetId, displayName) {
        applyLink(state, kind, sourceId, targetId, displayName);
        // one writer at a time (append), so lines land whole and in order
        await append(`${JSON.stringify({ k: kind, s: sourceId, t: targetId, ...(displayName ? { d: displayName } : {}) })}\n`);
      },
      async save() {
        const file = join(dir, 'state.json');
        const tmp = `${file}.tmp`;
        const fh = await open(tmp, 'w');
        try {
          await fh.writeFile(JSON.stringify(state));
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(tmp, file);
        await syncDirectory(file);
        // the links are in state.json now
        await writing;
        await links.close();
        await truncate(linksFile, 0);
        links = await open(linksFile, 'a');
      },
      replace(next) {
        state = next;
      },
      async close() {
        await writing;
        await links.close();
        await release();
      },
    };
    return store;
  } catch (error) {
    await release();
    throw error;
  }
}

/** the state directory's runner lock (util/lock): `runner.lock/` with its holder inside */
async function lockStateDir(dir: string): Promise<() => Promise<void>> {
  try {
    // a lost lock (its directory removed under us) is not worth killing a cycle for: the next save still lands
    const held = await lockFile(join(dir, 'runner'), () => {}, { staleMs: 30_000, updateMs: 5_000 });
    return () => held.release();
  } catch (error) {
    if (error instanceof LockHeldError) {
      const h = error.holder;
      const who = h?.pid !== undefined ? `pid ${h.pid}${h.host ? ` on ${h.host}` : ''}` : describeHolder(h);
      throw new StateLockedError(`state directory ${dir} is in use by another scimulator run (${who}; lock ${join(dir, 'runner.lock')})`);
    }
    throw error;
  }
}

/** A store that keeps its state in memory only (no state directory, a dry run's copy). */
export function memoryStore(initial: EngineState): StateStore {
  let state = initial;
  return {
    get state() {
      return state;
    },
    dir: undefined,
    recordLink: async (kind, sourceId, targetId, displayName) => applyLink(state, kind, sourceId, targetId, displayName),
    save: async () => {},
    replace: (next) => {
      state = next;
    },
    close: async () => {},
  };
}

function applyLink(state: EngineState, kind: ObjectKind, sourceId: string, targetId: string, displayName?: string): void {
  const records = kind === 'User' ? state.users : state.groups;
  const record = (records[sourceId] ??= {});
  record.targetId = targetId;
  record.managed = true;
  if (displayName !== undefined) record.displayName = displayName;
}

async function readState(file: string, jobId: string): Promise<EngineState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState(jobId);
    throw error;
  }
  let parsed: EngineState;
  try {
    parsed = JSON.parse(text) as EngineState;
  } catch (error) {
    throw new StateCorruptError(`state file ${file} is not valid JSON (${(error as Error).message}); move it away to start over`);
  }
  if (parsed?.version !== 1 || typeof parsed.users !== 'object' || typeof parsed.groups !== 'object') {
    throw new StateCorruptError(`state file ${file} is not a scimulator state (version 1); move it away to start over`);
  }
  return prototypeFreeRecords(parsed);
}

async function replayLinks(file: string, state: EngineState): Promise<EngineState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
    throw error;
  }
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let link: { k?: unknown; s?: unknown; t?: unknown; d?: unknown };
    try {
      link = JSON.parse(line) as typeof link;
    } catch {
      continue; // a torn last line: the link it held was not acknowledged yet
    }
    if ((link.k === 'User' || link.k === 'Group') && typeof link.s === 'string' && typeof link.t === 'string') {
      applyLink(state, link.k, link.s, link.t, typeof link.d === 'string' ? link.d : undefined);
    }
  }
  return state;
}
