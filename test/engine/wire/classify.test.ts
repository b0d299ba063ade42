import { expect } from 'chai';
import { classifyNetworkFailure, classifyResponse } from '../../../engine/wire/classify.js';
import type { Outcome, WireOperation, WireResponse } from '../../../engine/wire/classify.js';
import { createUserBody } from '../../../engine/wire/dialect.js';
import { ScimClientError } from '../../../scim/client/client-error.js';
import { createScimClient } from '../../../scim/client/index.js';
import { startEmbeddedTarget } from '../../../server/embedded.js';

const SCIM = 'SystemForCrossDomainIdentityManagement';
const error = (status: number, detail?: string, scimType?: string): WireResponse => {
  const scimError = { ...(detail !== undefined ? { detail } : {}), ...(scimType !== undefined ? { scimType } : {}) };
  return { status, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), ...scimError }, scimError };
};
const list = (n: number): WireResponse => ({
  status: 200, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: n, Resources: Array.from({ length: n }, (_, i) => ({ id: `u${i}` })) },
});

type Row = [string, WireResponse, WireOperation, Partial<Extract<Outcome, { ok: false }>> | { ok: true }];

const rows: Row[] = [
  ['2xx create with an id', { status: 201, body: { id: 'x', schemas: [] } }, 'create', { ok: true }],
  ['204 update', { status: 204 }, 'update', { ok: true }],
  ['200 disable with a text body', { status: 200, body: 'ok' }, 'disable', { ok: true }],
  ['204 delete', { status: 204 }, 'delete', { ok: true }],
  ['200 reference', { status: 200, body: { id: 'g' } }, 'reference', { ok: true }],
  ['200 empty ListResponse probe', list(0), 'probe', { ok: true }],
  ['200 ListResponse without Resources and totalResults 0', { status: 200, body: { totalResults: 0 } }, 'match', { ok: true }],
  ['200 match with one result', list(1), 'match', { ok: true }],
  ['200 read with a resource', { status: 200, body: { id: 'x' } }, 'read', { ok: true }],
  ['201 create without a body', { status: 201 }, 'create', { ok: false, errorCode: `${SCIM}ServiceIncompatible`, errorCategory: 'failure', retry: 'escrow' }],
  ['201 create with a body without id', { status: 201, body: { userName: 'a' } }, 'create', { errorCode: `${SCIM}ServiceIncompatible`, retry: 'escrow' }],
  ['200 read with HTML', { status: 200, body: '<html>' }, 'read', { errorCode: `${SCIM}ServiceIncompatible`, retry: 'escrow' }],
  ['200 match that is not a ListResponse', { status: 200, body: [{ id: 'x' }] }, 'match', { errorCode: `${SCIM}ServiceIncompatible`, retry: 'escrow' }],
  ['200 probe that is not a ListResponse', { status: 200, body: 'hello' }, 'probe', { errorCode: `${SCIM}ServiceIncompatible`, retry: 'quarantine' }],
  ['200 match with two results', list(2), 'match', { errorCode: 'DuplicateTargetEntries', errorCategory: 'nonServiceFailure', retry: 'escrow' }],
  ['401 probe', error(401), 'probe', { errorCode: `${SCIM}CredentialValidationFailure`, errorCategory: 'failure', retry: 'quarantine' }],
  ['401 update', error(401), 'update', { errorCode: 'Unauthorized', retry: 'quarantine' }],
  ['403', error(403, 'not allowed'), 'create', { errorCode: 'InsufficientRights', errorCategory: 'nonServiceFailure', retry: 'escrow' }],
  ['403 licence', error(403, 'License limit reached'), 'create', { errorCode: 'LicenseLimitExceeded', retry: 'escrow' }],
  ['403 seat', error(403, 'No free seat in the plan'), 'create', { errorCode: 'LicenseLimitExceeded' }],
  ['403 probe', error(403), 'probe', { errorCode: 'InsufficientRights', retry: 'quarantine' }],
  ['405', error(405), 'update', { errorCode: 'MethodNotAllowed', retry: 'escrow' }],
  ['404 read', error(404), 'read', { errorCode: 'InvalidAnchor', errorCategory: 'nonServiceFailure', retry: 'none' }],
  ['404 update', error(404), 'update', { errorCode: 'InvalidAnchor', retry: 'none' }],
  ['404 disable', error(404), 'disable', { errorCode: 'InvalidAnchor', retry: 'none' }],
  ['404 delete', error(404), 'delete', { errorCode: 'InvalidAnchor', retry: 'none' }],
  ['404 reference', error(404), 'reference', { errorCode: 'InvalidAnchor', retry: 'none' }],
  ['404 probe', error(404), 'probe', { errorCode: `${SCIM}ServiceIncompatible`, errorCategory: 'failure', retry: 'quarantine' }],
  ['404 match', error(404), 'match', { errorCode: `${SCIM}ServiceIncompatible`, retry: 'quarantine' }],
  ['404 create', error(404), 'create', { errorCode: `${SCIM}ServiceIncompatible`, retry: 'quarantine' }],
  ['409', error(409, 'userName is taken', 'uniqueness'), 'create', { errorCode: 'EntryConflict', errorCategory: 'nonServiceFailure', retry: 'escrow' }],
  ['400 uniqueness', error(400, 'taken', 'uniqueness'), 'update', { errorCode: 'EntryConflict' }],
  ['400', error(400, 'bad value'), 'create', { errorCode: `${SCIM}BadResponse`, errorCategory: 'nonServiceFailure', retry: 'escrow' }],
  ['422', error(422, 'cannot process'), 'update', { errorCode: `${SCIM}BadResponse`, retry: 'escrow' }],
  ['400 required', error(400, 'Attribute userName is required', 'invalidValue'), 'create', { errorCode: 'MandatoryFieldsMissing' }],
  ['422 mandatory', error(422, 'mandatory field familyName'), 'create', { errorCode: 'MandatoryFieldsMissing' }],
  ['400 invalidPath', error(400, 'no', 'invalidPath'), 'update', { errorCode: 'SchemaAttributeNotFound' }],
  ['400 unknown attribute', error(400, 'Unknown attribute "costCenter2"'), 'update', { errorCode: 'SchemaAttributeNotFound' }],
  ['400 attribute not found', error(400, 'attribute foo was not found in the schema'), 'update', { errorCode: 'SchemaAttributeNotFound' }],
  ['400 licence', error(400, 'licence quota exhausted'), 'create', { errorCode: 'LicenseLimitExceeded' }],
  ['400 domain', error(400, 'The domain example.org is not verified'), 'create', { errorCode: 'InvalidDomain' }],
  ['400 probe', error(400, 'filter not supported', 'invalidFilter'), 'probe', { errorCode: `${SCIM}BadResponse`, retry: 'quarantine' }],
  ['412', error(412), 'update', { errorCode: `${SCIM}BadResponse`, retry: 'escrow' }],
  ['429 with Retry-After', { ...error(429), retryAfterMs: 5000 }, 'create', { errorCode: 'TooManyRequests', errorCategory: 'failure', retry: 'in-cycle', retryAfterMs: 5000 }],
  ['429 without Retry-After', error(429), 'match', { errorCode: 'TooManyRequests', retry: 'in-cycle' }],
  ['500', error(500), 'create', { errorCode: 'InternalServerError', errorCategory: 'failure', retry: 'next-cycle' }],
  ['502', { status: 502, body: 'Bad Gateway' }, 'update', { errorCode: 'InternalServerError', retry: 'next-cycle' }],
  ['503', error(503), 'update', { errorCode: 'InternalServerError', retry: 'next-cycle' }],
  ['503 with Retry-After', { ...error(503), retryAfterMs: 1000 }, 'update', { errorCode: 'InternalServerError', retry: 'in-cycle', retryAfterMs: 1000 }],
  ['504', error(504), 'read', { errorCode: 'InternalServerError', retry: 'next-cycle' }],
  ['501', error(501), 'update', { errorCode: 'NotImplemented', errorCategory: 'nonServiceFailure', retry: 'escrow' }],
  ['302', { status: 302 }, 'read', { errorCode: `${SCIM}ServiceIncompatible`, retry: 'escrow' }],
];

