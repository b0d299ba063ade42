import { expect } from 'chai';
import fc from 'fast-check';
import { LruCache } from '../../server/filter-cache.js';

/** a reference LRU: an array of keys, most recent last */
class ModelLru {
  keys: string[] = [];
  values = new Map<string, number>();
  constructor(readonly capacity: number) {}
  get(key: string): number | undefined {
    if (!this.values.has(key)) return undefined;
    this.keys = [...this.keys.filter((k) => k !== key), key];
    return this.values.get(key);
  }
  set(key: string, value: number): void {
    this.keys = [...this.keys.filter((k) => k !== key), key];
    this.values.set(key, value);
    if (this.keys.length > this.capacity) this.values.delete(this.keys.shift()!);
  }
}

describe('server/filter-cache: the LRU behind the filter cache', () => {
  it('should evict the least recently used key, repeated hits on the newest included', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).to.equal(1);
    expect(cache.get('a')).to.equal(1);
    cache.set('c', 3);
    expect(cache.get('b')).to.equal(undefined);
    expect(cache.get('a')).to.equal(1);
    expect(cache.get('c')).to.equal(3);
  });

  it('should agree with a reference LRU on any sequence of gets and sets', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('get' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
      fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), value: fc.nat() }),
    );
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
      const cache = new LruCache<number>(capacity);
      const model = new ModelLru(capacity);
      for (const o of ops) {
        if (o.kind === 'get') expect(cache.get(o.key)).to.equal(model.get(o.key));
        else {
          cache.set(o.key, o.value);
          model.set(o.key, o.value);
        }
        expect(cache.size).to.equal(model.values.size);
      }
    }), { numRuns: 500 });
  });
});
