/**
 * @module conformance/checks/bulk
 * Bulk operations, RFC 7644 §3.7, when ServiceProviderConfig advertises bulk.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.7
 */
import { URN } from '../../scim/types.js';
import type { BulkOperationResponse, BulkResponse } from '../../scim/types.js';
import type { ScimResponse } from '../../scim/client/index.js';
import { expectEqual, expectStatus, fail, memberIds } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { RFC, read } from './helpers.js';

function bulkCheck(id: string, title: string, run: (ctx: CheckContext) => Promise<void>, extra: Partial<Check> = {}): Check {
  return { id, title, area: 'bulk', spec: 'RFC 7644 §3.7', level: 'MUST', profiles: RFC, requires: ['bulk'], mutating: true, run, ...extra };
}

/** The BulkResponse operations, with every created resource tracked for cleanup. */
function operations(ctx: CheckContext, res: ScimResponse<BulkResponse>): BulkOperationResponse[] {
  const ops = res.body?.Operations;
  for (const op of Array.isArray(ops) ? ops : []) {
    const match = typeof op.location === 'string' ? /\/(Users|Groups)\/([^/?#]+)$/.exec(op.location) : null;
    if (match && op.method?.toUpperCase() === 'POST') ctx.track(`/${match[1] as 'Users' | 'Groups'}`, decodeURIComponent(match[2]!));
  }
  expectStatus(res, 200, 'POST /Bulk');
  if (!Array.isArray(ops)) fail('BulkResponse without Operations', 'Operations array', res.body, res);
  return ops;
}

export const bulkChecks: Check[] = [
  bulkCheck('bulk-create', 'a Bulk request creates users and reports 201 with locations', async (ctx) => {
    const res = await ctx.client.bulk({ Operations: [1, 2].map((n) => ({ method: 'POST', path: '/Users', bulkId: `u${n}`, data: ctx.userBody() })) });
    const ops = operations(ctx, res);
    expectEqual(ops.map((o) => String(o.status)), ['201', '201'], 'statuses');
    if (ops.some((o) => typeof o.location !== 'string')) fail('location missing', 'a location per created resource', ops, res);
    if (!res.body.schemas?.includes(URN.BulkResponse)) fail('BulkResponse schema missing', URN.BulkResponse, res.body.schemas, res);
  }),
  bulkCheck('bulk-bulk-id-reference', 'bulkId references resolve (a group member created in the same request)', async (ctx) => {
    const res = await ctx.client.bulk({ Operations: [
      { method: 'POST', path: '/Users', bulkId: 'member', data: ctx.userBody() },
      { method: 'POST', path: '/Groups', bulkId: 'group', data: ctx.groupBody({ members: [{ type: 'User', value: 'bulkId:member' }] }) },
    ] });
    const ops = operations(ctx, res);
    expectEqual(ops.map((o) => String(o.status)), ['201', '201'], 'statuses');
    const userId = /\/Users\/([^/]+)$/.exec(String(ops[0]!.location))?.[1];
    const groupId = /\/Groups\/([^/]+)$/.exec(String(ops[1]!.location))?.[1];
    if (!userId || !groupId) fail('locations unusable', '…/Users/{id}, …/Groups/{id}', ops, res);
    expectEqual(memberIds(await read(ctx, '/Groups', decodeURIComponent(groupId))), [decodeURIComponent(userId)], 'group members');
  }, { spec: 'RFC 7644 §3.7.2', requires: ['bulk', 'groups'] }),
  bulkCheck('bulk-mixed-methods', 'PUT, PATCH and DELETE in one Bulk request each report their status', async (ctx) => {
    const [a, b, c] = [await ctx.createUser(), await ctx.createUser(), await ctx.createUser()];
    const res = await ctx.client.bulk({ Operations: [
      { method: 'PUT', path: `/Users/${a.id}`, data: ctx.userBody({ userName: a.userName, displayName: 'Bulk Put' }) },
      { method: 'PATCH', path: `/Users/${b.id}`, data: { schemas: [URN.PatchOp], Operations: [{ op: 'replace', path: 'displayName', value: 'Bulk Patch' }] } },
      { method: 'DELETE', path: `/Users/${c.id}` },
    ] });
    const statuses = operations(ctx, res).map((o) => String(o.status));
    if (statuses[0] !== '200' || !['200', '204'].includes(String(statuses[1])) || statuses[2] !== '204') fail('wrong statuses', ['200', '200|204', '204'], statuses, res);
    expectStatus(await ctx.client.get('/Users', c.id), 404, 'GET the user the Bulk request deleted');
  }, { requires: ['bulk', 'patch'] }),
  bulkCheck('bulk-error-status', 'a failing operation reports its error status and SCIM error', async (ctx) => {
    const taken = await ctx.createUser();
    const res = await ctx.client.bulk({ Operations: [{ method: 'POST', path: '/Users', bulkId: 'dup', data: ctx.userBody({ userName: taken.userName }) }] });
    const [op] = operations(ctx, res);
    expectEqual(String(op?.status), '409', 'status of the conflicting create');
  }, { spec: 'RFC 7644 §3.7.3' }),
  bulkCheck('bulk-fail-on-errors', 'failOnErrors=1 stops after the first error', async (ctx) => {
    const { userName: _missing, ...invalid } = ctx.userBody();
    const res = await ctx.client.bulk({ failOnErrors: 1, Operations: [
      { method: 'POST', path: '/Users', bulkId: 'bad', data: invalid },
      { method: 'POST', path: '/Users', bulkId: 'never', data: ctx.userBody() },
    ] });
    const ops = operations(ctx, res);
    if (ops.length !== 1 || !String(ops[0]!.status).startsWith('4')) fail('processing did not stop after the first error', 'one 4xx operation result', ops, res);
  }, { spec: 'RFC 7644 §3.7.3' }),
  bulkCheck('bulk-max-operations-413', 'more operations than maxOperations answers 413', async (ctx) => {
    const max = Number((ctx.discovery.spc?.bulk as { maxOperations?: number } | undefined)?.maxOperations);
    if (!Number.isInteger(max) || max > 1000) ctx.skip('maxOperations not stated or above 1000');
    const Operations = Array.from({ length: max + 1 }, (_, i) => ({ method: 'DELETE', path: `/Users/${ctx.prefix}-absent-${i}` }));
    expectStatus(await ctx.client.bulk({ Operations }), 413, `POST /Bulk with ${max + 1} operations`);
  }, { spec: 'RFC 7644 §3.7.4' }),
];
