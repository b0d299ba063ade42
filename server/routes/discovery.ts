/**
 * @module server/routes/discovery
 * RFC 7644 §4: /ServiceProviderConfig, /ResourceTypes[/{id}], /Schemas[/{id}], read-only (any
 * other method → 405). They require authentication like every other endpoint (Entra sends the
 * token anyway; RFC 7644 §4 leaves it to the provider).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-4
 */
import { Router } from 'express';
import type { Request } from 'express';
import { ScimError } from '../../scim/errors.js';
import type { TargetContext } from '../context.js';
import { sendScim } from '../respond.js';
import * as discovery from '../discovery.js';

function readOnly(req: Request): never {
  // RFC 7644 §4: the discovery endpoints are read-only.
  throw ScimError.methodNotAllowed(`${req.method} is not allowed: ${req.path} is read-only`);
}

export function discoveryRouter(ctx: TargetContext): Router {
  const router = Router();
  router.get('/ServiceProviderConfig', (_req, res) => sendScim(res, 200, discovery.serviceProviderConfig(ctx)));
  router.all('/ServiceProviderConfig', readOnly);
  router.get('/ResourceTypes', (_req, res) => sendScim(res, 200, discovery.resourceTypes(ctx)));
  router.get('/ResourceTypes/:id', (req, res) => sendScim(res, 200, discovery.resourceType(ctx, req.params.id!)));
  router.all(['/ResourceTypes', '/ResourceTypes/:id'], readOnly);
  router.get('/Schemas', (_req, res) => sendScim(res, 200, discovery.schemas(ctx)));
  router.get('/Schemas/:id', (req, res) => sendScim(res, 200, discovery.schema(ctx, req.params.id!)));
  router.all(['/Schemas', '/Schemas/:id'], readOnly);
  return router;
}
