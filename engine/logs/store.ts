/**
 * @module engine/logs/store
 * Where provisioning log entries live: `<dir>/provisioning-log.jsonl`, one JSON object per line,
 * or memory only. Entries older than the retention (30 days, ENTRA-SPEC §7.3) are never returned
 * and are dropped from the file when a writer opens it. Entries are immutable (§7.2): the store
 * only appends.
 */
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../util/clock.js';
import { readJsonLines, rewriteJsonLines, trimTornTail } from './jsonl.js';
import { applyQuery, collectQuery } from './query.js';
import type { LogQuery, ProvisioningLogEntry } from './types.js';

export const LOG_FILE = 'provisioning-log.jsonl';

/** §7.3: Entra keeps provisioning logs 30 days (P1/P2). */
export const DEFAULT_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

export interface LogStoreOptions {
  /** the job's state directory; omitted: memory only */
  readonly dir?: string;
  readonly clock: Clock;
  readonly retentionDays?: number;
  /**
   * Open an existing log to read it while its job may be writing it (the `logs` command): nothing
   * is created, trimmed or rewritten, and append throws.
   */
  readonly readOnly?: boolean;
}

export interface LogStore {
  /** one write per call; resolves once the entries are in the file */
  append(entries: readonly ProvisioningLogEntry[]): Promise<void>;
  /** the entries the query selects, oldest first (newest last) */
  query(q?: LogQuery): Promise<ProvisioningLogEntry[]>;
  close(): Promise<void>;
}

export async function openLogStore(options: LogStoreOptions): Promise<LogStore> {
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (!(retentionDays > 0)) throw new TypeError(`retentionDays must be > 0, got ${retentionDays}`);
  const expired = (entry: { activityDateTime?: unknown }): boolean =>
    Date.parse(String(entry.activityDateTime)) < options.clock().getTime() - retentionDays * DAY_MS;
  return options.dir === undefined ? memoryStore(expired, options.readOnly) : fileStore(join(options.dir, LOG_FILE), options.dir, expired, options.readOnly);
}

type Expired = (entry: { activityDateTime?: unknown }) => boolean;

function memoryStore(expired: Expired, readOnly = false): LogStore {
  let entries: ProvisioningLogEntry[] = [];
  let closed = false;
  return {
    async append(batch) {
      if (closed) throw new Error('log store is closed');
      if (readOnly) throw new Error('log store was opened read-only');
      entries.push(...batch);
      // Entries arrive in time order, so the expired ones are at the front.
      const firstLive = entries.findIndex((entry) => !expired(entry));
      if (firstLive !== 0) entries = firstLive < 0 ? [] : entries.slice(firstLive);
    },
    async query(q) {
      return applyQuery(
        entries.filter((entry) => !expired(entry)),
        q,
      );
    },
    async close() {
      closed = true;
    },
  };
}

async function fileStore(file: string, dir: string, expired: Expired, readOnly = false): Promise<LogStore> {
  let handle: FileHandle | undefined;
  if (!readOnly) {
    await mkdir(dir, { recursive: true });
    await trimTornTail(file);
    if (await anyLine(file, expired)) await rewriteJsonLines(file, (value) => !expired(value));
    handle = await open(file, 'a');
  }
  // Appends and reads queue behind one another, so a query sees every append that came before it.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  let closed = false;
  return {
    append(batch) {
      if (closed) return Promise.reject(new Error('log store is closed'));
      if (!handle) return Promise.reject(new Error('log store was opened read-only'));
      if (batch.length === 0) return Promise.resolve();
      const text = `${batch.map((entry) => JSON.stringify(entry)).join('\n')}\n`;
      const target = handle;
      return enqueue(() => target.appendFile(text));
    },
    query(q) {
      return enqueue(async () => {
        const collector = collectQuery(q);
        for await (const value of readJsonLines(file)) {
          const entry = value as unknown as ProvisioningLogEntry;
          if (!expired(entry)) collector.offer(entry);
        }
        return collector.result();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await enqueue(async () => handle?.close());
    },
  };
}

async function anyLine(file: string, test: (value: Record<string, unknown>) => boolean): Promise<boolean> {
  for await (const value of readJsonLines(file)) if (test(value)) return true;
  return false;
}
