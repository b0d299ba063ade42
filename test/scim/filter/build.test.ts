import { expect } from 'chai';
import fc from 'fast-check';
import { andFilters, eqFilter } from '../../../scim/filter/build.js';
import { parseFilter } from '../../../scim/filter/parse.js';

describe('scim/filter/build', () => {
  describe('eqFilter', () => {
    const cases: [string, string | number | boolean | null, string][] = [
      ['userName', 'bjensen', 'userName eq "bjensen"'],
      ['userName', 'a"b', 'userName eq "a\\"b"'],
      ['userName', 'back\\slash', 'userName eq "back\\\\slash"'],
      ['userName', 'tab\tnew\nline\u0001', 'userName eq "tab\\tnew\\nline\\u0001"'],
      ['externalId', '', 'externalId eq ""'],
      ['meta.version', 3, 'meta.version eq 3'],
      ['active', false, 'active eq false'],
      ['title', null, 'title eq null'],
      ['emails[type eq "work"].value', 'x@example.com', 'emails[type eq "work"].value eq "x@example.com"'],
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', '42', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "42"'],
    ];
    for (const [path, value, expected] of cases) {
      it(`should write ${expected}`, () => {
        expect(eqFilter(path, value)).to.equal(expected);
      });
    }

    it('should refuse a malformed path with a TypeError', () => {
      for (const bad of ['', 'user name', 'a.b.c', 'emails[type eq', '__proto__', 'userName eq "x"']) {
        expect(() => eqFilter(bad, 'x'), bad).to.throw(TypeError);
      }
    });

    it('should refuse values JSON cannot write as a filter literal', () => {
      expect(() => eqFilter('userName', Number.NaN)).to.throw(TypeError);
      expect(() => eqFilter('userName', Number.POSITIVE_INFINITY)).to.throw(TypeError);
      expect(() => eqFilter('userName', { a: 1 } as never)).to.throw(TypeError);
    });

    it('should read back as a comparison of the same value for any string (property)', () => {
      fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (value) => {
        const node = parseFilter(eqFilter('userName', value));
        expect(node).to.deep.equal({ type: 'compare', op: 'eq', path: { attribute: 'userName' }, value });
      }), { numRuns: 500 });
    });

    it('should read back numbers, booleans and null (property)', () => {
      fc.assert(fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), (value) => {
        const node = parseFilter(eqFilter('title', value));
        expect(node).to.deep.equal({ type: 'compare', op: 'eq', path: { attribute: 'title' }, value: Object.is(value, -0) ? 0 : value });
      }));
    });
  });

  describe('andFilters', () => {
    it('should join comparisons with and', () => {
      const f = andFilters(eqFilter('id', 'u1'), eqFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', 'm"1'));
      expect(f).to.equal('id eq "u1" and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "m\\"1"');
      const node = parseFilter(f);
      expect(node.type).to.equal('and');
    });

    it('should return a single filter as it is', () => {
      expect(andFilters('userName eq "a"')).to.equal('userName eq "a"');
    });

    it('should parenthesise an or operand so that and keeps its meaning', () => {
      const f = andFilters('a eq 1 or b eq 2', 'c eq 3');
      expect(f).to.equal('(a eq 1 or b eq 2) and c eq 3');
      expect(parseFilter(f)).to.deep.equal({
        type: 'and',
        filters: [
          { type: 'or', filters: [{ type: 'compare', op: 'eq', path: { attribute: 'a' }, value: 1 }, { type: 'compare', op: 'eq', path: { attribute: 'b' }, value: 2 }] },
          { type: 'compare', op: 'eq', path: { attribute: 'c' }, value: 3 },
        ],
      });
    });

    it('should refuse no operand or a malformed one', () => {
      expect(() => andFilters()).to.throw(TypeError);
      expect(() => andFilters('userName eq', 'a eq 1')).to.throw(TypeError);
    });
  });
});
