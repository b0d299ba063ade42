/**
 * @module conformance/checks/paging
 * Index pagination, RFC 7644 §3.4.2.4, and cursor pagination, RFC 9865.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.4
 */
import { expectEqual, expectListResponse, fail } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { ALL, RFC, RFC_OKTA, pageSet } from './helpers.js';

function pagingCheck(id: string, title: string, run: (ctx: CheckContext, scope: string, ids: string[]) => Promise<void>, extra: Partial<Check> = {}): Check {
  return {
    id, title, area: 'paging', spec: 'RFC 7644 §3.4.2.4', level: 'MUST', profiles: RFC, requires: ['filter'], mutating: true, ...extra,
    async run(ctx) {
      const set = await pageSet(ctx);
      await run(ctx, set.scope, set.users.map((u) => u.id).sort());
    },
  };
}

export const pagingChecks: Check[] = [
  {
    id: 'paging-count-unfiltered', title: 'GET /Users?startIndex=1&count=1 returns at most one user', area: 'paging',
    spec: 'RFC 7644 §3.4.2.4', level: 'MUST', profiles: ALL, mutating: false,
    async run(ctx) {
      const list = expectListResponse(await ctx.client.list('/Users', { startIndex: 1, count: 1 }), 'GET /Users?count=1');
      if (list.Resources.length > 1) fail('count not honoured', '<= 1 resource', list.Resources.length);
    },
  },
  pagingCheck('paging-count', 'count limits the page and totalResults counts all matches', async (ctx, scope) => {
    const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, count: 2 }), 'count=2');
    expectEqual([list.totalResults, list.Resources.length, list.itemsPerPage], [5, 2, 2], 'totalResults, Resources, itemsPerPage');
  }, { profiles: RFC_OKTA }),
  pagingCheck('paging-walk', 'walking pages of 2 visits every match exactly once', async (ctx, scope, ids) => {
    const seen: string[] = [];
    for (let start = 1; start <= 5; start += 2) {
      const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, startIndex: start, count: 2 }), `startIndex=${start}`);
      expectEqual(list.totalResults, 5, `totalResults on page ${start}`);
      seen.push(...list.Resources.map((r) => String(r.id)));
    }
    expectEqual(seen.slice().sort(), ids, 'ids across pages');
  }, { profiles: RFC_OKTA }),
  pagingCheck('paging-start-index-echo', 'the response states the startIndex it used', async (ctx, scope) => {
    const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, startIndex: 3, count: 2 }), 'startIndex=3');
    expectEqual(list.startIndex, 3, 'startIndex');
  }),
  pagingCheck('paging-start-index-below-one', 'startIndex below 1 is read as 1', async (ctx, scope) => {
    const first = expectListResponse(await ctx.client.list('/Users', { filter: scope, startIndex: 1, count: 2 }), 'startIndex=1');
    const zero = expectListResponse(await ctx.client.list('/Users', { filter: scope, startIndex: 0, count: 2 }), 'startIndex=0');
    expectEqual(zero.Resources.map((r) => r.id), first.Resources.map((r) => r.id), 'page for startIndex=0');
  }),
  pagingCheck('paging-count-zero', 'count=0 returns totalResults and no resources', async (ctx, scope) => {
    const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, count: 0 }), 'count=0');
    expectEqual([list.totalResults, list.Resources.length], [5, 0], 'totalResults, Resources');
  }),
  pagingCheck('paging-count-negative', 'a negative count is read as 0', async (ctx, scope) => {
    const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, count: -1 }), 'count=-1');
    expectEqual([list.totalResults, list.Resources.length], [5, 0], 'totalResults, Resources');
  }),
  pagingCheck('paging-beyond-end', 'a startIndex past the end returns an empty page', async (ctx, scope) => {
    const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, startIndex: 50, count: 2 }), 'startIndex=50');
    expectEqual([list.totalResults, list.Resources.length], [5, 0], 'totalResults, Resources');
  }),
  pagingCheck('paging-cursor', 'cursor pages follow nextCursor through every match', async (ctx, scope, ids) => {
    const seen: string[] = [];
    let cursor: string | undefined = '';
    for (let page = 0; cursor !== undefined && page < 10; page++) {
      const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, count: 2, cursor }), `cursor page ${page + 1}`);
      seen.push(...list.Resources.map((r) => String(r.id)));
      cursor = typeof list.nextCursor === 'string' && list.nextCursor ? list.nextCursor : undefined;
    }
    expectEqual(seen.slice().sort(), ids, 'ids across cursor pages');
  }, { spec: 'RFC 9865 §2', requires: ['filter', 'cursor'] }),
];
