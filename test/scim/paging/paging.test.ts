import { expect } from 'chai';
import { ScimError } from '../../../scim/errors.js';
import { listResponse } from '../../../scim/list-response.js';
import { createCursorCodec, cursorQueryKey, paginate, readPageRequest } from '../../../scim/paging/index.js';
import type { PagingConfig } from '../../../scim/paging/index.js';
import { URN } from '../../../scim/types.js';

const config: PagingConfig = { defaultPageSize: 3, maxPageSize: 5, cursor: true };
const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

function scimError(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error('expected a ScimError');
}

describe('scim/paging', () => {
  describe('#readPageRequest() index paging (RFC 7644 §3.4.2.4)', () => {
    it('should default startIndex to 1 and count to the default page size', () => {
      expect(readPageRequest({}, config)).to.deep.equal({ method: 'index', startIndex: 1, count: 3 });
    });

    it('should read strings from a query and numbers from a body', () => {
      expect(readPageRequest({ startIndex: '4', count: '2' }, config)).to.deep.equal({ method: 'index', startIndex: 4, count: 2 });
      expect(readPageRequest({ startIndex: 4, count: 2 }, config)).to.deep.equal({ method: 'index', startIndex: 4, count: 2 });
    });

    it('should interpret startIndex below 1 as 1, a negative count as 0 and cap count at the maximum', () => {
      expect(readPageRequest({ startIndex: '0', count: '-3' }, config)).to.deep.equal({ method: 'index', startIndex: 1, count: 0 });
      expect(readPageRequest({ startIndex: -9, count: 500 }, config)).to.deep.equal({ method: 'index', startIndex: 1, count: 5 });
    });

    it('should answer non-numeric values with 400 invalidValue', () => {
      for (const params of [{ count: 'ten' }, { startIndex: '1.5' }, { count: 2.5 }, { startIndex: true }]) {
        expect(scimError(() => readPageRequest(params, config))).to.include({ status: 400, scimType: 'invalidValue' });
      }
    });
  });

  describe('#readPageRequest() cursor paging (RFC 9865)', () => {
    it('should read a cursor, the empty cursor meaning the first page', () => {
      expect(readPageRequest({ cursor: '', count: '2' }, config)).to.deep.equal({ method: 'cursor', cursor: '', count: 2 });
    });

    it('should refuse cursor together with startIndex with 400', () => {
      expect(scimError(() => readPageRequest({ cursor: '', startIndex: '1' }, config))).to.include({ status: 400, scimType: 'invalidValue' });
    });

    it('should refuse a cursor when cursor paging is not offered', () => {
      expect(scimError(() => readPageRequest({ cursor: '' }, { ...config, cursor: false })).status).to.equal(400);
    });

    it('should use cursor paging by default when configured so', () => {
      expect(readPageRequest({}, { ...config, defaultPaginationMethod: 'cursor' })).to.deep.equal({ method: 'cursor', cursor: '', count: 3 });
    });
  });

  describe('#paginate() index paging', () => {
    it('should return the page with totalResults, itemsPerPage and the echoed startIndex', () => {
      expect(paginate(items, { method: 'index', startIndex: 3, count: 2 })).to.deep.equal({
        schemas: [URN.ListResponse], totalResults: 7, itemsPerPage: 2, startIndex: 3, Resources: ['c', 'd'],
      });
      expect(paginate(items, { method: 'index', startIndex: 7, count: 5 }).Resources).to.deep.equal(['g']);
      expect(paginate(items, { method: 'index', startIndex: 20, count: 5 })).to.include({ totalResults: 7, itemsPerPage: 0 });
    });

    it('should answer count=0 with totalResults only (RFC 7644 §3.4.2.4)', () => {
      expect(paginate(items, { method: 'index', startIndex: 1, count: 0 })).to.deep.equal({
        schemas: [URN.ListResponse], totalResults: 7, itemsPerPage: 0, startIndex: 1, Resources: [],
      });
    });
  });

  describe('#paginate() cursor paging (RFC 9865)', () => {
    let clock = 1_700_000_000_000;
    const codec = createCursorCodec({ secret: 's', timeoutSeconds: 60, clock: () => new Date(clock) });
    const queryKey = cursorQueryKey({ resourceType: 'User', filter: 'active eq true', sortBy: undefined });

    it('should walk forward with nextCursor and back with previousCursor', () => {
      const first = paginate(items, { method: 'cursor', cursor: '', count: 3 }, { codec, queryKey });
      expect(first.Resources).to.deep.equal(['a', 'b', 'c']);
      expect(first).to.include({ totalResults: 7, itemsPerPage: 3 });
      expect(first).to.not.have.property('previousCursor');
      expect(first).to.not.have.property('startIndex');
      const second = paginate(items, { method: 'cursor', cursor: first.nextCursor!, count: 3 }, { codec, queryKey });
      expect(second.Resources).to.deep.equal(['d', 'e', 'f']);
      const last = paginate(items, { method: 'cursor', cursor: second.nextCursor!, count: 3 }, { codec, queryKey });
      expect(last.Resources).to.deep.equal(['g']);
      expect(last).to.not.have.property('nextCursor');
      const back = paginate(items, { method: 'cursor', cursor: last.previousCursor!, count: 3 }, { codec, queryKey });
      expect(back.Resources).to.deep.equal(['d', 'e', 'f']);
    });

    it('should answer a cursor of another query or a garbled cursor with 400 invalidCursor', () => {
      const next = paginate(items, { method: 'cursor', cursor: '', count: 2 }, { codec, queryKey }).nextCursor!;
      const other = cursorQueryKey({ resourceType: 'User', filter: 'active eq false' });
      expect(scimError(() => paginate(items, { method: 'cursor', cursor: next, count: 2 }, { codec, queryKey: other }))).to.include({ status: 400, scimType: 'invalidCursor' });
      for (const bad of ['x', '!!', next.slice(0, -2), Buffer.from('5.1.abc').toString('base64url')]) {
        expect(scimError(() => codec.decode(bad, queryKey)).scimType).to.equal('invalidCursor');
      }
      expect(scimError(() => createCursorCodec({ secret: 'other' }).decode(next, queryKey)).scimType).to.equal('invalidCursor');
    });

    it('should answer a cursor older than the timeout with 400 expiredCursor', () => {
      const next = codec.encode(2, queryKey);
      clock += 61_000;
      expect(scimError(() => codec.decode(next, queryKey))).to.include({ status: 400, scimType: 'expiredCursor' });
    });
  });

  describe('#listResponse()', () => {
    it('should build the RFC 7644 §3.4.2 envelope with Resources last', () => {
      const body = listResponse([{ id: '1' }], { totalResults: 10, startIndex: 1 });
      expect(body).to.deep.equal({ schemas: [URN.ListResponse], totalResults: 10, itemsPerPage: 1, startIndex: 1, Resources: [{ id: '1' }] });
      expect(Object.keys(body)).to.deep.equal(['schemas', 'totalResults', 'itemsPerPage', 'startIndex', 'Resources']);
      expect(listResponse([])).to.deep.equal({ schemas: [URN.ListResponse], totalResults: 0, itemsPerPage: 0, Resources: [] });
    });
  });
});
