import { expect } from 'chai';
import { matchesClause, matchesFilter } from '../../../engine/scoping/index.js';
import type { Filter, FilterClause } from '../../../engine/mapping/types.js';

const clause = (sourceOperandName: string, operatorName: string, ...values: string[]): FilterClause => ({
  sourceOperandName,
  operatorName,
  targetOperand: { values },
});
const filter = (...groups: FilterClause[][]): Filter => ({ groups: groups.map((clauses, i) => ({ name: `g${i}`, clauses })) });

describe('engine/scoping/evaluate', () => {
  describe('#matchesClause() operators (ENTRA-SPEC §5.2)', () => {
    it('should compare EQUALS case-sensitively', () => {
      expect(matchesClause({ department: 'Sales' }, clause('department', 'EQUALS', 'sales'))).to.equal(false);
    });

    it('should make NOT EQUALS false on a null attribute (general null rule)', () => {
      expect(matchesClause({}, clause('department', 'NOT EQUALS', 'Sales'))).to.equal(false);
      expect(matchesClause({ department: 'HR' }, clause('department', 'NOT EQUALS', 'Sales'))).to.equal(true);
    });

    it('should read IS TRUE / IS FALSE from booleans and "True"/"False" strings', () => {
      expect(matchesClause({ a: 'True' }, clause('a', 'IS TRUE'))).to.equal(true);
      expect(matchesClause({ a: false }, clause('a', 'IS TRUE'))).to.equal(false);
      expect(matchesClause({}, clause('a', 'IS FALSE'))).to.equal(false);
    });

    it('should make IS NULL true and IS NOT NULL false for absent attributes', () => {
      expect(matchesClause({}, clause('jobTitle', 'IS NULL'))).to.equal(true);
      expect(matchesClause({}, clause('jobTitle', 'IS NOT NULL'))).to.equal(false);
    });

    it('should anchor REGEX MATCH to the whole value by default and match anywhere when not', () => {
      const c = clause('employeeId', 'REGEX MATCH', '([1-9][0-9])');
      expect(matchesClause({ employeeId: '123' }, c)).to.equal(false);
      expect(matchesClause({ employeeId: '123' }, c, { regexScopeAnchored: false })).to.equal(true);
      expect(matchesClause({ employeeId: '42' }, c)).to.equal(true);
    });

    it('should make NOT REGEX MATCH false on an empty attribute (documented)', () => {
      expect(matchesClause({ upn: '' }, clause('upn', 'NOT REGEX MATCH', '.*\\@domain.com'))).to.equal(false);
    });

    it('should compare Greater_Than as integers and fail on non-integer attributes', () => {
      expect(matchesClause({ n: '10' }, clause('n', 'Greater_Than', '9'))).to.equal(true);
      expect(matchesClause({ n: 10 }, clause('n', 'Greater_Than_OR_EQUALS', '10'))).to.equal(true);
      expect(matchesClause({ n: 'ten' }, clause('n', 'Greater_Than', '9'))).to.equal(false);
    });

    it('should test Includes and ENDS_WITH case-sensitively', () => {
      expect(matchesClause({ d: 'Platform Engineering' }, clause('d', 'Includes', 'Engineering'))).to.equal(true);
      expect(matchesClause({ mail: 'jo@Contoso.com' }, clause('mail', 'ENDS_WITH', '@contoso.com'))).to.equal(false);
    });

    it('should read & as "attribute value is in the clause value" and !& as its negation', () => {
      expect(matchesClause({ c: 'US' }, clause('c', '&', 'US,UK'))).to.equal(true);
      expect(matchesClause({ c: 'FR' }, clause('c', '!&', 'US,UK'))).to.equal(true);
      expect(matchesClause({}, clause('c', '!&', 'US,UK'))).to.equal(false);
    });

    it('should read & as a bit test with ampersandMode bitflag', () => {
      expect(matchesClause({ flags: '6' }, clause('flags', '&', '2'), { ampersandMode: 'bitflag' })).to.equal(true);
      expect(matchesClause({ flags: '4' }, clause('flags', '&', '2'), { ampersandMode: 'bitflag' })).to.equal(false);
    });

    it('should match any of several clause values', () => {
      expect(matchesClause({ c: 'UK' }, clause('c', 'EQUALS', 'US', 'UK'))).to.equal(true);
    });

    it('should fail clauses over multi-valued attributes (§5.3)', () => {
      expect(matchesClause({ proxyAddresses: ['a'] }, clause('proxyAddresses', 'IS NOT NULL'))).to.equal(false);
    });

    it('should accept operator names in any case and with underscores', () => {
      expect(matchesClause({ a: 'x' }, clause('a', 'not_equals', 'y'))).to.equal(true);
    });
  });

  describe('#matchesFilter()', () => {
    it('should AND clauses within a group and OR across groups (§5.1)', () => {
      const f = filter([clause('country', 'EQUALS', 'US'), clause('department', 'EQUALS', 'Sales')], [clause('country', 'EQUALS', 'UK')]);
      expect(matchesFilter({ country: 'US', department: 'Sales' }, f)).to.equal(true);
      expect(matchesFilter({ country: 'US', department: 'HR' }, f)).to.equal(false);
      expect(matchesFilter({ country: 'UK' }, f)).to.equal(true);
    });

    it('should let everything through without a filter or groups', () => {
      expect(matchesFilter({}, null)).to.equal(true);
      expect(matchesFilter({}, { groups: [] })).to.equal(true);
    });

    it('should ignore inputFilterGroups and categoryFilterGroups (experimental, not deprovisioning)', () => {
      expect(matchesFilter({}, { inputFilterGroups: [{ clauses: [clause('a', 'IS NOT NULL')] }] })).to.equal(true);
    });
  });
});
