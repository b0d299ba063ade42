/**
 * @module conformance/checks/sort
 * Sorting, RFC 7644 §3.4.2.3.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.3
 */
import { expectEqual, expectListResponse } from '../assert.js';
import type { ScimResource } from '../../scim/types.js';
import type { Check, CheckContext } from '../types.js';
import { RFC, pageSet } from './helpers.js';

async function sortedNames(ctx: CheckContext): Promise<{ scope: string; asc: string[] }> {
  const set = await pageSet(ctx);
  return { scope: set.scope, asc: set.users.map((u) => String(u.userName)).sort() };
}

const names = (list: { Resources: ScimResource[] }) => list.Resources.map((r) => String(r.userName));

function sortCheck(id: string, title: string, run: (ctx: CheckContext, scope: string, asc: string[]) => Promise<void>): Check {
  return {
    id, title, area: 'sort', spec: 'RFC 7644 §3.4.2.3', level: 'MUST', profiles: RFC, requires: ['sort', 'filter'], mutating: true,
    async run(ctx) {
      const { scope, asc } = await sortedNames(ctx);
      await run(ctx, scope, asc);
    },
  };
}

export const sortChecks: Check[] = [
  sortCheck('sort-ascending', 'sortBy=userName&sortOrder=ascending sorts ascending', async (ctx, scope, asc) => {
    expectEqual(names(expectListResponse(await ctx.client.list('/Users', { filter: scope, sortBy: 'userName', sortOrder: 'ascending' }), 'ascending')), asc, 'order');
  }),
  sortCheck('sort-descending', 'sortOrder=descending sorts descending', async (ctx, scope, asc) => {
    expectEqual(names(expectListResponse(await ctx.client.list('/Users', { filter: scope, sortBy: 'userName', sortOrder: 'descending' }), 'descending')), asc.slice().reverse(), 'order');
  }),
  sortCheck('sort-default-ascending', 'sortBy without sortOrder sorts ascending', async (ctx, scope, asc) => {
    expectEqual(names(expectListResponse(await ctx.client.list('/Users', { filter: scope, sortBy: 'userName' }), 'sortBy only')), asc, 'order');
  }),
  sortCheck('sort-then-page', 'sorting applies before paging', async (ctx, scope, asc) => {
    const list = expectListResponse(await ctx.client.list('/Users', { filter: scope, sortBy: 'userName', sortOrder: 'descending', startIndex: 2, count: 2 }), 'sorted page');
    expectEqual(names(list), asc.slice().reverse().slice(1, 3), 'second and third in descending order');
  }),
  sortCheck('sort-search-post', 'POST /.search honours sortBy and sortOrder', async (ctx, scope, asc) => {
    const res = await ctx.client.search('/Users', { filter: scope, sortBy: 'userName', sortOrder: 'descending' });
    expectEqual(names(expectListResponse(res, 'POST /Users/.search sorted')), asc.slice().reverse(), 'order');
  }),
];
