/**
 * @module server/store/durable-store
 * The durable store behind `scimulator serve --db FILE`: the memory store's state, made to
 * survive restarts and kill -9 without rewriting the whole file per request.
 *
 * Design (snapshot + append-only journal with group commit):
 * - every write changes memory, then appends one JSON line to `FILE.journal`; all lines queued in
 *   the same tick (and while the previous append is in flight) go out as one write + one
 *   fdatasync, and only then are their promises resolved, so an acknowledged write is on disk;
 * - when the journal passes a threshold (entries, or bytes and the last snapshot's size) and at
 *   close(), the journal is rotated to `FILE.journal.old` at a captured sequence number, the state
 *   as of that number is written to FILE through lowdb (temp file + rename, then fsync), and the
 *   `.old` journal is deleted; records are immutable, so the capture is a list of references and
 *   the snapshot serialises in chunks while requests keep being served;
 * - opening loads the snapshot, replays journal mutations with a higher sequence number (`.old`
 *   first), cuts a torn last line, and finishes an interrupted compaction.
 * A crash at any step leaves either the old snapshot plus both journals or the new snapshot plus
 * journal entries it already holds (replay is idempotent: changes are whole records).
 */
import { mkdir, rm, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ScimError } from '../../scim/errors.js';
import { createStoreCore } from './resource-store.js';
import type { Persistence } from './resource-store.js';
import { StoreState } from './state.js';
import type { DurableStoreOptions, ResourceStore, StoredResource } from './types.js';
import { Journal } from './durable/journal.js';
import { recover } from './durable/recover.js';
import { SnapshotFile } from './durable/snapshot.js';
import { syncDirectory } from '../../util/fsync.js';
import { lockDbFile } from './durable/lock.js';
import type { HeldLock } from './durable/lock.js';

const DEFAULT_COMPACT_AFTER_ENTRIES = 50_000;
const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

export async function createDurableStore(options: DurableStoreOptions): Promise<ResourceStore> {
  const state = new StoreState();
  const snapshot = new SnapshotFile(options.file);
  const journalFile = `${options.file}.journal`;
  await mkdir(dirname(options.file), { recursive: true });
  let lost: Error | undefined;
  // Exclusive: a second process (or store) on the same file is refused with StoreLockedError.
  const lock = await lockDbFile(options.file, (error) => {
    lost ??= new Error(`the lock on ${options.file} was lost: ${error.message}`, { cause: error });
  });
  try {
    return await openLocked(options, state, snapshot, journalFile, lock, () => lost);
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
}

async function openLocked(options: DurableStoreOptions, state: StoreState, snapshot: SnapshotFile, journalFile: string, lock: HeldLock, lockLost: () => Error | undefined): Promise<ResourceStore> {
  const recovered = await recover(state, snapshot, journalFile);
  const compactAfterEntries = options.compactAfterEntries ?? DEFAULT_COMPACT_AFTER_ENTRIES;
  const compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
  let snapshots = 0;
  let lastSnapshotMs: number | undefined;
  let lastSnapshotBytes = recovered.snapshotBytes;

  const writeSnapshot = async (seq: number, users: StoredResource[], groups: StoredResource[]): Promise<void> => {
    const started = performance.now();
    lastSnapshotBytes = await snapshot.write(seq, users, groups);
    lastSnapshotMs = performance.now() - started;
    snapshots++;
  };
  const capture = (): [StoredResource[], StoredResource[]] => [
    Array.from(state.records.User.values(), (e) => e.resource),
    Array.from(state.records.Group.values(), (e) => e.resource),
  ];

  if (recovered.oldJournal) {
    // A compaction was interrupted: finish it before the journal may be rotated again
    // (rotating now would overwrite `.old`, whose mutations no snapshot holds yet).
    await writeSnapshot(recovered.seq, ...capture());
    await rm(`${journalFile}.old`, { force: true });
    const fh = await open(journalFile, 'a');
    await fh.truncate(0);
    await fh.sync();
    await fh.close();
    await syncDirectory(journalFile);
    recovered.journalBytes = 0;
    recovered.journalEntries = 0;
  }

  const journal = await Journal.open(journalFile, recovered.seq, recovered.journalBytes, recovered.journalEntries);
  let compacting: Promise<void> | undefined;
  let closed = false;
  let failure: Error | undefined;

  const compact = (): Promise<void> => {
    compacting ??= (async () => {
      let captured: [StoredResource[], StoredResource[]] = [[], []];
      let seq = 0;
      await journal.rotate((s) => {
        seq = s;
        captured = capture();
      });
      await writeSnapshot(seq, ...captured);
      await rm(journal.oldFile, { force: true });
    })()
      .catch((error: Error) => {
        failure ??= new Error(`snapshot ${options.file}: ${error.message}`, { cause: error });
      })
      .finally(() => {
        compacting = undefined;
      });
    return compacting;
  };

  const due = (): boolean => {
    const { entries, bytes } = journal.counters;
    return entries >= compactAfterEntries || bytes >= Math.max(compactAfterBytes, lastSnapshotBytes);
  };

  const persistence: Persistence = {
    assertWritable() {
      if (closed) throw new Error('the store is closed');
      const broken = failure ?? journal.failure ?? lockLost();
      // A write the disk refused leaves memory ahead of the file: refuse every write after it.
      if (broken) throw new ScimError(500, undefined, `the store cannot persist changes: ${broken.message}`);
    },
    async commit(changes) {
      const durable = journal.append(changes);
      if (!compacting && due()) void compact();
      await durable;
    },
    async close() {
      if (closed) return;
      closed = true;
      await compacting;
      await journal.drain();
      try {
        if (journal.counters.entries > 0 && !failure && !journal.failure && !lockLost()) await compact();
        await journal.close();
      } finally {
        await lock.release().catch(() => undefined);
      }
      if (failure) throw failure;
    },
    stats: () => ({
      journalWrites: journal.counters.writes,
      journalEntries: journal.counters.entries,
      journalBytes: journal.counters.bytes,
      snapshots,
      lastSnapshotMs,
      lastSnapshotBytes,
    }),
  };
  return createStoreCore(state, options, persistence);
}
