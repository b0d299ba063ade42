/**
 * @module server/store/durable/snapshot
 * The snapshot file: `{ "version": 1, "seq": <n>, "users": [...], "groups": [...] }` in creation
 * order, written through lowdb (`Low` over its `TextFile` adapter: steno writes a temp file next to
 * it and renames it over the old one, so a reader sees the old or the new snapshot, never half).
 *
 * Why TextFile and not JSONFile: JSONFile would stringify the whole state (pretty-printed, twice
 * the bytes) in one synchronous call, stalling every request for the length of it at 100k users.
 * Here the records are serialised a chunk at a time between event-loop turns; that is safe because
 * records are immutable values and the list was captured at one sequence number.
 */
import { Low } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { StoredResource } from '../types.js';
import { syncDirectory, syncFile } from './fsync.js';

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotData {
  version: typeof SNAPSHOT_FORMAT;
  seq: number;
  users: StoredResource[];
  groups: StoredResource[];
}

/** Records serialised per event-loop turn. */
const CHUNK = 1000;

export class SnapshotFile {
  readonly file: string;
  readonly #db: Low<string>;

  constructor(file: string) {
    this.file = file;
    this.#db = new Low<string>(new TextFile(file), '');
  }

  /** The snapshot, or undefined when there is none yet. */
  async read(): Promise<SnapshotData | undefined> {
    this.#db.data = '';
    await this.#db.read();
    if (this.#db.data === '') return undefined;
    let data: SnapshotData;
    try {
      data = JSON.parse(this.#db.data) as SnapshotData;
    } catch (error) {
      throw new Error(`${this.file}: the snapshot is not valid JSON (${(error as Error).message})`);
    } finally {
      this.#db.data = '';
    }
    if (data?.version !== SNAPSHOT_FORMAT || !Number.isSafeInteger(data.seq) || !Array.isArray(data.users) || !Array.isArray(data.groups)) {
      throw new Error(`${this.file}: not a scimulator snapshot (format ${SNAPSHOT_FORMAT})`);
    }
    return data;
  }

  /** Writes a snapshot of the captured records atomically and durably; returns its size in bytes. */
  async write(seq: number, users: readonly StoredResource[], groups: readonly StoredResource[]): Promise<number> {
    const text = `{"version":${SNAPSHOT_FORMAT},"seq":${seq},"users":[${await serialise(users)}],"groups":[${await serialise(groups)}]}\n`;
    this.#db.data = text;
    try {
      await this.#db.write();
    } finally {
      this.#db.data = '';
    }
    // The journal it replaces is discarded next: the snapshot must be on disk first.
    await syncFile(this.file);
    await syncDirectory(this.file);
    return Buffer.byteLength(text);
  }
}

async function serialise(records: readonly StoredResource[]): Promise<string> {
  const chunks: string[] = [];
  for (let i = 0; i < records.length; i += CHUNK) {
    if (i > 0) await nextTurn();
    chunks.push(records.slice(i, i + CHUNK).map((r) => JSON.stringify(r)).join(','));
  }
  return chunks.join(',');
}
