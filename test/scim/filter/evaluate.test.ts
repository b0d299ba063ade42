import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { compileFilter } from '../../../scim/filter/evaluate.js';
import { parseFilter } from '../../../scim/filter/parse.js';
import type { AttributeResolver, ScimResource } from '../../../scim/types.js';
import { typedResolver } from '../support/typed-resolver.js';
import { userResolver, userUrns, users } from '../support/users.js';

const examples = JSON.parse(readFileSync(new URL('./rfc-examples.json', import.meta.url), 'utf8')) as {
  cases: { filter: string; matches: string[] }[];
};

function ids(filter: string, resources: ScimResource[] = users(), resolver: AttributeResolver = userResolver): string[] {
  const predicate = compileFilter(parseFilter(filter, { knownUrns: userUrns }), resolver);
  return resources.filter(predicate).map((r) => String(r.id));
}

function invalid(filter: string, resolver: AttributeResolver = userResolver): void {
  expect(() => compileFilter(parseFilter(filter), resolver)).to.throw().that.includes({ name: 'ScimError', status: 400, scimType: 'invalidFilter' });
}

describe('scim/filter/evaluate', () => {
  describe('#compileFilter() on the RFC 7644 §3.4.2.2 examples', () => {
    for (const c of examples.cases) {
      it(`should match ${JSON.stringify(c.matches)} for ${c.filter}`, () => {
        expect(ids(c.filter)).to.deep.equal(c.matches);
      });
    }
  });

  describe('#compileFilter() attribute characteristics', () => {
    it('should compare userName case-insensitively because it is caseExact false (RFC 7643 §4.1.1)', () => {
      expect(ids('userName eq "BJENSEN"')).to.deep.equal(['u1']);
      expect(ids('USERNAME Eq "bjensen"')).to.deep.equal(['u1']);
    });
    it('should compare externalId and id case-sensitively because they are caseExact (RFC 7643 §3.1)', () => {
      expect(ids('externalId eq "EXT-1"')).to.deep.equal(['u1']);
      expect(ids('externalId eq "ext-1"')).to.deep.equal([]);
      expect(ids('id eq "u2"')).to.deep.equal(['u2']);
    });
    it('should honour a caseExact string for co, sw and ew', () => {
      const things = [{ schemas: [], id: 't1', code: 'AbCd' }];
      expect(ids('code co "bC"', things, typedResolver)).to.deep.equal(['t1']);
      expect(ids('code co "bc"', things, typedResolver)).to.deep.equal([]);
      expect(ids('code sw "Ab"', things, typedResolver)).to.deep.equal(['t1']);
      expect(ids('code ew "cd"', things, typedResolver)).to.deep.equal([]);
    });
    it('should compare dateTime values as instants, not strings (RFC 7644 §3.4.2.2 Table 3)', () => {
      expect(ids('meta.lastModified eq "2011-05-13T04:42:34Z"')).to.deep.equal(['u1', 'u2']);
      expect(ids('meta.created gt "2010-12-31T23:00:00-02:00"')).to.deep.equal(['u3']);
    });
    it('should compare integers and decimals numerically', () => {
      const things = [{ schemas: [], id: 'a', count: 9, score: 1.5 }, { schemas: [], id: 'b', count: 10, score: -2 }];
      expect(ids('count gt 9', things, typedResolver)).to.deep.equal(['b']);
      expect(ids('count le 9', things, typedResolver)).to.deep.equal(['a']);
      expect(ids('score lt -1.5', things, typedResolver)).to.deep.equal(['b']);
      expect(ids('score ge -2 and count ne 9', things, typedResolver)).to.deep.equal(['b']);
    });
    it('should compare booleans with eq and ne', () => {
      expect(ids('active eq true')).to.deep.equal(['u1', 'u3']);
      expect(ids('active ne true')).to.deep.equal(['u2']);
    });
    it('should match a multi-valued attribute when any value matches (RFC 7644 §3.4.2.2)', () => {
      expect(ids('emails.value eq "babs@jensen.org"')).to.deep.equal(['u1']);
      const things = [{ schemas: [], id: 'a', tags: ['x', 'y'] }, { schemas: [], id: 'b', tags: ['z'] }];
      expect(ids('tags eq "Y"', things, typedResolver)).to.deep.equal(['a']);
      expect(ids('ranks eq 3', [{ schemas: [], id: 'r', ranks: [{ value: 1 }, { value: 3 }] }], typedResolver)).to.deep.equal(['r']);
    });
    it('should compare the value sub-attribute of a multi-valued complex attribute named alone', () => {
      expect(ids('emails eq "jane@example.org"')).to.deep.equal(['u3']);
    });
    it('should read extension attributes qualified or not', () => {
      expect(ids('employeeNumber eq "701984"')).to.deep.equal(['u1']);
      expect(ids('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "u3"')).to.deep.equal(['u1']);
    });
    it('should treat ne as not-equal over the attribute, so an absent attribute matches', () => {
      expect(ids('title ne "Tour Guide"')).to.deep.equal(['u2', 'u3']);
    });
    it('should match eq null on absent attributes and ne null on present ones', () => {
      expect(ids('title eq null')).to.deep.equal(['u2', 'u3']);
      expect(ids('title ne null')).to.deep.equal(['u1']);
    });
  });

  describe('#compileFilter() presence', () => {
    it('should not see null, "", [] or {} as present (RFC 7644 §3.4.2.2 pr)', () => {
      expect(ids('title pr')).to.deep.equal(['u1']);
      expect(ids('phoneNumbers pr')).to.deep.equal([]);
      expect(ids('name pr')).to.deep.equal(['u1', 'u2']);
      expect(ids('emails pr')).to.deep.equal(['u1', 'u2', 'u3']);
    });
  });

  describe('#compileFilter() value paths', () => {
    it('should require both conditions to hold on the same element', () => {
      expect(ids('emails[type eq "home" and value co "example.com"]')).to.deep.equal([]);
      expect(ids('emails[type eq "work" and value co "example.com"]')).to.deep.equal(['u1']);
    });
    it('should read Entra\'s emails[type eq "work"].value eq "…" as one element filter (ENTRA-SPEC §6.4)', () => {
      expect(ids('emails[type eq "work"].value eq "bjensen@example.com"')).to.deep.equal(['u1']);
      expect(ids('emails[type eq "work"].value eq "babs@jensen.org"')).to.deep.equal([]);
    });
    it('should support not inside a value filter', () => {
      expect(ids('emails[not (type eq "work")]')).to.deep.equal(['u1']);
    });
  });

  describe('#compileFilter() errors', () => {
    it('should refuse an unknown attribute with invalidFilter (RFC 7644 §3.12)', () => {
      invalid('nickname2 eq "x"');
      invalid('emails[kind eq "work"]');
      invalid('urn:example:unknown:2.0:Thing:userName eq "x"');
    });
    it('should refuse gt, ge, lt and le on boolean and binary attributes (RFC 7644 §3.4.2.2)', () => {
      invalid('active gt true');
      invalid('active le false');
      invalid('x509Certificates.value lt "abc"');
      invalid('blob ge "AAAA"', typedResolver);
    });
    it('should refuse a comparison value of the wrong type', () => {
      invalid('userName eq 5');
      invalid('active eq "true"');
      invalid('count eq "5"', typedResolver);
      invalid('meta.created gt "yesterday"');
      invalid('userName gt null');
    });
    it('should refuse substring operators on numbers and booleans', () => {
      invalid('count co 5', typedResolver);
      invalid('active sw true');
    });
    it('should refuse a complex attribute without a sub-attribute (RFC 7644 §3.4.2.2)', () => {
      invalid('name eq "Barbara"');
    });
    it('should refuse a value filter on a simple attribute', () => {
      invalid('userName[value eq "x"]');
    });
  });

  describe('#compileFilter() robustness', () => {
    it('should not throw on resources with values of unexpected types', () => {
      const odd = [{ schemas: [], id: 'x', userName: 42, emails: 'nope', meta: { lastModified: 'not a date' }, name: [1] }] as unknown as ScimResource[];
      expect(ids('userName eq "42" or emails.value co "n" or meta.lastModified gt "2000-01-01T00:00:00Z" or name.givenName pr', odd)).to.deep.equal([]);
    });
  });
});
