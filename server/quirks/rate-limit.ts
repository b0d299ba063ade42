/**
 * @module server/quirks/rate-limit
 * Throttling as SaaS APIs do it: N requests per fixed window per bearer token; the next one is
 * refused with 429 and Retry-After (RFC 6585 §4, https://datatracker.ietf.org/doc/html/rfc6585#section-4).
 */
import type { RateLimitQuirk } from './profile.js';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** counts one request of `key` at `now` (ms) */
  take(key: string, now: number): RateDecision;
}

/** Windows live in this instance only, keyed by token in a Map (request input never keys an object). */
export function createRateLimiter(quirk: RateLimitQuirk): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, now) {
      let window = windows.get(key);
      if (!window || now - window.start >= quirk.windowMs) {
        // Expired windows are dropped as we go so that a long run with many tokens stays bounded.
        if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= quirk.windowMs) windows.delete(k);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= quirk.requests) return { allowed: true };
      const remainingMs = window.start + quirk.windowMs - now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
    },
  };
}
