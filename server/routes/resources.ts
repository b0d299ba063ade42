/**
 * @module server/routes/resources
 * /Users and /Groups over HTTP: RFC 7644 §3.3 create (201 + Location), §3.4.1 retrieve,
 * §3.4.2 query, §3.4.3 per-type /.search, §3.5.1 replace, §3.5.2 modify, §3.6 delete, with
 * §3.14 versions (ETag, If-Match → 412, If-None-Match → 304).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.3
 *
 * One middleware dispatches on the path's segments instead of a nested express Router per type:
 * these are the hot endpoints of a provisioning cycle, and two router levels cost more per request
 * than the lookup they serve. It matches the way express routes (case-insensitive, an optional
 * trailing slash, the id URI-decoded, HEAD served as GET) and passes anything else on.
 */
import type { NextFunction, Request, Response } from 'express';
import { ScimError } from '../../scim/errors.js';
import type { ResourceTypeName } from '../store/types.js';
import type { TargetContext } from '../context.js';
import { sendNoContent, sendNotModified, sendScim } from '../respond.js';
import { isNotModified } from '../preconditions.js';
import { listQueryFromSearch, listQueryFromUrl, projectionFromQuery } from './query-params.js';

type Query = Record<string, unknown>;

/** the endpoint a path names: the collection, its /.search, or one resource */
type Target = { type: ResourceTypeName; kind: 'collection' | 'search' } | { type: ResourceTypeName; kind: 'item'; id: string };

const COLLECTIONS: ReadonlyMap<string, ResourceTypeName> = new Map([
  ['users', 'User'],
  ['groups', 'Group'],
]);

const ALLOWED = { collection: 'GET, POST', search: 'POST', item: 'GET, PUT, PATCH, DELETE' } as const;

/** `path` is relative to the SCIM base path: `/Users`, `/Users/`, `/Users/.search`, `/Users/{id}[/]` */
export function matchResourcePath(path: string): Target | undefined {
  const slash = path.indexOf('/', 1);
  const type = COLLECTIONS.get((slash < 0 ? path.slice(1) : path.slice(1, slash)).toLowerCase());
  if (type === undefined) return undefined;
  if (slash < 0 || slash === path.length - 1) return { type, kind: 'collection' };
  const end = path.endsWith('/') ? path.length - 1 : path.length;
  const segment = path.slice(slash + 1, end);
  if (segment === '' || segment.includes('/')) return undefined;
  if (segment.toLowerCase() === '.search') return { type, kind: 'search' };
  return { type, kind: 'item', id: decodeSegment(segment) };
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    // As express reports an undecodable route parameter: 400.
    throw Object.assign(new URIError(`Failed to decode param '${segment}'`), { status: 400 });
  }
}

function ifMatch(req: Request): string | undefined {
  return stringHeader(req, 'if-match');
}

function stringHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function methodNotAllowed(req: Request, res: Response, allowed: string): never {
  res.setHeader('Allow', allowed);
  throw ScimError.methodNotAllowed(`${req.method} is not supported on this endpoint (allowed: ${allowed})`);
}

/** Serves `path` (relative to the SCIM base path) or passes the request on with next(). */
export type ResourceDispatch = (req: Request, res: Response, next: NextFunction, path: string) => unknown;

export function resourceRoutes(ctx: TargetContext): ResourceDispatch {
  const { endpoints } = ctx;

  const list = (req: Request, res: Response, type: ResourceTypeName) => {
    sendScim(res, 200, endpoints.list(type, listQueryFromUrl(req.query as Query)));
  };

  const search = (req: Request, res: Response, type: ResourceTypeName) => {
    sendScim(res, 200, endpoints.list(type, listQueryFromSearch(req.body)));
  };

  const create = async (req: Request, res: Response, type: ResourceTypeName) => {
    const created = await endpoints.create(type, req.body);
    // RFC 7644 §3.3 (SHALL): 201 with the resource and its URI in Location.
    sendScim(res, 201, endpoints.render(type, created, projectionFromQuery(req.query as Query)), {
      etag: created.meta.version,
      location: created.meta.location,
    });
  };

  const get = (req: Request, res: Response, type: ResourceTypeName, id: string) => {
    const resource = endpoints.get(type, id);
    if (isNotModified(stringHeader(req, 'if-none-match'), resource.meta.version)) return sendNotModified(res, resource.meta.version);
    sendScim(res, 200, endpoints.render(type, resource, projectionFromQuery(req.query as Query)), {
      etag: resource.meta.version,
      location: resource.meta.location,
    });
  };

  const replace = async (req: Request, res: Response, type: ResourceTypeName, id: string) => {
    const replaced = await endpoints.replace(type, id, req.body, ifMatch(req));
    sendScim(res, 200, endpoints.render(type, replaced, projectionFromQuery(req.query as Query)), {
      etag: replaced.meta.version,
      location: replaced.meta.location,
    });
  };

  const patch = async (req: Request, res: Response, type: ResourceTypeName, id: string) => {
    const patched = await endpoints.patch(type, id, req.body, ifMatch(req));
    const projection = projectionFromQuery(req.query as Query);
    // RFC 7644 §3.5.2: 200 with the resource or 204 without. Groups answer 204 unless attributes
    // were asked for (Entra prefers not to receive member lists back, ENTRA-SPEC §6.6).
    if (type === 'Group' && !projection.attributes && !projection.excludedAttributes) {
      return sendNoContent(res, { etag: patched.meta.version });
    }
    sendScim(res, 200, endpoints.render(type, patched, projection), { etag: patched.meta.version, location: patched.meta.location });
  };

  const remove = async (req: Request, res: Response, type: ResourceTypeName, id: string) => {
    await endpoints.delete(type, id, ifMatch(req));
    // RFC 7644 §3.6 (MUST): 204 No Content.
    sendNoContent(res);
  };

  // The caller passes a throw or a rejected promise from here to the error middleware.
  return (req, res, next, path) => {
    const target = matchResourcePath(path);
    if (target === undefined) return next();
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    switch (target.kind) {
      case 'collection':
        if (method === 'GET') return list(req, res, target.type);
        if (method === 'POST') return create(req, res, target.type);
        break;
      case 'search':
        if (method === 'POST') return search(req, res, target.type);
        break;
      case 'item':
        if (method === 'GET') return get(req, res, target.type, target.id);
        if (method === 'PUT') return replace(req, res, target.type, target.id);
        if (method === 'PATCH') return patch(req, res, target.type, target.id);
        if (method === 'DELETE') return remove(req, res, target.type, target.id);
        break;
    }
    methodNotAllowed(req, res, ALLOWED[target.kind]);
  };
}
