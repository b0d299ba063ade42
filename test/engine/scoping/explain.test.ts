import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import { explainFilter } from '../../../engine/scoping/explain.js';
import { matchesFilter, parseScopingFilter } from '../../../engine/scoping/index.js';
import type { Filter } from '../../../engine/scoping/index.js';
import { packageRoot } from '../../../util/package-root.js';

const clause = (sourceOperandName: string, operatorName: string, ...values: string[]) => ({
  sourceOperandName,
  operatorName,
  ...(values.length > 0 ? { targetOperand: { values } } : {}),
});

const filter: Filter = {
  groups: [
    { name: 'Sales', clauses: [clause('department', 'EQUALS', 'Sales'), clause('accountEnabled', 'IS TRUE')] },
    { clauses: [clause('employeeId', 'IS NOT NULL'), clause('proxyAddresses', 'Includes', 'smtp:')] },
  ],
};

describe('engine/scoping/explain', () => {
  it('should say the filter decided nothing when there is none', () => {
    expect(explainFilter({}, null)).to.deep.equal({ inScope: true, decidedBy: 'no-filter' });
    expect(explainFilter({}, { groups: [] })).to.deep.equal({ inScope: true, decidedBy: 'no-filter' });
  });

  it('should name the first group that passed, with every clause and the value it saw', () => {
    const explanation = explainFilter({ department: 'Sales', accountEnabled: true, employeeId: '7' }, filter);
    expect(explanation).to.deep.equal({
      inScope: true,
      decidedBy: 'group',
      group: {
        group: 0,
        name: 'Sales',
        passed: true,
        clauses: [
          { clause: 0, sourceOperandName: 'department', operatorName: 'EQUALS', values: ['Sales'], actual: { present: true, value: 'Sales' }, passed: true },
          { clause: 1, sourceOperandName: 'accountEnabled', operatorName: 'IS TRUE', values: [], actual: { present: true, value: true }, passed: true },
        ],
      },
    });
  });

  it('should give each group its first failing clause when none passed, absent attributes marked', () => {
    const explanation = explainFilter({ department: 'Sales', accountEnabled: false, proxyAddresses: ['smtp:a'] }, filter);
    expect(explanation.inScope).to.equal(false);
    if (explanation.decidedBy !== 'no-group') throw new Error('expected no group to pass');
    expect(explanation.groups.map((g) => ({ group: g.group, failed: g.clauses.at(-1) }))).to.deep.equal([
      { group: 0, failed: { clause: 1, sourceOperandName: 'accountEnabled', operatorName: 'IS TRUE', values: [], actual: { present: true, value: false }, passed: false } },
      { group: 1, failed: { clause: 0, sourceOperandName: 'employeeId', operatorName: 'IS NOT NULL', values: [], actual: { present: false }, passed: false } },
    ]);
    // the clause after the failing one is not evaluated, as in matchesFilter
    expect(explanation.groups[1].clauses).to.have.length(1);
  });

  it('should fail a clause over a multi-valued attribute and show the value', () => {
    const explanation = explainFilter({ employeeId: '7', proxyAddresses: ['smtp:a'] }, { groups: [filter.groups![1]] });
    if (explanation.decidedBy !== 'no-group') throw new Error('expected no group to pass');
    expect(explanation.groups[0].clauses.at(-1)?.actual).to.deep.equal({ present: true, value: ['smtp:a'] });
  });

  it('should agree with matchesFilter on every scoping vector', () => {
    const vectors = JSON.parse(readFileSync(resolve(packageRoot(), 'test', 'engine', 'scoping', 'vectors.json'), 'utf8')) as {
      name: string;
      scope: unknown;
      source: Record<string, unknown>;
      expected: boolean;
    }[];
    expect(vectors.length).to.be.greaterThan(20);
    for (const vector of vectors) {
      const parsed = parseScopingFilter(vector.scope);
      const verdict = explainFilter(vector.source, parsed).inScope;
      expect(verdict, vector.name).to.equal(matchesFilter(vector.source, parsed));
      expect(verdict, vector.name).to.equal(vector.expected);
    }
  });
});
