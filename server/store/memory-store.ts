/**
 * @module server/store/memory-store
 * The in-memory store (`scimulator serve --memory`, tests, the pilot): the shared operations with
 * a persistence that is durable at once.
 */
import { createStoreCore } from './resource-store.js';
import type { Persistence } from './resource-store.js';
import { StoreState } from './state.js';
import type { ResourceStore, StoreOptions } from './types.js';

export function createMemoryStore(options: StoreOptions): ResourceStore {
  let closed = false;
  const persistence: Persistence = {
    assertWritable() {
      if (closed) throw new Error('the store is closed');
    },
    commit: () => Promise.resolve(),
    async close() {
      closed = true;
    },
    stats: () => ({ journalWrites: 0, journalEntries: 0, journalBytes: 0, snapshots: 0 }),
  };
  return createStoreCore(new StoreState(), options, persistence);
}
