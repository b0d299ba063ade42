import { Readable } from 'node:stream';
import { expect } from 'chai';
import { scope } from '../../../cli/commands/scope.js';
import { ExitError } from '../../../cli/exit-error.js';
import type { ScopeOptions } from '../../../cli/commands/scope.js';
import { runCli } from './support/cli.js';

const sales = JSON.stringify({
  groups: [{ name: 'g', clauses: [{ sourceOperandName: 'department', operatorName: 'EQUALS', targetOperand: { values: ['Sales'] } }] }],
});

/** Sales staff who are enabled, or anyone with an employeeId. */
const twoGroups = JSON.stringify({
  groups: [
    {
      name: 'Sales',
      clauses: [
        { sourceOperandName: 'department', operatorName: 'EQUALS', targetOperand: { values: ['Sales'] } },
        { sourceOperandName: 'accountEnabled', operatorName: 'IS TRUE' },
      ],
    },
    { clauses: [{ sourceOperandName: 'employeeId', operatorName: 'IS NOT NULL' }] },
  ],
});

interface Run { out: string[]; err: string[]; inScope?: boolean; error?: ExitError }

async function run(filter: string, source?: string, extra: Partial<ScopeOptions> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  try {
    const inScope = await scope({ filter, source, unanchoredRegex: false, cwd: process.cwd(), stdout: (l) => out.push(l), stderr: (l) => err.push(l), ...extra });
    return { out, err, inScope };
  } catch (error) {
    if (!(error instanceof ExitError)) throw error;
    return { out, err, error };
  }
}

describe('cli/commands/scope', () => {
  it('should print true for an object in scope and false otherwise', async () => {
    expect((await run(sales, '{"department":"Sales"}')).out).to.deep.equal(['true']);
    const out = await run(sales, '{"department":"sales"}');
    expect(out.out).to.deep.equal(['false']);
    expect(out.inScope).to.equal(false);
    expect(out.error).to.equal(undefined);
  });

  it('should treat null as no filter', async () => {
    expect((await run('null', '{}')).out).to.deep.equal(['true']);
  });

  it('should explain which group passed', async () => {
    const result = await run(twoGroups, '{"department":"Sales","accountEnabled":true}', { explain: true });
    expect(result.out).to.deep.equal([
      'true',
      'in scope: group "Sales" (groups.0) passed (groups are ORed: the first group that passes decides)',
      '  clause 0: department EQUALS "Sales", and department is "Sales"',
      '  clause 1: accountEnabled IS TRUE, and accountEnabled is true',
    ]);
  });

  it('should explain, for each group, the first clause that failed and the value it saw', async () => {
    const result = await run(twoGroups, '{"department":"Sales","accountEnabled":false}', { explain: true });
    expect(result.out).to.deep.equal([
      'false',
      'out of scope: no group passed',
      '  group "Sales" (groups.0): clause 1 failed: accountEnabled IS TRUE, but accountEnabled is false',
      '  group groups.1: clause 0 failed: employeeId IS NOT NULL, but the source has no employeeId',
    ]);
    const multi = await run(JSON.stringify({ groups: [{ clauses: [{ sourceOperandName: 'mail', operatorName: 'ENDS_WITH', targetOperand: { values: ['@x.com', '@y.com'] } }] }] }), '{"mail":["a@x.com"]}', { explain: true });
    expect(multi.out[2]).to.equal('  group groups.0: clause 0 failed: mail ENDS_WITH ["@x.com","@y.com"], but mail is multi-valued (["a@x.com"]), which scoping filters cannot read');
  });

  it('should explain that no filter lets everything through', async () => {
    expect((await run('{"groups":[]}', '{}', { explain: true })).out).to.deep.equal(['true', 'in scope: no scoping filter (null or no groups), so everything is in scope']);
  });

  it('should exit 2 on an invalid filter, with a caret under the offending value', async () => {
    const filter = '{"groups":[{"clauses":[{"sourceOperandName":"d","operatorName":"LIKE","targetOperand":{"values":["x"]}}]}]}';
    const result = await run(filter);
    expect(result.error?.code).to.equal(2);
    expect(result.error?.message).to.equal('filter.groups.0.clauses.0.operatorName: unknown operator "LIKE"');
    expect(result.err).to.have.length(2);
    // the filter is longer than a line: the excerpt is cut around the value, the caret under it
    expect(result.err[0].startsWith('  …')).to.equal(true);
    expect(result.err[0].slice(result.err[1].indexOf('^'))).to.match(/^"LIKE","targetOperand"/);
  });

  it('should point at each of several problems and say how many', async () => {
    const filter = JSON.stringify({
      groups: [{ clauses: [
        { sourceOperandName: 'n', operatorName: 'Greater_Than', targetOperand: { values: ['ten'] } },
        { sourceOperandName: 'd', operatorName: 'EQUALS' },
      ] }],
    });
    const result = await run(filter);
    expect(result.error?.message).to.equal('2 problems in the filter');
    expect(result.err.filter((l) => l.startsWith('filter.'))).to.deep.equal([
      'filter.groups.0.clauses.0.targetOperand.values: Greater_Than compares integers',
      'filter.groups.0.clauses.1.targetOperand.values: EQUALS needs a value',
    ]);
  });

  it('should exit 2 on bad filter JSON, pointing at where it goes wrong', async () => {
    const result = await run('{groups', '{}');
    expect(result.error?.code).to.equal(2);
    expect(result.err).to.deep.equal(['  {groups', '   ^']);
    expect(result.error?.message).to.equal("filter: not valid JSON: expected property name or '}'");
  });

  it('should read the source object from stdin with --source-file -', async () => {
    const result = await run(sales, undefined, { sourceFile: '-', stdin: Readable.from(['{"department":"Sales"}']) });
    expect(result.out).to.deep.equal(['true']);
  });

  describe('as a command', () => {
    it('should exit 0 for false, a successful answer, with the explanation on stdout', async () => {
      const res = await runCli(['scope', twoGroups, '--source-file', '-', '--explain'], { input: '{"department":"Marketing","accountEnabled":true}' });
      expect(res.code).to.equal(0);
      expect(res.stderr).to.equal('');
      expect(res.stdout.split('\n').slice(0, 3)).to.deep.equal([
        'false',
        'out of scope: no group passed',
        '  group "Sales" (groups.0): clause 0 failed: department EQUALS "Sales", but department is "Marketing"',
      ]);
    });

    it('should exit 2 with a caret on an invalid filter and on an unreadable --source-file', async () => {
      const bad = await runCli(['scope', '{"groups":"all"}']);
      expect(bad).to.include({ code: 2, stdout: '', stderr: '  {"groups":"all"}\n            ^\nscimulator: filter.groups: must be array,null\n' });
      const missing = await runCli(['scope', sales, '--source-file', 'missing.json']);
      expect(missing).to.include({ code: 2, stderr: 'scimulator: cannot read --source-file missing.json: no such file\n' });
    });
  });
});
