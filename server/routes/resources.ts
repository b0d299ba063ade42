/**
 * @module server/routes/resources
 * /Users and /Groups over HTTP: RFC 7644 §3.3 create (201 + Location), §3.4.1 retrieve,
 * §3.4.2 query, §3.4.3 per-type /.search, §3.5.1 replace, §3.5.2 modify, §3.6 delete, with
 * §3.14 versions (ETag, If-Match → 412, If-None-Match → 304).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.3
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { ScimError } from '../../scim/errors.js';
import type { ResourceTypeName } from '../store/types.js';
import type { TargetContext } from '../context.js';
import { sendNoContent, sendNotModified, sendScim } from '../respond.js';
import { isNotModified } from '../preconditions.js';
import { listQueryFromSearch, listQueryFromUrl, projectionFromQuery } from './query-params.js';

function ifMatch(req: Request): string | undefined {
  const value = req.headers['if-match'];
  return typeof value === 'string' ? value : undefined;
}

function methodNotAllowed(allowed: string) {
  return (req: Request, res: Response) => {
    res.setHeader('Allow', allowed);
    throw ScimError.methodNotAllowed(`${req.method} is not supported on this endpoint (allowed: ${allowed})`);
  };
}

export function resourceRouter(ctx: TargetContext, type: ResourceTypeName): Router {
  const router = Router();
  const { endpoints } = ctx;

  router.get('/', (req, res) => {
    sendScim(res, 200, endpoints.list(type, listQueryFromUrl(req.query as Record<string, unknown>)));
  });

  router.post('/.search', (req, res) => {
    sendScim(res, 200, endpoints.list(type, listQueryFromSearch(req.body)));
  });

  router.post('/', async (req, res) => {
    const created = await endpoints.create(type, req.body);
    // RFC 7644 §3.3 (SHALL): 201 with the resource and its URI in Location.
    sendScim(res, 201, endpoints.render(type, created, projectionFromQuery(req.query as Record<string, unknown>)), {
      etag: created.meta.version,
      location: created.meta.location,
    });
  });

  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/.search', methodNotAllowed('POST'));

  router.get('/:id', (req, res) => {
    const resource = endpoints.get(type, req.params.id!);
    if (isNotModified(stringHeader(req, 'if-none-match'), resource.meta.version)) return sendNotModified(res, resource.meta.version);
    sendScim(res, 200, endpoints.render(type, resource, projectionFromQuery(req.query as Record<string, unknown>)), {
      etag: resource.meta.version,
      location: resource.meta.location,
    });
  });

  router.put('/:id', async (req, res) => {
    const replaced = await endpoints.replace(type, req.params.id!, req.body, ifMatch(req));
    sendScim(res, 200, endpoints.render(type, replaced, projectionFromQuery(req.query as Record<string, unknown>)), {
      etag: replaced.meta.version,
      location: replaced.meta.location,
    });
  });

  router.patch('/:id', async (req, res) => {
    const patched = await endpoints.patch(type, req.params.id!, req.body, ifMatch(req));
    const query = req.query as Record<string, unknown>;
    const projection = projectionFromQuery(query);
    // RFC 7644 §3.5.2: 200 with the resource or 204 without. Groups answer 204 unless attributes
    // were asked for (Entra prefers not to receive member lists back, ENTRA-SPEC §6.6).
    if (type === 'Group' && !projection.attributes && !projection.excludedAttributes) {
      return sendNoContent(res, { etag: patched.meta.version });
    }
    sendScim(res, 200, endpoints.render(type, patched, projection), { etag: patched.meta.version, location: patched.meta.location });
  });

  router.delete('/:id', async (req, res) => {
    await endpoints.delete(type, req.params.id!, ifMatch(req));
    // RFC 7644 §3.6 (MUST): 204 No Content.
    sendNoContent(res);
  });

  router.all('/:id', methodNotAllowed('GET, PUT, PATCH, DELETE'));
  return router;
}

function stringHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
