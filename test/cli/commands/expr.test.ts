import { expect } from 'chai';
import { expr } from '../../../cli/commands/expr.js';
import { ExitError } from '../../../cli/exit-error.js';
import type { ExprOptions } from '../../../cli/commands/expr.js';

function run(expression: string, extra: Partial<ExprOptions> = {}): Promise<{ out: string[]; error?: ExitError }> {
  const out: string[] = [];
  const options: ExprOptions = {
    expression,
    json: false,
    taken: [],
    coalesceEmptyAsNull: false,
    splitTrims: false,
    caseInsensitiveFunctions: false,
    cwd: process.cwd(),
    stdout: (line) => out.push(line),
    ...extra,
  };
  return expr(options).then(
    () => ({ out }),
    (error: unknown) => {
      if (!(error instanceof ExitError)) throw error;
      return { out, error };
    },
  );
}

describe('cli/commands/expr', () => {
  it('should print the value as JSON', async () => {
    expect((await run('Join(" ", [givenName], [surname])', { source: '{"givenName":"Jo","surname":"Lee"}' })).out).to.deep.equal(['"Jo Lee"']);
  });

  it('should print {value, flow} with --json, flow false when the attribute is dropped', async () => {
    expect((await run('IgnoreFlowIfNullOrEmpty([department])', { source: '{"department":""}', json: true })).out).to.deep.equal([
      '{"value":null,"flow":false}',
    ]);
  });

  it('should print FILETIME ticks as exact integers', async () => {
    expect((await run('NumFromDate("2099-12-31 00:00:01Z")')).out).to.deep.equal(['157468320010000000']);
  });

  it('should answer Now() from --now and SelectUniqueValue from --taken', async () => {
    expect((await run('Now()', { now: '2021-07-02T15:33:38Z' })).out).to.deep.equal(['"7/2/2021 3:33:38 PM"']);
    expect((await run('SelectUniqueValue("a", "b")', { taken: ['a'] })).out).to.deep.equal(['"b"']);
  });

  it('should exit 1 with one line on a syntax error, an evaluation error and bad JSON', async () => {
    const syntax = await run('Join(');
    expect(syntax.error?.code).to.equal(1);
    expect(syntax.error?.message).to.equal('syntax at 5: expected a function call, [attribute], "string" or number, found end of expression');
    expect((await run('Left([a])')).error?.message).to.equal('invalid-arity at 0: Left takes Left(string, numChars), got 1 argument(s)');
    expect((await run('[a]', { source: '[1]' })).error?.message).to.equal('--source: expected a JSON object');
    expect((await run('[a]', { source: '{' })).error?.code).to.equal(1);
  });
});
