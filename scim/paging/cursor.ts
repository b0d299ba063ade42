/**
 * @module scim/paging/cursor
 * Stateless opaque cursors for RFC 9865 cursor pagination: base64url of the offset, the issue time
 * and a short hash binding the cursor to its query, so a cursor replayed against another query is
 * `invalidCursor` and one older than the timeout is `expiredCursor` (RFC 9865 §3).
 * https://www.rfc-editor.org/rfc/rfc9865.html
 */
import { createHash } from 'node:crypto';
import { ScimError } from '../errors.js';
import { systemClock } from '../../util/clock.js';
import type { Clock } from '../../util/clock.js';

export interface CursorCodecOptions {
  /** mixed into the binding hash so cursors from another server instance do not decode here */
  readonly secret?: string;
  /** seconds a cursor stays valid (ServiceProviderConfig pagination.cursorTimeout); none = forever */
  readonly timeoutSeconds?: number;
  /** injected clock; default the system clock */
  readonly clock?: Clock;
}

export interface CursorCodec {
  encode(offset: number, queryKey: string): string;
  /** The offset a cursor stands for; ScimError invalidCursor / expiredCursor otherwise. */
  decode(cursor: string, queryKey: string): number;
}

/** The parts of a query a cursor is bound to; callers add whatever else selects the result set. */
export function cursorQueryKey(parts: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(Object.keys(parts).sort().map((k) => [k, parts[k] ?? null]));
}

export function createCursorCodec(options: CursorCodecOptions = {}): CursorCodec {
  const secret = options.secret ?? '';
  const clock = options.clock ?? systemClock;
  const now = (): number => clock().getTime();
  const bind = (queryKey: string): string => createHash('sha256').update(`${secret}\u0000${queryKey}`).digest('base64url').slice(0, 12);
  return {
    encode(offset, queryKey) {
      if (!Number.isSafeInteger(offset) || offset < 0) throw new TypeError(`cursor offset must be a non-negative integer, got ${offset}`);
      const issued = Math.floor(now() / 1000);
      return Buffer.from(`${offset}.${issued}.${bind(queryKey)}`, 'utf8').toString('base64url');
    },
    decode(cursor, queryKey) {
      const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
      const match = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{12})$/.exec(text);
      if (!match || match[3] !== bind(queryKey)) {
        throw ScimError.of('invalidCursor', 'The cursor value is invalid or belongs to another query.');
      }
      if (options.timeoutSeconds !== undefined && Math.floor(now() / 1000) - Number(match[2]) > options.timeoutSeconds) {
        throw ScimError.of('expiredCursor');
      }
      return Number(match[1]);
    },
  };
}
