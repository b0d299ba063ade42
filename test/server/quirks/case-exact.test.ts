import { expect } from 'chai';
import { parseFilter } from '../../../scim/filter/parse.js';
import { compileFilter } from '../../../scim/filter/evaluate.js';
import { defaultSchemaRegistry } from '../../../scim/schema/registry.js';
import { withCaseExactUserName } from '../../../server/quirks/index.js';

describe('server/quirks/case-exact', () => {
  const resolver = defaultSchemaRegistry().resolver('User');
  const ada = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'Ada@Example.com', displayName: 'Ada' };
  const matches = (text: string, r = resolver) => compileFilter(parseFilter(text), r)(ada);

  it('should match userName case-insensitively by default (RFC 7643 §4.1.1)', () => {
    expect(matches('userName eq "ada@example.com"')).to.equal(true);
  });

  it('should match userName case-sensitively through the wrapped resolver, and nothing else', () => {
    const exact = withCaseExactUserName(resolver);
    expect(matches('userName eq "ada@example.com"', exact)).to.equal(false);
    expect(matches('userName eq "Ada@Example.com"', exact)).to.equal(true);
    expect(matches('displayName eq "ADA"', exact)).to.equal(true);
  });
});
