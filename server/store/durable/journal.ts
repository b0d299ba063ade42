/**
 * @module server/store/durable/journal
 * The append-only journal with group commit. Every mutation gets the next sequence number and
 * its line is queued at once; one writer loop appends everything queued with ONE write and ONE
 * fdatasync, then resolves all those promises together. While that append is in flight new
 * mutations queue up for the next one, so under N concurrent writers an fsync carries up to N
 * mutations and throughput grows with concurrency instead of collapsing.
 *
 * Rotation (for compaction) runs in the same loop, between appends: it captures the state at the
 * current sequence number synchronously, renames the journal to `<journal>.old` and starts an
 * empty one, so the snapshot can be written in the background while appends carry on.
 */
import { open, rename } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { formatMutation } from './journal-format.js';
import type { Change } from '../resource-store.js';
import { syncDirectory } from '../../../util/fsync.js';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface JournalCounters {
  /** appends made (each one write + one fdatasync) */
  writes: number;
  /** mutations in the current journal file */
  entries: number;
  bytes: number;
}

export class Journal {
  readonly file: string;
  readonly oldFile: string;
  #fh: FileHandle;
  #seq: number;
  #queue: string[] = [];
  #waiters: Waiter[] = [];
  #rotation: { capture: (seq: number) => void; waiter: Waiter } | undefined;
  #running = false;
  #failure: Error | undefined;
  readonly counters: JournalCounters;

  private constructor(file: string, fh: FileHandle, seq: number, counters: JournalCounters) {
    this.file = file;
    this.oldFile = `${file}.old`;
    this.#fh = fh;
    this.#seq = seq;
    this.counters = counters;
  }

  /** Opens `file` for appending (creating it); `bytes`/`entries` describe what it already holds. */
  static async open(file: string, seq: number, bytes: number, entries: number): Promise<Journal> {
    const fh = await open(file, 'a');
    await syncDirectory(file);
    return new Journal(file, fh, seq, { writes: 0, entries, bytes });
  }

  /** the sequence number of the last mutation appended (or queued) */
  get seq(): number {
    return this.#seq;
  }

  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Queues one mutation; resolves once it is on disk. Synchronous up to the returned promise. */
  append(changes: readonly Change[]): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.#queue.push(formatMutation(++this.#seq, changes));
    this.counters.entries++;
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#kick();
    return done;
  }

  /**
   * Starts a new journal file. `capture(seq)` is called synchronously at the moment the old file
   * stops receiving appends: it must take the state as of `seq`.
   */
  rotate(capture: (seq: number) => void): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#rotation) return Promise.reject(new Error('a rotation is already pending'));
    const done = new Promise<void>((resolve, reject) => (this.#rotation = { capture, waiter: { resolve, reject } }));
    this.#kick();
    return done;
  }

  /** Resolves once everything queued so far is on disk. */
  async drain(): Promise<void> {
    while (this.#running) await nextTurn();
  }

  async close(): Promise<void> {
    await this.drain();
    await this.#fh.close();
  }

  #kick(): void {
    if (this.#running) return;
    this.#running = true;
    // Group commit: start on the next turn, so every mutation of this tick shares the append.
    setImmediate(() => void this.#loop());
  }

  async #loop(): Promise<void> {
    try {
      for (;;) {
        if (this.#rotation) {
          // What was queued before the rotation belongs to the old file; what arrives during
          // this append goes to the new one (the reader skips it there once the snapshot holds it).
          if (this.#queue.length > 0) await this.#flush();
          if (this.#rotation) await this.#rotate(this.#rotation);
        } else if (this.#queue.length > 0) await this.#flush();
        else break;
      }
    } finally {
      this.#running = false;
    }
  }

  async #flush(): Promise<void> {
    const text = this.#queue.length === 1 ? this.#queue[0] : this.#queue.join('');
    const waiters = this.#waiters;
    this.#queue = [];
    this.#waiters = [];
    try {
      await this.#fh.write(text);
      // fdatasync also persists the size change, so the appended bytes are reachable after a crash.
      await this.#fh.datasync();
    } catch (error) {
      this.#fail(error as Error, waiters);
      return;
    }
    this.counters.writes++;
    this.counters.bytes += Buffer.byteLength(text);
    for (const w of waiters) w.resolve();
  }

  async #rotate(rotation: { capture: (seq: number) => void; waiter: Waiter }): Promise<void> {
    this.#rotation = undefined;
    try {
      // Mutations still queued have seq ≤ the captured one: they go to the new file, where the
      // reader skips them once the snapshot (which holds them) is in place.
      rotation.capture(this.#seq);
      const queued = this.#queue.length;
      await this.#fh.close();
      await rename(this.file, this.oldFile);
      this.#fh = await open(this.file, 'a');
      await syncDirectory(this.file);
      this.counters.entries = queued;
      this.counters.bytes = 0;
    } catch (error) {
      this.#fail(error as Error, [rotation.waiter]);
      return;
    }
    rotation.waiter.resolve();
  }

  #fail(error: Error, waiters: Waiter[]): void {
    this.#failure = new Error(`journal ${this.file}: ${error.message}`, { cause: error });
    for (const w of [...waiters, ...this.#waiters]) w.reject(this.#failure);
    this.#waiters = [];
    this.#queue = [];
    if (this.#rotation) this.#rotation.waiter.reject(this.#failure);
    this.#rotation = undefined;
  }
}
