export { createMemoryStore } from './memory-store.js';
export { createDurableStore } from './durable-store.js';
export { StoreLockedError } from './durable/lock.js';
export type {
  DurableStoreOptions,
  QueryOptions,
  ResourceStore,
  ResourceTypeName,
  StoredResource,
  StoreOptions,
  StoreStats,
} from './types.js';
