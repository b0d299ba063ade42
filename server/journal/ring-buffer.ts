/**
 * @module server/journal/ring-buffer
 * A fixed-capacity buffer of the most recent items: the journal never grows without bound.
 */

export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new TypeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** adds an item; returns the oldest one when it had to make room */
  push(item: T): T | undefined {
    if (this.#size < this.capacity) {
      this.items[(this.start + this.#size) % this.capacity] = item;
      this.#size += 1;
      return undefined;
    }
    const evicted = this.items[this.start];
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    return evicted;
  }

  /** removes and returns the oldest item */
  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.items[this.start];
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.#size -= 1;
    return item;
  }

  /** oldest first */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.#size; i += 1) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.#size = 0;
  }
}
