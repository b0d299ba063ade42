/**
 * @module server/filter-cache
 * A small least-recently-used map, one per server instance: Entra repeats the same filter shapes
 * (`userName eq "…"`) for every object of a cycle, and parsing plus compiling dominates a lookup
 * that the store answers from an index.
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  /** the most recently used key: a run of hits on it (one filter shape per cycle) reorders nothing */
  private newest: string | undefined;
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value === undefined || key === this.newest) return value;
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.map.delete(key);
    this.map.set(key, value);
    this.newest = key;
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    this.newest = key;
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  clear(): void {
    this.map.clear();
    this.newest = undefined;
  }

  get size(): number {
    return this.map.size;
  }
}
