/**
 * @module server/routes/scim
 * The SCIM endpoints under /scim/v2 (RFC 7644 §3.2): resources, root /.search (§3.4.3), /Bulk
 * (§3.7), the discovery endpoints (§4, read-only), /Me (§3.11, not implemented → 501).
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.2
 */
import { Router } from 'express';
import { ScimError } from '../../scim/errors.js';
import type { TargetContext } from '../context.js';
import { sendScim } from '../respond.js';
import { discoveryRouter } from './discovery.js';
import { bulkRouter } from './bulk.js';
import { listQueryFromSearch } from './query-params.js';

/** Everything under /scim/v2 but /Users and /Groups, which ./resources.ts serves in front of it. */
export function scimRouter(ctx: TargetContext): Router {
  const router = Router();
  // RFC 7644 §3.4.3: a search at the root covers every resource type.
  router.post('/.search', (req, res) => {
    sendScim(res, 200, ctx.endpoints.list(['User', 'Group'], listQueryFromSearch(req.body)));
  });
  router.use('/Bulk', bulkRouter(ctx));
  router.use(discoveryRouter(ctx));
  // RFC 7644 §3.11 (MAY): /Me needs a subject mapping from the token, which a mock target lacks.
  router.all(/^\/Me(\/.*)?$/i, () => {
    throw ScimError.notImplemented('/Me is not supported by this service provider');
  });
  return router;
}
