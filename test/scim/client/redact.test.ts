import { expect } from 'chai';
import { redactBody, redactHeaders } from '../../../scim/client/index.js';

describe('scim/client/redact', () => {
  it('should redact credentials in headers but keep the scheme', () => {
    expect(redactHeaders({ Authorization: 'Bearer abc', cookie: 'a=b', accept: 'x' })).to.deep.equal({ Authorization: 'Bearer [redacted]', cookie: '[redacted]', accept: 'x' });
  });

  it('should redact passwords, secrets and tokens at any depth', () => {
    expect(redactBody({ userName: 'a', password: 'p', nested: [{ client_secret: 's', access_token: 't', value: 1 }] })).to.deep.equal({
      userName: 'a', password: '[redacted]', nested: [{ client_secret: '[redacted]', access_token: '[redacted]', value: 1 }],
    });
  });

  it('should hide the value of a PATCH operation whose path is a password, as the journal does', () => {
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'password', value: 'hunter2' }, { op: 'replace', path: 'title', value: 'x' }] };
    expect(redactBody(body)).to.deep.equal({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'password', value: '[redacted]' }, { op: 'replace', path: 'title', value: 'x' }],
    });
  });

  it('should redact secrets in form-encoded bodies', () => {
    expect(redactBody('grant_type=client_credentials&client_secret=abc&scope=x')).to.equal('grant_type=client_credentials&client_secret=[redacted]&scope=x');
  });

  it('should leave plain text and non-secret values alone', () => {
    expect(redactBody('not a form')).to.equal('not a form');
    expect(redactBody(42)).to.equal(42);
  });
});
