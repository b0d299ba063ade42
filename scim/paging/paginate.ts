/**
 * @module scim/paging/paginate
 * Cuts one page out of a filtered, sorted result set and wraps it in a ListResponse: index paging
 * per RFC 7644 §3.4.2.4, cursor paging per RFC 9865 §2.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.4
 */
import type { ListResponse } from '../types.js';
import { listResponse } from '../list-response.js';
import type { CursorCodec } from './cursor.js';
import type { PageRequest } from './page-request.js';

export interface CursorContext {
  readonly codec: CursorCodec;
  /** what the cursor is bound to, see cursorQueryKey */
  readonly queryKey: string;
}

export function paginate<T>(items: readonly T[], page: PageRequest, cursor?: CursorContext): ListResponse<T> {
  if (page.method === 'index') {
    // RFC 7644 §3.4.2.4: count=0 returns totalResults and no resources
    const slice = items.slice(page.startIndex - 1, page.startIndex - 1 + page.count);
    return listResponse(slice, { totalResults: items.length, startIndex: page.startIndex });
  }
  if (!cursor) throw new TypeError('cursor paging needs a cursor codec and query key');
  const offset = page.cursor === '' ? 0 : cursor.codec.decode(page.cursor, cursor.queryKey);
  const slice = items.slice(offset, offset + page.count);
  const end = offset + slice.length;
  return listResponse(slice, {
    totalResults: items.length,
    ...(end < items.length && page.count > 0 ? { nextCursor: cursor.codec.encode(end, cursor.queryKey) } : {}),
    ...(offset > 0 ? { previousCursor: cursor.codec.encode(Math.max(0, offset - page.count), cursor.queryKey) } : {}),
  });
}
