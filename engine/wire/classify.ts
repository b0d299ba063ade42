/**
 * @module engine/wire/classify
 * Turns a target's answer into the outcome Entra logs (ENTRA-SPEC §6.7, §7.4): an error code, a
 * category, a human reason carrying the target's detail, and what to do next — retry within the
 * cycle (429, or 503 with Retry-After), next cycle (5xx, network), escrow (the object's own
 * problem), quarantine (the job cannot work: credentials, a target that is not SCIM), or nothing.
 * Pure; the engine acts on the outcome.
 *
 * Categories: `failure` when the service or the connection failed (5xx, 429, network, credentials,
 * an incompatible answer), `nonServiceFailure` when the target refused this object's data (§7.1's
 * 409 example). 4xx answers to the probe quarantine: the probe asks for nothing but a user that
 * cannot exist, so any refusal is the job's, not an object's (§6.3).
 */
import { STATUS_CODES } from 'node:http';
import type { ScimClientError } from '../../scim/client/client-error.js';
import { isObject } from '../../scim/path/values.js';
import { cleanText, targetDetail } from './detail.js';

export type WireOperation = 'probe' | 'match' | 'read' | 'create' | 'update' | 'disable' | 'delete' | 'reference';

export type ErrorCategory = 'nonServiceFailure' | 'failure';

export type RetryPolicy = 'none' | 'in-cycle' | 'next-cycle' | 'escrow' | 'quarantine';

export type Outcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly errorCode: string;
      readonly errorCategory: ErrorCategory;
      readonly reason: string;
      readonly retry: RetryPolicy;
      readonly retryAfterMs?: number;
    };

export type FailedOutcome = Extract<Outcome, { ok: false }>;

/** What classifyResponse reads of a response (a scim/client ScimResponse fits). */
export interface WireResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly scimError?: { readonly detail?: string; readonly scimType?: string } | undefined;
  readonly retryAfterMs?: number | undefined;
}

const SCIM = 'SystemForCrossDomainIdentityManagement';
export const ERROR_CODES = {
  credentialValidationFailure: `${SCIM}CredentialValidationFailure`,
  serviceIncompatible: `${SCIM}ServiceIncompatible`,
  badResponse: `${SCIM}BadResponse`,
} as const;

const DOING: Readonly<Record<WireOperation, string>> = {
  probe: 'testing the connection',
  match: 'looking up the matching object',
  read: 'reading the object',
  create: 'creating the object',
  update: 'updating the object',
  disable: 'disabling the object',
  delete: 'deleting the object',
  reference: 'updating a reference attribute',
};

/** Operations on an object the job already linked: a 404 means it vanished from the target. */
const LINKED: ReadonlySet<WireOperation> = new Set(['read', 'update', 'disable', 'delete', 'reference']);

const LICENSE = /licen[cs]e|\bseats?\b/i;

export function classifyResponse(res: WireResponse, operation: WireOperation): Outcome {
  const { status } = res;
  if (status >= 200 && status < 300) return classifyBody(res, operation);
  const detail = targetDetail(res.body, res.scimError);
  const fail = (errorCode: string, errorCategory: ErrorCategory, retry: RetryPolicy, extra: { retryAfterMs?: number } = {}): FailedOutcome => ({
    ok: false, errorCode, errorCategory, reason: httpReason(status, operation, detail), retry, ...extra,
  });
  // an object's problem escrows it; at the probe, the whole job cannot run (§6.3)
  const objectRetry: RetryPolicy = operation === 'probe' ? 'quarantine' : 'escrow';
  const scimType = res.scimError?.scimType;

  if (status === 401) {
    return fail(operation === 'probe' ? ERROR_CODES.credentialValidationFailure : 'Unauthorized', 'failure', 'quarantine');
  }
  if (status === 403) return fail(detail !== undefined && LICENSE.test(detail) ? 'LicenseLimitExceeded' : 'InsufficientRights', 'nonServiceFailure', objectRetry);
  if (status === 405) return fail('MethodNotAllowed', 'nonServiceFailure', objectRetry);
  if (status === 404) {
    if (LINKED.has(operation)) return fail('InvalidAnchor', 'nonServiceFailure', 'none');
    // a query or POST on the resource endpoint must not 404: the endpoint is not SCIM-compliant
    return fail(ERROR_CODES.serviceIncompatible, 'failure', 'quarantine');
  }
  if (status === 409 || scimType === 'uniqueness') return fail('EntryConflict', 'nonServiceFailure', objectRetry);
  if (status === 400 || status === 422) return fail(badRequestCode(detail, scimType), 'nonServiceFailure', objectRetry);
  if (status === 429) return fail('TooManyRequests', 'failure', 'in-cycle', retryAfter(res));
  if (status === 501) return fail('NotImplemented', 'nonServiceFailure', objectRetry);
  if (status >= 500 && status < 600) {
    // 503 with Retry-After says when to come back; other 5xx wait for the next cycle (§7.4, ~40 min)
    const soon = status === 503 && res.retryAfterMs !== undefined;
    return fail('InternalServerError', 'failure', soon ? 'in-cycle' : 'next-cycle', retryAfter(res));
  }
  if (status >= 400 && status < 500) return fail(ERROR_CODES.badResponse, 'nonServiceFailure', objectRetry);
  // 1xx / 3xx: not an answer a SCIM client can use
  return fail(ERROR_CODES.serviceIncompatible, 'failure', objectRetry);
}

