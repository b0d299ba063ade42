import { expect } from 'chai';
import { equalityHints } from '../../../scim/filter/index-hints.js';
import { parseFilter } from '../../../scim/filter/parse.js';

const hints = (text: string) => equalityHints(parseFilter(text));

describe('scim/filter/index-hints', () => {
  describe('#equalityHints()', () => {
    it('should hint a lone eq, the path lower-cased and the value as written', () => {
      expect(hints('USERNAME eq "BJensen"')).to.deep.equal([{ attribute: 'username', value: 'BJensen' }]);
      expect(hints('externalId eq "e1"')).to.deep.equal([{ attribute: 'externalid', value: 'e1' }]);
      expect(hints('urn:ietf:params:scim:schemas:core:2.0:User:id eq "7"')).to.deep.equal([
        { schema: 'urn:ietf:params:scim:schemas:core:2.0:User', attribute: 'id', value: '7' },
      ]);
    });
    it('should hint every eq of a top-level and chain, indexed by any store or not (ENTRA-SPEC §6.4)', () => {
      expect(hints('id eq "u1" and displayName eq "Ops" and title eq "Boss" and title co "x"')).to.deep.equal([
        { attribute: 'id', value: 'u1' }, { attribute: 'displayname', value: 'Ops' }, { attribute: 'title', value: 'Boss' },
      ]);
    });
    it('should hint emails.value and members.value in all their spellings', () => {
      expect(hints('emails.value eq "a@x"')).to.deep.equal([{ attribute: 'emails.value', value: 'a@x' }]);
      expect(hints('emails eq "a@x"')).to.deep.equal([{ attribute: 'emails', value: 'a@x' }]);
      expect(hints('emails[type eq "work"].value eq "a@x"')).to.deep.equal([
        { attribute: 'emails.type', value: 'work' }, { attribute: 'emails.value', value: 'a@x' },
      ]);
      expect(hints('members[value eq "u1"]')).to.deep.equal([{ attribute: 'members.value', value: 'u1' }]);
    });
    it('should carry an extension schema so the store can tell the attribute apart', () => {
      expect(hints('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "1"')).to.deep.equal([
        { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'employeenumber', value: '1' },
      ]);
    });
    it('should give no hints under or and not, for other operators or non-strings', () => {
      expect(hints('userName eq "a" or userName eq "b"')).to.equal(undefined);
      expect(hints('not (userName eq "a")')).to.equal(undefined);
      expect(hints('userName sw "a"')).to.equal(undefined);
      expect(hints('id eq 5')).to.equal(undefined);
    });
  });
});
