import { expect } from 'chai';
import { parseAttributePath } from '../../../scim/path/parse.js';
import { userUrns } from '../support/users.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const parse = (text: string) => parseAttributePath(text, { knownUrns: userUrns });

function invalid(text: string): void {
  expect(() => parse(text), text).to.throw().that.includes({ name: 'ScimError', status: 400, scimType: 'invalidPath' });
}

describe('scim/path/parse', () => {
  describe('#parseAttributePath() (RFC 7644 §3.5.2 path ABNF)', () => {
    it('should parse attribute and sub-attribute paths', () => {
      expect(parse('userName')).to.deep.equal({ attribute: 'userName' });
      expect(parse('name.givenName')).to.deep.equal({ attribute: 'name', subAttribute: 'givenName' });
      expect(parse('members.$ref')).to.deep.equal({ attribute: 'members', subAttribute: '$ref' });
    });
    it('should parse value paths with and without a trailing sub-attribute', () => {
      expect(parse('members[value eq "2819c223"]')).to.deep.equal({
        attribute: 'members', filter: { type: 'compare', op: 'eq', path: { attribute: 'value' }, value: '2819c223' },
      });
      expect(parse('emails[type eq "work" and value co "]"].value')).to.deep.equal({
        attribute: 'emails', subAttribute: 'value',
        filter: { type: 'and', filters: [
          { type: 'compare', op: 'eq', path: { attribute: 'type' }, value: 'work' },
          { type: 'compare', op: 'co', path: { attribute: 'value' }, value: ']' },
        ] },
      });
    });
    it('should parse URN-qualified paths (RFC 7644 §3.10)', () => {
      expect(parse(`${ENTERPRISE}:manager`)).to.deep.equal({ schema: ENTERPRISE, attribute: 'manager' });
      expect(parse(`${ENTERPRISE}:manager.value`)).to.deep.equal({ schema: ENTERPRISE, attribute: 'manager', subAttribute: 'value' });
      expect(parse('urn:ietf:params:scim:schemas:core:2.0:User:userName')).to.deep.equal({ schema: 'urn:ietf:params:scim:schemas:core:2.0:User', attribute: 'userName' });
      expect(parse('URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:emails[type eq "work"]').schema).to.equal('urn:ietf:params:scim:schemas:core:2.0:User');
    });
    it('should refuse malformed paths with invalidPath', () => {
      for (const text of ['', ' ', 'a.b.c', 'emails[type eq "work"', 'emails[type eq "work"]value', 'emails[type eq "work"].', 'name.givenName[x eq 1]',
        'emails[type eq]', 'emails[type[value eq 1]]', 'emails[type.x eq 1]', '9lives', 'user name', ENTERPRISE]) invalid(text);
    });
    it('should refuse __proto__, constructor and prototype segments with invalidPath', () => {
      for (const text of ['__proto__', 'constructor', 'name.__proto__', 'name.prototype', 'emails[__proto__ eq 1]', 'emails[type eq "x"].constructor', `${ENTERPRISE}:__proto__`]) invalid(text);
    });
  });
});
