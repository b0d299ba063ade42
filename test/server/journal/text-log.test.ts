/**
 * The journal's off-heap log: whatever is pushed, it reads back the newest entries exactly, as a
 * plain array of strings with the same count and byte budget would keep them.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { TextLog } from '../../../server/journal/text-log.js';

/** the model: an array, trimmed the way the log promises */
class Model {
  entries: { text: string; weight: number; tag: number }[] = [];
  constructor(readonly capacity: number, readonly maxBytes: number) {}
  push(parts: string[], extra: number, tag: number): void {
    const text = parts.join('');
    this.entries.push({ text, weight: Buffer.byteLength(text) + extra, tag });
    if (this.entries.length > this.capacity) this.entries.shift();
    while (this.entries.reduce((n, e) => n + e.weight, 0) > this.maxBytes && this.entries.length > 1) this.entries.shift();
  }
}

describe('server/journal/text-log', () => {
  it('should read back what a model array keeps, for any pushes, clears, chunk size and budget', () => {
    // text with multi-byte characters and surrogate pairs, so byte and character counts differ
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\n', '"'), maxLength: 300 });
    const op = fc.oneof(
      { weight: 20, arbitrary: fc.record({ kind: fc.constant('push' as const), parts: fc.array(text, { maxLength: 4 }), extra: fc.nat(50), tag: fc.nat(3) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
    );
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 50, max: 3_000 }), fc.integer({ min: 16, max: 2_048 }), fc.array(op, { maxLength: 80 }), (capacity, maxBytes, chunkBytes, ops) => {
      const log = new TextLog({ capacity, maxBytes, chunkBytes, fields: 2 });
      const model = new Model(capacity, maxBytes);
      for (const o of ops) {
        if (o.kind === 'clear') {
          log.clear();
          model.entries = [];
        } else {
          log.push(o.parts, [o.tag, -o.tag / 2], o.extra);
          model.push(o.parts, o.extra, o.tag);
        }
        expect(log.size).to.equal(model.entries.length);
        expect(log.bytes).to.equal(model.entries.reduce((n, e) => n + e.weight, 0));
        expect(Array.from({ length: log.size }, (_, i) => log.at(i))).to.deep.equal(model.entries.map((e) => e.text));
        expect(Array.from({ length: log.size }, (_, i) => [...log.fieldsAt(i)])).to.deep.equal(model.entries.map((e) => [e.tag, -e.tag / 2]));
      }
    }), { numRuns: 300 });
  });

  it('should keep the newest entry even when it alone is over the budget or the chunk size', () => {
    const log = new TextLog({ capacity: 4, maxBytes: 10, chunkBytes: 8 });
    log.push(['small']);
    log.push(['x'.repeat(100), 'y'.repeat(100)]);
    expect(log.size).to.equal(1);
    expect(log.at(0)).to.equal(`${'x'.repeat(100)}${'y'.repeat(100)}`);
    expect(() => log.at(1)).to.throw(RangeError);
  });

  it('should refuse a capacity that is not a positive integer', () => {
    expect(() => new TextLog({ capacity: 0, maxBytes: 10 })).to.throw(TypeError);
  });
});
