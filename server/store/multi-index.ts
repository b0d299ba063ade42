/**
 * @module server/store/multi-index
 * A secondary index: key → ids holding it. Keys are folded to lower case so that one index serves
 * both case-insensitive attributes (userName, emails.value, displayName: RFC 7643 §8.7.1
 * caseExact false) and case-exact ones (externalId): the index yields a superset of candidates
 * and the filter predicate or the uniqueness check decides exactly. `fold: false` keeps keys as
 * they are (member ids).
 */
export class MultiIndex {
  readonly #map = new Map<string, Set<string> | string>();
  readonly #fold: boolean;

  constructor(options: { fold?: boolean } = {}) {
    this.#fold = options.fold ?? true;
  }

  #key(key: string): string {
    return this.#fold ? key.toLowerCase() : key;
  }

  /** ids under `key`, empty when none */
  get(key: string): readonly string[] {
    const hit = this.#map.get(this.#key(key));
    if (hit === undefined) return [];
    return typeof hit === 'string' ? [hit] : [...hit];
  }

  /** whether `id` is held under `key`, in O(1) */
  has(key: string, id: string): boolean {
    const hit = this.#map.get(this.#key(key));
    return hit !== undefined && (typeof hit === 'string' ? hit === id : hit.has(id));
  }

  add(key: string, id: string): void {
    const k = this.#key(key);
    const hit = this.#map.get(k);
    // Most keys have one holder: keep a bare string, a Set only once shared (saves memory at 100k).
    if (hit === undefined) this.#map.set(k, id);
    else if (typeof hit === 'string') {
      if (hit !== id) this.#map.set(k, new Set([hit, id]));
    } else hit.add(id);
  }

  remove(key: string, id: string): void {
    const k = this.#key(key);
    const hit = this.#map.get(k);
    if (hit === undefined) return;
    if (typeof hit === 'string') {
      if (hit === id) this.#map.delete(k);
      return;
    }
    hit.delete(id);
    if (hit.size === 1) this.#map.set(k, hit.values().next().value as string);
    else if (hit.size === 0) this.#map.delete(k);
  }

  clear(): void {
    this.#map.clear();
  }
}
