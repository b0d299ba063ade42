/**
 * @module engine/state/store
 * The job's state on disk: `state.json` written atomically (temp file, fsync, rename) at the end of
 * a cycle, and `links.jsonl`, to which every acknowledged link (a create answered 201, a match) is
 * appended the moment it is known. A cycle killed with SIGKILL loses no link: the appended lines are
 * in the kernel's page cache, and reopening replays them over the last state.json. One runner per
 * state directory: a stale-aware lock (proper-lockfile) refuses a second one.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { open, readFile, rename, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { emptyState } from './types.js';
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
  /** records a link durably at once (before the cycle goes on) */
  recordLink(kind: ObjectKind, sourceId: string, targetId: string, displayName?: string): void;
  save(): Promise<void>;
  /** replaces the whole state (restart with ConnectorDataStore) */
  replace(state: EngineState): void;
  close(): Promise<void>;
}

export async function openStateStore(options: { dir?: string; jobId: string }): Promise<StateStore> {
  if (!options.dir) return memoryStore(emptyState(options.jobId));
  const dir = options.dir;
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { lockfilePath: join(dir, 'runner.lock'), stale: 30_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StateLockedError(`state directory ${dir} is in use by another scimulator run (lock ${join(dir, 'runner.lock')})`);
    }
    throw error;
  }
  try {
    let state = await readState(join(dir, 'state.json'), options.jobId);
    state = await replayLinks(join(dir, 'links.jsonl'), state);
    const linksFile = join(dir, 'links.jsonl');
    let fd = openSync(linksFile, 'a');
    const store: StateStore = {
      get state() {
        return state;
      },
      dir,
      recordLink(kind, sourceId, targetId, displayName) {
        applyLink(state, kind, sourceId, targetId, displayName);
        writeSync(fd, `${JSON.stringify({ k: kind, s: sourceId, t: targetId, ...(displayName ? { d: displayName } : {}) })}\n`);
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
        // the links are in state.json now
        closeSync(fd);
        await truncate(linksFile, 0);
        fd = openSync(linksFile, 'a');
      },
      replace(next) {
        state = next;
      },
      async close() {
        closeSync(fd);
        await release();
      },
    };
    return store;
  } catch (error) {
    await release();
    throw error;
  }
}

function memoryStore(initial: EngineState): StateStore {
  let state = initial;
  return {
    get state() {
      return state;
    },
    dir: undefined,
    recordLink: (kind, sourceId, targetId, displayName) => applyLink(state, kind, sourceId, targetId, displayName),
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
  // records keyed by source ids: no prototype to pollute
  for (const key of ['users', 'groups', 'escrows', 'staged'] as const) {
    parsed[key] = Object.assign(Object.create(null), parsed[key] ?? {}) as never;
  }
  return parsed;
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
