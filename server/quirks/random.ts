/**
 * @module server/quirks/random
 * A seeded PRNG (mulberry32) so that a fault sequence is reproducible: the same seed gives the
 * same faults on the same request sequence. Quirks take a `() => number` and never Math.random.
 */

/** Returns a generator of floats in [0, 1) determined entirely by the 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
