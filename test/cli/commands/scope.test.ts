import { expect } from 'chai';
import { scope } from '../../../cli/commands/scope.js';
import { ExitError } from '../../../cli/exit-error.js';

const sales = JSON.stringify({
  groups: [{ name: 'g', clauses: [{ sourceOperandName: 'department', operatorName: 'EQUALS', targetOperand: { values: ['Sales'] } }] }],
});

async function run(filter: string, source?: string): Promise<{ out: string[]; error?: ExitError }> {
  const out: string[] = [];
  try {
    await scope({ filter, source, unanchoredRegex: false, cwd: process.cwd(), stdout: (line) => out.push(line) });
    return { out };
  } catch (error) {
    if (!(error instanceof ExitError)) throw error;
    return { out, error };
  }
}

describe('cli/commands/scope', () => {
  it('should print true for an object in scope and false otherwise', async () => {
    expect((await run(sales, '{"department":"Sales"}')).out).to.deep.equal(['true']);
    expect((await run(sales, '{"department":"sales"}')).out).to.deep.equal(['false']);
  });

  it('should treat null as no filter', async () => {
    expect((await run('null', '{}')).out).to.deep.equal(['true']);
  });

  it('should exit 1 with the problems of an invalid filter', async () => {
    const result = await run('{"groups":[{"clauses":[{"sourceOperandName":"d","operatorName":"LIKE","targetOperand":{"values":["x"]}}]}]}');
    expect(result.error?.code).to.equal(1);
    expect(result.error?.message).to.equal('filter.groups.0.clauses.0.operatorName: unknown operator "LIKE"');
  });

  it('should exit 1 on bad JSON', async () => {
    expect((await run('{groups', '{}')).error?.code).to.equal(1);
  });
});
