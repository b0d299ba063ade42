/**
 * @module server/quirks/tracker
 * Lets quirks that act inside the routes (truncate, licences, filterSupport, …) name themselves in
 * res.locals.quirk, which the request journal records, without the routes passing `res` around:
 * the gate opens an async context holding res.locals, and beforeWrite & co. write into it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface QuirkTracker {
  /** runs `fn` (the rest of the middleware chain) with `locals` as the current request's */
  run<T>(locals: Record<string, unknown>, fn: () => T): T;
  /** names the quirk that fired first on the current request (a no-op outside one) */
  mark(name: string): void;
  /** runs `fn`; when it throws, the quirk `name` is what refused the request */
  marked<T>(name: string, fn: () => T): T;
}

export function createQuirkTracker(): QuirkTracker {
  const current = new AsyncLocalStorage<Record<string, unknown>>();
  const mark = (name: string): void => {
    const locals = current.getStore();
    if (locals && locals.quirk === undefined) locals.quirk = name;
  };
  return {
    run: (locals, fn) => current.run(locals, fn),
    mark,
    marked(name, fn) {
      try {
        return fn();
      } catch (error) {
        mark(name);
        throw error;
      }
    },
  };
}
