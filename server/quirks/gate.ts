/**
 * @module server/quirks/gate
 * The express middleware that answers in place of the app before any SCIM route runs: throttling
 * (429 + Retry-After, RFC 6585 §4), injected faults (5xx, reset, hang), unsupported operations and
 * missing group support, then latency. With none of them on, the runtime mounts a bare `next()`.
 * https://datatracker.ietf.org/doc/html/rfc6585#section-4
 */
import type { Request, RequestHandler, Response } from 'express';
import { ScimError } from '../../scim/errors.js';
import type { ResourceTypeName } from '../../scim/types.js';
import type { Clock } from '../../util/clock.js';
import { sendScim } from '../respond.js';
import type { FaultPicker } from './faults.js';
import type { LatencyPicker } from './latency.js';
import type { FaultKind, OperationsQuirk } from './profile.js';
import type { RateLimiter } from './rate-limit.js';
import { requestKind } from './request-kind.js';
import type { Timers } from './timers.js';
import type { ScimOperation } from './types.js';
import { unsupportedOperation } from './operations.js';

export interface GateParts {
  rateLimit?: { limiter: RateLimiter; detail?: string };
  faults?: { pick: FaultPicker; retryAfterSeconds?: number };
  operations?: OperationsQuirk;
  groups?: ScimError;
  latency?: LatencyPicker;
  clock: Clock;
  random: () => number;
  timers: Timers;
}

/** What the gate holds open (pending delays, hung requests), so that close() leaves nothing behind. */
export interface GateResources {
  /** cancel function → the response it holds back */
  readonly pending: Map<() => void, Response>;
  readonly hung: Set<Response>;
}

type Outcome = (req: Request, res: Response, next: () => void) => void;

const FAULT_DETAIL: Readonly<Record<'500' | '502' | '503', string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function createGate(parts: GateParts, resources: GateResources): RequestHandler {
  return (req, res, next) => {
    const kind = requestKind(req.method, req.path, typeof req.query?.filter === 'string');
    const outcome = decide(parts, req, kind, resources);
    const delay = parts.latency ? parts.latency(req.method, kind.endpoint, parts.random) : 0;
    if (delay <= 0) return outcome(req, res, next);
    if (res.locals.quirk === undefined) res.locals.quirk = 'latencyMs';
    const cancel = parts.timers.schedule(() => {
      resources.pending.delete(cancel);
      res.off('close', onClose);
      outcome(req, res, next);
    }, delay);
    const onClose = (): void => {
      cancel();
      resources.pending.delete(cancel);
    };
    resources.pending.set(cancel, res);
    res.once('close', onClose);
  };
}

function decide(parts: GateParts, req: Request, kind: ReturnType<typeof requestKind>, resources: GateResources): Outcome {
  if (parts.rateLimit) {
    const key = req.headers.authorization ?? '';
    const decision = parts.rateLimit.limiter.take(key, parts.clock().getTime());
    if (!decision.allowed) {
      const error = new ScimError(429, undefined, parts.rateLimit.detail ?? 'Too many requests');
      return refuse('rateLimit', error, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
  }
  if (parts.faults) {
    const fault = parts.faults.pick();
    if (fault) return faultOutcome(fault, parts.faults.retryAfterSeconds, resources);
  }
  if (parts.groups && kind.resourceType === 'Group') return refuse('groupsUnsupported', parts.groups);
  if (parts.operations && kind.resourceType && kind.operation) {
    const error = unsupportedOperation(parts.operations, kind.resourceType, kind.operation);
    if (error) return refuse('operations', error, error.status === 405 ? { Allow: allowed(parts.operations, kind.resourceType, kind.operation) } : undefined);
  }
  return (_req, _res, next) => next();
}

function refuse(quirk: string, error: ScimError, headers?: Record<string, string>): Outcome {
  return (_req, res) => {
    res.locals.quirk = quirk;
    if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    sendScim(res, error.status, error.toJSON());
  };
}

function faultOutcome(fault: FaultKind, retryAfterSeconds: number | undefined, resources: GateResources): Outcome {
  switch (fault) {
    case '500':
    case '502':
    case '503': {
      const headers = fault === '503' && retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : undefined;
      return refuse('faults', new ScimError(Number(fault), undefined, FAULT_DETAIL[fault]), headers);
    }
    case 'reset':
      return (req, res) => {
        res.locals.quirk = 'faults';
        req.socket.destroy();
      };
    case 'hang':
      // Never answers: the client times out, or close() destroys the socket.
      return (_req, res) => {
        res.locals.quirk = 'faults';
        resources.hung.add(res);
        res.once('close', () => resources.hung.delete(res));
      };
    default: {
      const never: never = fault;
      throw new TypeError(`unknown fault ${String(never)}`);
    }
  }
}

/** RFC 9110 §15.5.6: a 405 lists the methods the target resource (collection or item) does support. */
function allowed(quirk: OperationsQuirk, resourceType: ResourceTypeName, operation: ScimOperation): string {
  const s = quirk[resourceType] ?? {};
  const collection = operation === 'list' || operation === 'filter' || operation === 'create';
  const methods = collection
    ? [s.list !== false || s.filter !== false ? 'GET' : '', s.create !== false ? 'POST' : '']
    : [s.get !== false ? 'GET' : '', s.replace !== false ? 'PUT' : '', s.patch !== false ? 'PATCH' : '', s.delete !== false ? 'DELETE' : ''];
  return methods.filter(Boolean).join(', ');
}
