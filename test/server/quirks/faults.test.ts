import { expect } from 'chai';
import { createFaultPicker } from '../../../server/quirks/faults.js';
import { mulberry32 } from '../../../server/quirks/random.js';

const run = (pick: () => unknown, n: number): unknown[] => Array.from({ length: n }, () => pick());

describe('server/quirks/faults', () => {
  describe('#mulberry32()', () => {
    it('should give the same sequence for the same seed and another for another seed', () => {
      const a = run(mulberry32(42), 20);
      expect(run(mulberry32(42), 20)).to.deep.equal(a);
      expect(run(mulberry32(43), 20)).to.not.deep.equal(a);
      for (const x of a) expect(x).to.be.within(0, 1 - Number.EPSILON);
    });
  });

  describe('#createFaultPicker()', () => {
    it('should fail every Nth request, cycling through the kinds in order', () => {
      const pick = createFaultPicker({ kinds: ['503', 'reset'], every: 3 });
      expect(run(pick, 9)).to.deep.equal([undefined, undefined, '503', undefined, undefined, 'reset', undefined, undefined, '503']);
    });

    it('should give the same fault sequence for the same seed (reproducible runs)', () => {
      const quirk = { kinds: ['500', '502', '503', 'reset', 'hang'] as const, probability: 0.3, seed: 1234 };
      const first = run(createFaultPicker(quirk), 200);
      expect(run(createFaultPicker(quirk), 200)).to.deep.equal(first);
      expect(run(createFaultPicker({ ...quirk, seed: 999 }), 200)).to.not.deep.equal(first);
    });

    it('should fail about the configured share of requests with every kind listed', () => {
      const faults = run(createFaultPicker({ kinds: ['500', '503'], probability: 0.25, seed: 7 }), 4000).filter((f) => f !== undefined);
      expect(faults.length).to.be.within(800, 1200);
      expect(new Set(faults)).to.deep.equal(new Set(['500', '503']));
    });

    it('should fail every request with probability 1 and use the injected random', () => {
      expect(run(createFaultPicker({ kinds: ['502'], probability: 1 }), 5)).to.deep.equal(['502', '502', '502', '502', '502']);
      const fixed = createFaultPicker({ kinds: ['500', 'hang'], probability: 0.5 }, () => 0.75);
      expect(run(fixed, 3)).to.deep.equal([undefined, undefined, undefined]);
    });
  });
});
