/**
 * @module server/quirks/faults
 * Injected failures of a flaky target: 500/502/503 answers, a reset connection, or a request
 * that never answers. Chosen by a seeded probability (reproducible) or on every Nth request.
 */
import type { FaultKind, FaultsQuirk } from './profile.js';
import { mulberry32 } from './random.js';

/** Decides, request by request, whether and how to fail. State (counter, PRNG) is per instance. */
export type FaultPicker = () => FaultKind | undefined;

export function createFaultPicker(quirk: FaultsQuirk, random?: () => number): FaultPicker {
  const kinds = quirk.kinds;
  let count = 0;
  if (quirk.every !== undefined) {
    const every = quirk.every;
    let fired = 0;
    // Every Nth request fails, cycling through the kinds in the order listed.
    return () => {
      count += 1;
      if (count % every !== 0) return undefined;
      return kinds[fired++ % kinds.length];
    };
  }
  const probability = quirk.probability ?? 0;
  const next = random ?? mulberry32(quirk.seed ?? 0);
  return () => {
    // Two draws per request whatever the outcome, so the sequence depends only on the request count.
    const roll = next();
    const which = next();
    return roll < probability ? kinds[Math.floor(which * kinds.length)] : undefined;
  };
}
