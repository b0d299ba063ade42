/**
 * @module server/store/durable/recover
 * Opening a durable store after a clean close or a crash: load the snapshot, replay the journals
 * (`.old` first, left by a compaction that had not finished, then the live one) keeping only
 * mutations newer than the snapshot, and cut a torn tail off the live journal.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { dropStoredUrls } from '../derived.js';
import { applyChange } from '../resource-store.js';
import type { StoreState } from '../state.js';
import type { StoredResource } from '../types.js';
import { parseJournal } from './journal-format.js';
import type { SnapshotFile } from './snapshot.js';

export interface Recovered {
  /** the last sequence number in the snapshot or the journals */
  seq: number;
  snapshotSeq: number;
  snapshotBytes: number;
  /** a `.old` journal was found: the caller must compact before it rotates again */
  oldJournal: boolean;
  /** the live journal after truncation */
  journalBytes: number;
  journalEntries: number;
  tornBytes: number;
}

export async function recover(state: StoreState, snapshot: SnapshotFile, journalFile: string): Promise<Recovered> {
  // A snapshot write that never reached its rename: the old snapshot stands.
  await rm(snapshot.adapter.tempFile, { force: true });
  const data = await snapshot.read();
  const snapshotSeq = data.seq;
  const snapshotBytes = snapshot.adapter.bytes;
  {
    const schemas = new Map<string, readonly string[]>();
    for (const user of data.users) state.put('User', deepFreeze(shareSchemas(dropStoredUrls(user as StoredResource), schemas)));
    for (const group of data.groups) state.put('Group', deepFreeze(shareSchemas(dropStoredUrls(group as StoredResource), schemas)));
  }
  let seq = snapshotSeq;
  const old = await readIfExists(`${journalFile}.old`);
  if (old) seq = replay(state, parseJournal(old, `${journalFile}.old`).mutations, snapshotSeq, seq);
  const live = await readIfExists(journalFile);
  let journalBytes = 0;
  let journalEntries = 0;
  let tornBytes = 0;
  if (live) {
    const parsed = parseJournal(live, journalFile);
    seq = replay(state, parsed.mutations, snapshotSeq, seq);
    journalBytes = parsed.validBytes;
    journalEntries = parsed.mutations.length;
    tornBytes = live.length - parsed.validBytes;
    if (tornBytes > 0) await truncate(journalFile, parsed.validBytes);
  }
  return { seq, snapshotSeq, snapshotBytes, oldJournal: old !== undefined, journalBytes, journalEntries, tornBytes };
}

function replay(state: StoreState, mutations: ReturnType<typeof parseJournal>['mutations'], after: number, seq: number): number {
  for (const { seq: s, changes } of mutations) {
    if (s <= after) continue;
    for (const change of changes) {
      // Files written before locations and $refs were derived carry them: the derived ones win.
      if (change.op === 'put') applyChange(state, { ...change, resource: deepFreeze(dropStoredUrls(change.resource)) });
      else if (change.op === 'members') applyChange(state, { ...change, add: change.add.map(deepFreeze) });
      else applyChange(state, change);
    }
    if (s > seq) seq = s;
  }
  return seq;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function truncate(file: string, length: number): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    await fh.truncate(length);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

// JSON.parse gives every record its own copy of the schema URNs; 100k records share a handful.
function shareSchemas(record: StoredResource, seen: Map<string, readonly string[]>): StoredResource {
  const key = record.schemas.join(' ');
  const shared = seen.get(key);
  if (shared) record.schemas = shared as string[];
  else seen.set(key, Object.freeze(record.schemas));
  return record;
}

/** Records parsed from disk are frozen in place, like the ones the store builds. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

