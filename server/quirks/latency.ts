/**
 * @module server/quirks/latency
 * Slow targets: a fixed delay, a uniform {min,max} range, or per endpoint ("POST /Users" first,
 * then "/Users", then the default).
 */
import type { Delay, LatencyQuirk } from './profile.js';

/** Returns the delay in ms for this request; `random` picks inside a range. */
export type LatencyPicker = (method: string, endpoint: string | undefined, random: () => number) => number;

export function createLatencyPicker(quirk: LatencyQuirk): LatencyPicker {
  if (typeof quirk === 'number' || 'min' in quirk) {
    const delay = quirk as Delay;
    return (_method, _endpoint, random) => pick(delay, random);
  }
  const endpoints = new Map(Object.entries(quirk.endpoints));
  const fallback = quirk.default;
  return (method, endpoint, random) => {
    const specific = endpoint === undefined ? undefined : (endpoints.get(`${method} /${endpoint}`) ?? endpoints.get(`/${endpoint}`));
    const delay = specific ?? fallback;
    return delay === undefined ? 0 : pick(delay, random);
  };
}

function pick(delay: Delay, random: () => number): number {
  if (typeof delay === 'number') return delay;
  return delay.min + Math.floor(random() * (delay.max - delay.min + 1));
}
