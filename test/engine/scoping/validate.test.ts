import { expect } from 'chai';
import { ConfigValidationError } from '../../../engine/mapping/validation-error.js';
import { filterProblems, parseScopingFilter } from '../../../engine/scoping/index.js';

describe('engine/scoping/validate', () => {
  describe('#filterProblems()', () => {
    it('should list every problem as path: message', () => {
      expect(
        filterProblems({
          groups: [
            {
              clauses: [
                { sourceOperandName: 'a', operatorName: 'LIKE', targetOperand: { values: ['x'] } },
                { sourceOperandName: 'b', operatorName: 'EQUALS', targetOperand: { values: [] } },
                { sourceOperandName: 'c', operatorName: 'Greater_Than', targetOperand: { values: ['1.5'] } },
                { sourceOperandName: 'd', operatorName: 'REGEX MATCH', targetOperand: { values: ['('] } },
              ],
            },
          ],
        }).map((p) => p.split(':')[0]),
      ).to.deep.equal([
        'scope.groups.0.clauses.0.operatorName',
        'scope.groups.0.clauses.1.targetOperand.values',
        'scope.groups.0.clauses.2.targetOperand.values',
        'scope.groups.0.clauses.3.targetOperand.values',
      ]);
    });

    it('should report shape errors with their JSON path', () => {
      expect(filterProblems({ groups: [{ clauses: [{ operatorName: 'EQUALS' }] }] })).to.deep.equal([
        "scope.groups.0.clauses.0: must have required property 'sourceOperandName'",
      ]);
    });

    it('should accept null (no filter)', () => {
      expect(filterProblems(null)).to.deep.equal([]);
    });
  });

  describe('#parseScopingFilter()', () => {
    it('should throw ConfigValidationError with the problems', () => {
      try {
        parseScopingFilter({ groups: 'x' });
        expect.fail('should throw');
      } catch (error) {
        expect(error).to.be.instanceOf(ConfigValidationError);
        expect((error as ConfigValidationError).problems).to.deep.equal(['scope.groups: must be array,null']);
      }
    });
  });
});
