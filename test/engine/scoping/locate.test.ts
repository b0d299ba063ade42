import { expect } from 'chai';
import { offsetOfPath, splitProblem } from '../../../engine/scoping/locate.js';
import { filterProblems } from '../../../engine/scoping/validate.js';

describe('engine/scoping/locate', () => {
  const text = '{ "groups": [ {"name": "g", "clauses": [ {"sourceOperandName": "d", "operatorName": "LIKE"}, {"x": [1, {"y": "a]}\\""}]} ] } ] }';

  it('should find the value at a path, through objects and arrays', () => {
    expect(text.slice(offsetOfPath(text, ['groups', '0', 'clauses', '0', 'operatorName']))).to.match(/^"LIKE"/);
    expect(text.slice(offsetOfPath(text, ['groups', '0', 'name']))).to.match(/^"g"/);
    expect(text.slice(offsetOfPath(text, ['groups', '0', 'clauses', '1', 'x', '1', 'y']))).to.match(/^"a\]\}\\""/);
  });

  it('should skip strings holding brackets and escaped quotes when walking past a value', () => {
    const tricky = '{"a": {"s": "}]\\"{"}, "b": 2}';
    expect(tricky.slice(offsetOfPath(tricky, ['b']))).to.equal('2}');
  });

  it('should stop at the deepest value found when the path goes further', () => {
    expect(offsetOfPath(text, ['groups', '0', 'clauses', '0', 'targetOperand'])).to.equal(text.indexOf('{"sourceOperandName"'));
    expect(offsetOfPath(text, [])).to.equal(0);
    expect(offsetOfPath('  [1]', ['7'])).to.equal(2);
  });

  it('should take the last of duplicate keys, as JSON.parse does', () => {
    const dup = '{"a": 1, "a": 2}';
    expect(dup.slice(offsetOfPath(dup, ['a']))).to.equal('2}');
  });

  it('should split a problem into its path under the prefix and its message', () => {
    expect(splitProblem('filter.groups.0.clauses.0.operatorName: unknown operator "LIKE"', 'filter')).to.deep.equal({
      path: ['groups', '0', 'clauses', '0', 'operatorName'],
      message: 'unknown operator "LIKE"',
    });
    expect(splitProblem('filter: must be object', 'filter')).to.deep.equal({ path: [], message: 'must be object' });
  });

  it('should point every problem filterProblems reports at the value it names', () => {
    const filter = '{"groups":[{"clauses":[{"sourceOperandName":"n","operatorName":"Greater_Than","targetOperand":{"values":["ten"]}},{"sourceOperandName":"d","operatorName":"LIKE"}]}]}';
    const problems = filterProblems(JSON.parse(filter), 'filter');
    expect(problems).to.have.length(2);
    const pointed = problems.map((p) => filter.slice(offsetOfPath(filter, splitProblem(p, 'filter').path)).slice(0, 7));
    expect(pointed).to.deep.equal(['["ten"]', '"LIKE"}']);
  });
});
