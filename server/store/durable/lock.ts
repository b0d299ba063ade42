/**
 * @module server/store/durable/lock
 * One process per db file (util/lock): two `serve` processes on one `--db` both accepted writes and
 * one's data was lost at restart; the second one is now refused with StoreLockedError, naming the
 * holder.
 */
import { LockHeldError, lockFile } from '../../../util/lock.js';
import type { HeldLock, LockHolder } from '../../../util/lock.js';

export type { HeldLock } from '../../../util/lock.js';

/** The db file is held by another process (or another store in this one). */
export class StoreLockedError extends LockHeldError {
  override readonly name = 'StoreLockedError';

  constructor(file: string, holder: LockHolder | undefined) {
    super(file, holder, 'stop it or use another --db');
  }
}

export async function lockDbFile(file: string, onCompromised: (error: Error) => void, timing: { staleMs?: number; updateMs?: number } = {}): Promise<HeldLock> {
  try {
    return await lockFile(file, onCompromised, timing);
  } catch (error) {
    if (error instanceof LockHeldError) throw new StoreLockedError(error.file, error.holder);
    throw error;
  }
}
