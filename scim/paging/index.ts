/**
 * @module scim/paging
 * Index paging (RFC 7644 §3.4.2.4) and cursor paging (RFC 9865).
 * https://www.rfc-editor.org/rfc/rfc9865.html
 */
export { readPageRequest } from './page-request.js';
export type { PageRequest, PagingConfig, PagingParameters } from './page-request.js';
export { createCursorCodec, cursorQueryKey } from './cursor.js';
export type { CursorCodec, CursorCodecOptions } from './cursor.js';
export { paginate } from './paginate.js';
export type { CursorContext } from './paginate.js';
