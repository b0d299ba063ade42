import { expect } from 'chai';
import { splitSchemaUrn } from '../../../scim/schema/urn.js';
import { URN } from '../../../scim/types.js';

const known = [URN.User, URN.EnterpriseUser];

describe('scim/schema/urn', () => {
  describe('#splitSchemaUrn()', () => {
    it('should split an extension sub-attribute path (RFC 7644 §3.10)', () => {
      expect(splitSchemaUrn(`${URN.EnterpriseUser}:manager.value`, known)).to.deep.equal({
        schema: URN.EnterpriseUser, rest: 'manager.value', known: true,
      });
    });

    it('should match URNs case-insensitively and return the known spelling (RFC 7643 §2.1)', () => {
      const split = splitSchemaUrn('URN:IETF:params:scim:schemas:core:2.0:user:userName', known);
      expect(split).to.deep.equal({ schema: URN.User, rest: 'userName', known: true });
    });

    it('should give an empty rest for the URN alone', () => {
      expect(splitSchemaUrn(URN.EnterpriseUser, known)).to.deep.equal({ schema: URN.EnterpriseUser, rest: '', known: true });
    });

    it('should leave an unqualified path alone', () => {
      expect(splitSchemaUrn('emails[type eq "work"].value', known)).to.deep.equal({ rest: 'emails[type eq "work"].value', known: false });
    });

    it('should not take a URN that is only a prefix of a longer segment', () => {
      expect(splitSchemaUrn(`${URN.User}X:name`, known).schema).to.equal(`${URN.User}X`);
      expect(splitSchemaUrn(`${URN.User}X:name`, known).known).to.equal(false);
    });

    it('should split an unknown urn at the last colon before the attribute path', () => {
      expect(splitSchemaUrn('urn:example:custom:1.0:Thing:badge.code', known)).to.deep.equal({
        schema: 'urn:example:custom:1.0:Thing', rest: 'badge.code', known: false,
      });
    });

    it('should prefer the longest known URN', () => {
      const nested = ['urn:a:b', 'urn:a:b:c'];
      expect(splitSchemaUrn('urn:a:b:c:attr', nested)).to.deep.equal({ schema: 'urn:a:b:c', rest: 'attr', known: true });
    });
  });
});