describe('engine/wire/classify', () => {
  describe('classifyResponse', () => {
    for (const [name, res, operation, expected] of rows) {
      it(`should classify ${name} (${operation})`, () => {
        const outcome = classifyResponse(res, operation);
        if ('ok' in expected && expected.ok) {
          expect(outcome).to.deep.equal({ ok: true });
          return;
        }
        expect(outcome).to.deep.include({ ok: false, ...expected });
        if (!outcome.ok) {
          expect(outcome.reason).to.be.a('string').and.not.equal('');
          if (!('retryAfterMs' in expected)) expect(outcome).not.to.have.property('retryAfterMs');
        }
      });
    }

    it('should write Entra-like reasons carrying the target detail', () => {
      const outcome = classifyResponse(error(409, 'A user with userName bjensen already exists.', 'uniqueness'), 'create');
      expect(outcome).to.deep.equal({
        ok: false, errorCode: 'EntryConflict', errorCategory: 'nonServiceFailure', retry: 'escrow',
        reason: 'The SCIM endpoint returned an error response with the HTTP status code 409 (Conflict) while creating the object: A user with userName bjensen already exists.',
      });
      expect((classifyResponse({ status: 500 }, 'update') as { reason: string }).reason)
        .to.equal('The SCIM endpoint returned an error response with the HTTP status code 500 (Internal Server Error) while updating the object.');
    });

    it('should read the detail of a non-SCIM JSON error', () => {
      const outcome = classifyResponse({ status: 400, body: { message: 'email is required' } }, 'create');
      expect(outcome).to.deep.include({ errorCode: 'MandatoryFieldsMissing' });
      expect((outcome as { reason: string }).reason).to.match(/: email is required$/);
    });

    it('should keep secrets and control characters of the target detail out of the reason', () => {
      const detail = 'rejected password=hunter2 for Authorization: Bearer abc.def\ntoken eyJhbGciOi.eyJzdWIi.sig "client_secret": "s3"';
      const { reason } = classifyResponse(error(400, detail), 'create') as { reason: string };
      for (const secret of ['hunter2', 'abc.def', 'eyJhbGciOi', 's3"']) expect(reason).not.to.include(secret);
      expect(reason).not.to.include('\n');
      expect(reason).to.include('password=[redacted]');
      expect(reason).to.include('Bearer [redacted]');
    });

    it('should bound a long detail', () => {
      const { reason } = classifyResponse(error(400, 'x'.repeat(5000)), 'create') as { reason: string };
      expect(reason.length).to.be.below(700);
      expect(reason.endsWith('…')).to.equal(true);
    });
  });

  describe('classifyNetworkFailure', () => {
    const cases: [ScimClientError, string][] = [
      [new ScimClientError('timeout', 'GET http://t/scim/Users: no response within 10000 ms'), 'Timeout'],
      [new ScimClientError('connection', 'GET http://t/scim/Users: connect ECONNREFUSED'), 'WebExceptionProtocolError'],
      [new ScimClientError('protocol', 'GET http://t/scim/Users: socket hang up'), 'WebExceptionProtocolError'],
    ];
    for (const [error, code] of cases) {
      it(`should classify a ${error.kind} failure as ${code}, retried next cycle`, () => {
        const outcome = classifyNetworkFailure(error);
        expect(outcome).to.deep.include({ ok: false, errorCode: code, errorCategory: 'failure', retry: 'next-cycle' });
        expect(outcome.reason).to.include(error.message.split(': ')[1]!);
      });
    }

    it('should hide a token carried in the URL', () => {
      const outcome = classifyNetworkFailure(new ScimClientError('connection', 'GET http://t/scim/Users?access_token=abc123: ECONNRESET'));
      expect(outcome.reason).not.to.include('abc123');
    });
  });
});

