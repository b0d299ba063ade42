/**
 * @module server/quirks/operations
 * Apps that implement only part of RFC 7644 §3: no DELETE, no PUT, no filtering, no Groups at all.
 * They answer the way real apps do, with 405, 501, 404 or 403 and a SCIM error body.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.2
 */
import { ScimError } from '../../scim/errors.js';
import type { ResourceTypeName } from '../store/types.js';
import type { OperationsQuirk, QuirkProfile } from './profile.js';
import type { ScimOperation } from './types.js';

const HTTP_OF: Readonly<Record<ScimOperation, string>> = {
  list: 'GET', filter: 'GET', get: 'GET', create: 'POST', replace: 'PUT', patch: 'PATCH', delete: 'DELETE',
};

/** The refusal for an unsupported operation, or undefined when the app supports it. */
export function unsupportedOperation(
  quirk: OperationsQuirk,
  resourceType: ResourceTypeName,
  operation: ScimOperation,
): ScimError | undefined {
  if (quirk[resourceType]?.[operation] !== false) return undefined;
  const status = quirk.status ?? 405;
  const detail = quirk.detail ?? `${HTTP_OF[operation]} (${operation}) is not supported for ${resourceType} resources`;
  return new ScimError(status, undefined, detail);
}

/** Apps without group provisioning: every /Groups request is refused. */
export function groupsRefusal(quirk: NonNullable<QuirkProfile['groupsUnsupported']>): ScimError | undefined {
  if (quirk === false) return undefined;
  const options = quirk === true ? {} : quirk;
  return new ScimError(options.status ?? 501, undefined, options.detail ?? 'Group provisioning is not supported');
}
