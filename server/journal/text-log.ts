/**
 * @module server/journal/text-log
 * The journal's storage: the most recent entries, each a string, bounded in count and in bytes,
 * held as UTF-8 in buffers outside V8's heap.
 *
 * Why outside: an entry lives for the last `capacity` requests (~60 ms under a filter load of
 * 15,000 req/s), long enough to survive young-generation collections and be promoted, and every
 * promoted byte brings the next full collection — which marks the whole 100k-user store —
 * closer. Kept as objects (header objects, the response text), the journal cost the indexed
 * filter ~20 µs of server CPU per request, mostly garbage collection (2-core VM, 100k users,
 * 50 connections: 72 against 51 µs). Bytes in a Buffer are neither copied nor marked; what stays
 * on the heap per entry is a few numbers in typed arrays.
 */

/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units) */
const MAX_BYTES_PER_CHAR = 3;
/** chunks kept for reuse once all their entries are gone, so steady traffic allocates nothing */
const SPARE_CHUNKS = 2;

interface Chunk {
  readonly buffer: Buffer;
  /** bytes written so far */
  used: number;
  /** entries still stored in it */
  live: number;
  /** a buffer made for one entry larger than a chunk: dropped, not reused */
  readonly single: boolean;
}

export interface TextLogOptions {
  /** how many entries it keeps */
  capacity: number;
  /** the most bytes its entries may weigh in all: the oldest go first, but the newest always stays */
  maxBytes: number;
  /** how many numbers each entry carries beside its text (default 0) */
  fields?: number;
  /** size of the buffers entries are written into (default 1 MiB) */
  chunkBytes?: number;
}

export class TextLog {
  readonly capacity: number;
  readonly #maxBytes: number;
  readonly #chunkBytes: number;
  // slot i of the ring: the entry's chunk, where it starts, its length in bytes, its weight
  readonly #chunkOf: Int32Array;
  readonly #start: Int32Array;
  readonly #length: Int32Array;
  readonly #weight: Float64Array;
  readonly #fields: Float64Array;
  readonly #stride: number;
  readonly #chunks: (Chunk | undefined)[] = [];
  readonly #spare: Chunk[] = [];
  #current: number = -1;
  #first = 0;
  #size = 0;
  #bytes = 0;

  constructor(options: TextLogOptions) {
    const { capacity, maxBytes, fields = 0, chunkBytes = 1 << 20 } = options;
    if (!Number.isInteger(capacity) || capacity < 1) throw new TypeError(`TextLog capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.#maxBytes = maxBytes;
    this.#chunkBytes = chunkBytes;
    this.#chunkOf = new Int32Array(capacity);
    this.#start = new Int32Array(capacity);
    this.#length = new Int32Array(capacity);
    this.#weight = new Float64Array(capacity);
    this.#stride = fields;
    this.#fields = new Float64Array(capacity * fields);
  }

  get size(): number {
    return this.#size;
  }

  /** what the stored entries weigh in all (their bytes plus the extra each was given) */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Stores one entry, the concatenation of `parts` (written one after another, never joined on
   * the heap), weighing its UTF-8 bytes plus `extraWeight`. Evicts the oldest entries past the
   * capacity or the byte budget. `fields`: the entry's numbers (see fieldsAt), kept in a typed
   * array so that they cost the heap nothing either.
   */
  push(parts: readonly string[], fields: ArrayLike<number> = [], extraWeight = 0): void {
    let chars = 0;
    for (const part of parts) chars += part.length;
    const id = this.#room(parts, chars);
    const chunk = this.#chunks[id]!;
    const start = chunk.used;
    for (const part of parts) chunk.used += chunk.buffer.write(part, chunk.used, 'utf8');
    chunk.live += 1;
    if (this.#size === this.capacity) this.#shift();
    const slot = (this.#first + this.#size) % this.capacity;
    this.#chunkOf[slot] = id;
    this.#start[slot] = start;
    this.#length[slot] = chunk.used - start;
    this.#weight[slot] = chunk.used - start + extraWeight;
    for (let i = 0, base = slot * this.#stride; i < this.#stride; i++) this.#fields[base + i] = fields[i] ?? 0;
    this.#bytes += this.#weight[slot]!;
    this.#size += 1;
    while (this.#bytes > this.#maxBytes && this.#size > 1) this.#shift();
  }

  /** the i-th oldest entry's text */
  at(index: number): string {
    const slot = this.#slot(index);
    const start = this.#start[slot]!;
    return this.#chunks[this.#chunkOf[slot]!]!.buffer.toString('utf8', start, start + this.#length[slot]!);
  }

  /** the numbers the i-th oldest entry was pushed with (a view: read it before the next push) */
  fieldsAt(index: number): Float64Array {
    const base = this.#slot(index) * this.#stride;
    return this.#fields.subarray(base, base + this.#stride);
  }

  clear(): void {
    while (this.#size > 0) this.#shift();
  }

  /** the chunk the next entry goes into: the current one if it has room, else a spare, a new or a single one */
  #room(parts: readonly string[], chars: number): number {
    const current = this.#current >= 0 ? this.#chunks[this.#current]! : undefined;
    // every entry written into it is gone: write from its start again
    if (current && current.live === 0) current.used = 0;
    const free = current ? current.buffer.length - current.used : 0;
    // Exact sizes only when the cheap bound does not settle it.
    let bytes = chars * MAX_BYTES_PER_CHAR;
    if (bytes > free || bytes > this.#chunkBytes) {
      bytes = 0;
      for (const part of parts) bytes += Buffer.byteLength(part, 'utf8');
    }
    if (current && bytes <= free) return this.#current;
    if (bytes > this.#chunkBytes) return this.#add({ buffer: Buffer.allocUnsafeSlow(bytes), used: 0, live: 0, single: true });
    // The chunk left behind still holds entries (an empty one had room from its start): #shift
    // releases it when its last entry goes.
    this.#current = this.#add(this.#spare.pop() ?? { buffer: Buffer.allocUnsafeSlow(this.#chunkBytes), used: 0, live: 0, single: false });
    return this.#current;
  }

  #slot(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.#size) throw new RangeError(`no entry ${index} in a log of ${this.#size}`);
    return (this.#first + index) % this.capacity;
  }

  #add(chunk: Chunk): number {
    chunk.used = 0;
    chunk.live = 0;
    const hole = this.#chunks.indexOf(undefined);
    if (hole >= 0) {
      this.#chunks[hole] = chunk;
      return hole;
    }
    this.#chunks.push(chunk);
    return this.#chunks.length - 1;
  }

  #shift(): void {
    const slot = this.#first;
    const id = this.#chunkOf[slot]!;
    this.#bytes -= this.#weight[slot]!;
    this.#first = (this.#first + 1) % this.capacity;
    this.#size -= 1;
    const chunk = this.#chunks[id]!;
    chunk.live -= 1;
    if (chunk.live === 0 && id !== this.#current) this.#release(id);
  }

  #release(id: number): void {
    const chunk = this.#chunks[id]!;
    this.#chunks[id] = undefined;
    if (!chunk.single && this.#spare.length < SPARE_CHUNKS) this.#spare.push(chunk);
  }
}
