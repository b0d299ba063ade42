import { expect } from 'chai';
import { decideScope } from '../../../engine/scoping/index.js';
import type { Filter } from '../../../engine/mapping/types.js';

const salesOnly: Filter = {
  groups: [{ name: 'Sales', clauses: [{ sourceOperandName: 'department', operatorName: 'EQUALS', targetOperand: { values: ['Sales'] } }] }],
};

describe('engine/scoping/scope', () => {
  describe('#decideScope() (ENTRA-SPEC §2.4)', () => {
    it('should put unassigned objects out of scope with scope assigned', () => {
      expect(decideScope({ department: 'Sales' }, { scope: 'assigned', assigned: false, filter: salesOnly })).to.deep.equal({ inScope: false, reason: 'not-assigned' });
    });

    it('should not need an assignment with scope all', () => {
      expect(decideScope({ department: 'Sales' }, { scope: 'all', filter: salesOnly })).to.deep.equal({ inScope: true });
    });

    it('should put disabled accounts out of scope', () => {
      expect(decideScope({}, { scope: 'all', active: false })).to.deep.equal({ inScope: false, reason: 'inactive' });
    });

    it('should apply the scoping filter after assignment', () => {
      expect(decideScope({ department: 'HR' }, { scope: 'assigned', assigned: true, filter: salesOnly })).to.deep.equal({ inScope: false, reason: 'scoping-filter' });
      expect(decideScope({ department: 'Sales' }, { scope: 'assigned', assigned: true, filter: salesOnly })).to.deep.equal({ inScope: true });
    });
  });
});