/** A network failure (no HTTP response): retried next cycle (§7.4). */
export function classifyNetworkFailure(error: ScimClientError): FailedOutcome {
  const timeout = error.kind === 'timeout';
  return {
    ok: false,
    errorCode: timeout ? 'Timeout' : 'WebExceptionProtocolError',
    errorCategory: 'failure',
    reason: timeout
      ? `The SCIM endpoint did not answer in time: ${cleanText(error.message)}`
      : `The request to the SCIM endpoint failed without an HTTP response (${error.kind}): ${cleanText(error.message)}`,
    retry: 'next-cycle',
  };
}

function retryAfter(res: WireResponse): { retryAfterMs?: number } {
  return res.retryAfterMs === undefined ? {} : { retryAfterMs: res.retryAfterMs };
}

/** §6.7 / §7.4: a 400 or 422 says why in its detail or scimType; otherwise it is a bad response. */
function badRequestCode(detail: string | undefined, scimType: string | undefined): string {
  const text = detail ?? '';
  if (LICENSE.test(text)) return 'LicenseLimitExceeded';
  if (/\bdomain\b/i.test(text)) return 'InvalidDomain';
  if (/\b(required|mandatory)\b/i.test(text)) return 'MandatoryFieldsMissing';
  if (scimType === 'invalidPath' || /\b(unknown|unrecognized|unsupported|no such|undefined) attribute|attribute\b.*\b(not found|does not exist|is not defined|not supported|unknown)/i.test(text)) {
    return 'SchemaAttributeNotFound';
  }
  return ERROR_CODES.badResponse;
}

/** A 2xx is a success unless the body the operation needs is missing or not SCIM. */
function classifyBody(res: WireResponse, operation: WireOperation): Outcome {
  const body = res.body;
  const incompatible = (what: string): FailedOutcome => ({
    ok: false,
    errorCode: ERROR_CODES.serviceIncompatible,
    errorCategory: 'failure',
    reason: `The SCIM endpoint answered ${res.status} while ${DOING[operation]}, but ${what}. The SCIM endpoint is not fully compatible with the SCIM client.`,
    retry: operation === 'probe' ? 'quarantine' : 'escrow',
  });
  switch (operation) {
    case 'probe':
    case 'match': {
      if (!isObject(body)) return incompatible('the body is not a SCIM ListResponse');
      const resources = body.Resources;
      // RFC 7644 §3.4.2: Resources is REQUIRED when totalResults is non-zero
      if (resources === undefined && body.totalResults === 0) return { ok: true };
      if (!Array.isArray(resources)) return incompatible('the ListResponse has no Resources array');
      if (operation === 'match' && resources.length > 1) {
        return {
          ok: false,
          errorCode: 'DuplicateTargetEntries',
          errorCategory: 'nonServiceFailure',
          reason: `The SCIM endpoint returned ${resources.length} objects while ${DOING[operation]}; exactly one or none was expected.`,
          retry: 'escrow',
        };
      }
      return { ok: true };
    }
    case 'read':
      return isObject(body) ? { ok: true } : incompatible('the body is not a SCIM resource');
    case 'create':
      return isObject(body) && typeof body.id === 'string' && body.id !== '' ? { ok: true } : incompatible('the body is not a SCIM resource with an id');
    default:
      // PATCH and DELETE: 200 with a body or 204 without one are both fine (§6.5)
      return { ok: true };
  }
}

function httpReason(status: number, operation: WireOperation, detail: string | undefined): string {
  const text = STATUS_CODES[status];
  const head = `The SCIM endpoint returned an error response with the HTTP status code ${status}${text ? ` (${text})` : ''} while ${DOING[operation]}`;
  return detail === undefined ? `${head}.` : `${head}: ${detail}`;
}
