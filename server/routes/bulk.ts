/**
 * @module server/routes/bulk
 * POST /Bulk, RFC 7644 §3.7: operations run in order through the same endpoints as single
 * requests; `bulkId:<id>` references in a later operation's data (or path) are replaced by the id
 * the earlier POST created (§3.7.2); an operation that refers to one created later waits for it,
 * and operations that refer to each other in a cycle fail with 409 (§3.7.1); processing stops after
 * `failOnErrors` errors (§3.7.3); more than maxOperations → 413 (§3.7.4).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.7
 */
import { Router } from 'express';
import { ScimError } from '../../scim/errors.js';
import { URN } from '../../scim/types.js';
import type { BulkOperation, BulkOperationResponse, BulkResponse } from '../../scim/types.js';
import type { TargetContext } from '../context.js';
import { sendScim } from '../respond.js';
import { bulkIdsIn, replaceBulkIds } from './bulk-ids.js';
import { errorResult, runBulkOperation } from './bulk-operation.js';

interface Pending {
  index: number;
  op: BulkOperation;
  /** bulkIds this operation refers to */
  refs: Set<string>;
}

export function bulkRouter(ctx: TargetContext): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const { operations, failOnErrors } = readBulkRequest(req.body, ctx.bulk.maxOperations);
    sendScim(res, 200, await runBulk(ctx, operations, failOnErrors));
  });
  router.all('/', (req) => {
    throw ScimError.methodNotAllowed(`${req.method} is not supported on /Bulk (allowed: POST)`);
  });
  return router;
}

function readBulkRequest(body: unknown, maxOperations: number): { operations: BulkOperation[]; failOnErrors: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw ScimError.invalidSyntax('The body of /Bulk must be a BulkRequest message');
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.schemas) || !b.schemas.includes(URN.BulkRequest)) {
    throw ScimError.invalidSyntax(`A BulkRequest must list the schema ${URN.BulkRequest}`);
  }
  if (!Array.isArray(b.Operations)) throw ScimError.invalidSyntax('A BulkRequest needs an "Operations" array');
  // RFC 7644 §3.7.4 (MUST): more operations than maxOperations → 413 with a SCIM error.
  if (b.Operations.length > maxOperations) {
    throw ScimError.payloadTooLarge(`The bulk request has ${b.Operations.length} operations; maxOperations is ${maxOperations}`);
  }
  let failOnErrors = Infinity;
  if (b.failOnErrors !== undefined) {
    if (!Number.isInteger(b.failOnErrors) || (b.failOnErrors as number) < 1) throw ScimError.invalidValue('failOnErrors must be a positive integer');
    failOnErrors = b.failOnErrors as number;
  }
  b.Operations.forEach((op, i) => {
    if (typeof op !== 'object' || op === null || Array.isArray(op)) throw ScimError.invalidSyntax(`operation ${i + 1}: must be an object`);
    const o = op as Record<string, unknown>;
    if (typeof o.method !== 'string' || typeof o.path !== 'string') throw ScimError.invalidSyntax(`operation ${i + 1}: needs string "method" and "path"`);
    if (o.bulkId !== undefined && (typeof o.bulkId !== 'string' || o.bulkId.length === 0)) throw ScimError.invalidSyntax(`operation ${i + 1}: "bulkId" must be a non-empty string`);
    if (o.version !== undefined && typeof o.version !== 'string') throw ScimError.invalidSyntax(`operation ${i + 1}: "version" must be a string`);
  });
  return { operations: b.Operations as BulkOperation[], failOnErrors };
}

async function runBulk(ctx: TargetContext, operations: BulkOperation[], failOnErrors: number): Promise<BulkResponse> {
  const results: (BulkOperationResponse | undefined)[] = new Array(operations.length);
  const created = new Map<string, string>();
  const failedIds = new Set<string>();
  // bulkIds that a POST in this request defines: a reference to one of them may wait for it.
  const defined = new Set(operations.filter((op) => op.bulkId && op.method.toUpperCase() === 'POST').map((op) => op.bulkId!));
  let queue: Pending[] = operations.map((op, index) => ({ index, op, refs: bulkIdsIn(op) }));
  let errors = 0;

  const record = (p: Pending, result: BulkOperationResponse) => {
    results[p.index] = result;
    if (Number(result.status) >= 400) {
      errors++;
      if (p.op.bulkId) failedIds.add(p.op.bulkId);
    }
  };

  while (queue.length > 0 && errors < failOnErrors) {
    const waiting: Pending[] = [];
    let progressed = false;
    for (const p of queue) {
      if (errors >= failOnErrors) break;
      const missing = [...p.refs].filter((id) => !created.has(id));
      const blocked = missing.find((id) => failedIds.has(id) || !defined.has(id));
      if (blocked !== undefined) {
        const error = failedIds.has(blocked)
          ? new ScimError(409, undefined, `bulkId:${blocked} refers to an operation that failed`)
          : ScimError.invalidValue(`bulkId:${blocked} is not defined by any POST operation of this request`);
        record(p, errorResult(p.op, error));
        progressed = true;
        continue;
      }
      if (missing.length > 0) {
        waiting.push(p);
        continue;
      }
      progressed = true;
      let op: BulkOperation;
      try {
        op = p.refs.size > 0 ? replaceBulkIds(p.op, created) : p.op;
      } catch (error) {
        if (!(error instanceof ScimError)) throw error;
        record(p, errorResult(p.op, error));
        continue;
      }
      const result = await runBulkOperation(ctx, op);
      if (p.op.bulkId && result.created) created.set(p.op.bulkId, result.created);
      record(p, result.response);
    }
    if (!progressed) {
      // RFC 7644 §3.7.1: references that can only be resolved in a cycle → 409.
      for (const p of waiting) {
        if (errors >= failOnErrors) break;
        record(p, errorResult(p.op, new ScimError(409, undefined, `Circular bulkId reference between operations (${[...p.refs].map((r) => `bulkId:${r}`).join(', ')})`)));
      }
      break;
    }
    queue = waiting;
  }
  return { schemas: [URN.BulkResponse], Operations: results.filter((r): r is BulkOperationResponse => r !== undefined) };
}
