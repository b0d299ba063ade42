import { expect } from 'chai';
import { REDACTED, redact } from '../../../server/journal/index.js';

describe('server/journal/redact', () => {
  it('should replace passwords, tokens, secrets and authorization at any depth, keeping everything else', () => {
    const body = {
      userName: 'ada', password: 'p@ss', name: { givenName: 'Ada' },
      credentials: { client_secret: 's', access_token: 't', refreshToken: 'r', apiKey: 'k' },
      list: [{ Authorization: 'Bearer x', value: 'keep' }],
    };
    expect(redact(body)).to.deep.equal({
      userName: 'ada', password: REDACTED, name: { givenName: 'Ada' },
      credentials: REDACTED,
      list: [{ Authorization: REDACTED, value: 'keep' }],
    });
    expect(redact({ nested: { client_secret: 's', apiKey: 'k', x: 1 } })).to.deep.equal({ nested: { client_secret: REDACTED, apiKey: REDACTED, x: 1 } });
  });

  it('should redact the value of a PATCH operation whose path names a secret (RFC 7643 §4.1.1 password)', () => {
    const patch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'password', value: 'new' }, { op: 'replace', path: 'title', value: 'x' }] };
    expect(redact(patch)).to.deep.equal({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'password', value: REDACTED }, { op: 'replace', path: 'title', value: 'x' }],
    });
  });

  it('should not mutate its input and pass scalars through', () => {
    const body = { password: 'p' };
    redact(body);
    expect(body.password).to.equal('p');
    expect(redact('text')).to.equal('text');
    expect(redact(null)).to.equal(null);
  });
});
