/**
 * @module scim/errors
 * SCIM error responses, RFC 7644 §3.12: one error type, the scimType table as data.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.12
 *
 * Two tiers: programmer misuse throws TypeError; protocol faults throw ScimError. Exactly one
 * boundary per side (the server's error middleware, the client's response parser) turns anything
 * else into a 500.
 */
import { URN } from './types.js';

/** RFC 7644 §3.12 Table 9, with the status each scimType is returned with. */
export const SCIM_TYPES = {
  invalidFilter: { status: 400, detail: 'The specified filter syntax was invalid or the specified attribute and filter comparison combination is not supported.' },
  tooMany: { status: 400, detail: 'The specified filter yields many more results than the server is willing to calculate or process.' },
  uniqueness: { status: 409, detail: 'One or more of the attribute values are already in use or are reserved.' },
  mutability: { status: 400, detail: 'The attempted modification is not compatible with the target attribute\'s mutability or current state.' },
  invalidSyntax: { status: 400, detail: 'The request body message structure was invalid or did not conform to the request schema.' },
  invalidPath: { status: 400, detail: 'The "path" attribute was invalid or malformed.' },
  noTarget: { status: 400, detail: 'The specified "path" did not yield an attribute or attribute value that could be operated on.' },
  invalidValue: { status: 400, detail: 'A required value was missing, or the value specified was not compatible with the operation or attribute type, or resource schema.' },
  invalidVers: { status: 400, detail: 'The specified SCIM protocol version is not supported.' },
  sensitive: { status: 403, detail: 'The specified request cannot be completed, due to the passing of sensitive information in a request URI.' },
  /** RFC 9865 §3: cursor pagination errors. */
  invalidCursor: { status: 400, detail: 'The cursor value is invalid.' },
  expiredCursor: { status: 400, detail: 'The cursor value has expired.' },
  invalidCount: { status: 400, detail: 'The count value is invalid.' },
} as const;

export type ScimType = keyof typeof SCIM_TYPES;

export interface ScimErrorBody {
  schemas: [typeof URN.Error];
  status: string;
  scimType?: ScimType;
  detail?: string;
}

export class ScimError extends Error {
  override readonly name = 'ScimError';
  readonly status: number;
  readonly scimType: ScimType | undefined;

  constructor(status: number, scimType?: ScimType, detail?: string) {
    super(detail ?? (scimType ? SCIM_TYPES[scimType].detail : defaultDetail(status)));
    this.status = status;
    this.scimType = scimType;
  }

  get detail(): string {
    return this.message;
  }

  toJSON(): ScimErrorBody {
    const body: ScimErrorBody = { schemas: [URN.Error], status: String(this.status) };
    if (this.scimType) body.scimType = this.scimType;
    body.detail = this.message;
    return body;
  }

  /** Builds the error whose status comes from the §3.12 table. */
  static of(scimType: ScimType, detail?: string): ScimError {
    return new ScimError(SCIM_TYPES[scimType].status, scimType, detail);
  }

  static invalidFilter(detail?: string): ScimError { return ScimError.of('invalidFilter', detail); }
  static invalidSyntax(detail?: string): ScimError { return ScimError.of('invalidSyntax', detail); }
  static invalidPath(detail?: string): ScimError { return ScimError.of('invalidPath', detail); }
  static invalidValue(detail?: string): ScimError { return ScimError.of('invalidValue', detail); }
  static noTarget(detail?: string): ScimError { return ScimError.of('noTarget', detail); }
  static mutability(detail?: string): ScimError { return ScimError.of('mutability', detail); }
  static uniqueness(detail?: string): ScimError { return ScimError.of('uniqueness', detail); }
  static tooMany(detail?: string): ScimError { return ScimError.of('tooMany', detail); }
  static notFound(detail = 'Resource not found'): ScimError { return new ScimError(404, undefined, detail); }
  static unauthorized(detail = 'Authentication required'): ScimError { return new ScimError(401, undefined, detail); }
  static forbidden(detail = 'Forbidden'): ScimError { return new ScimError(403, undefined, detail); }
  static methodNotAllowed(detail = 'Method not allowed'): ScimError { return new ScimError(405, undefined, detail); }
  static preconditionFailed(detail = 'Resource version does not match If-Match'): ScimError { return new ScimError(412, undefined, detail); }
  static payloadTooLarge(detail = 'Request body too large'): ScimError { return new ScimError(413, undefined, detail); }
  static notImplemented(detail = 'Not implemented'): ScimError { return new ScimError(501, undefined, detail); }
}

/** Reads an error body a server sent; anything that is not one yields undefined. */
export function parseScimErrorBody(body: unknown): ScimErrorBody | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.schemas) || !b.schemas.includes(URN.Error)) return undefined;
  return b as unknown as ScimErrorBody;
}

function defaultDetail(status: number): string {
  switch (status) {
    case 400: return 'Bad request';
    case 401: return 'Authentication required';
    case 403: return 'Forbidden';
    case 404: return 'Resource not found';
    case 405: return 'Method not allowed';
    case 409: return 'Conflict';
    case 412: return 'Precondition failed';
    case 413: return 'Request body too large';
    case 429: return 'Too many requests';
    case 501: return 'Not implemented';
    default: return status >= 500 ? 'Internal server error' : 'Error';
  }
}