describe('engine/wire/classify against a live target', () => {
  it('should classify the responses a scim/client gets as they are', async () => {
    const target = await startEmbeddedTarget();
    const client = createScimClient({ baseUrl: target.url, auth: { type: 'bearer', token: target.token } });
    try {
      const body = createUserBody({ schemas: [], userName: 'live-user', active: true });
      const created = await client.create('/Users', body);
      expect(classifyResponse(created, 'create')).to.deep.equal({ ok: true });
      expect(classifyResponse(await client.create('/Users', body), 'create')).to.deep.include({ ok: false, errorCode: 'EntryConflict', retry: 'escrow' });
      expect(classifyResponse(await client.get('/Users', 'no-such-id'), 'read')).to.deep.include({ ok: false, errorCode: 'InvalidAnchor' });
      expect(classifyResponse(await client.list('/Users', { filter: 'userName eq "nobody"' }), 'probe')).to.deep.equal({ ok: true });
      const wrong = createScimClient({ baseUrl: target.url, auth: { type: 'bearer', token: 'wrong' } });
      try {
        expect(classifyResponse(await wrong.list('/Users', { filter: 'userName eq "x"' }), 'probe'))
          .to.deep.include({ ok: false, errorCode: `${SCIM}CredentialValidationFailure`, retry: 'quarantine' });
      } finally { await wrong.close(); }
    } finally {
      await client.close();
      await target.close();
    }
  });
});
