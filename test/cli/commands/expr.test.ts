import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import { expr } from '../../../cli/commands/expr.js';
import { ExitError } from '../../../cli/exit-error.js';
import type { ExprOptions } from '../../../cli/commands/expr.js';
import { runCli } from './support/cli.js';

interface Run { out: string[]; err: string[]; error?: ExitError }

function run(expression: string, extra: Partial<ExprOptions> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const options: ExprOptions = {
    expression,
    json: false,
    taken: [],
    coalesceEmptyAsNull: false,
    splitTrims: false,
    caseInsensitiveFunctions: false,
    cwd: process.cwd(),
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    ...extra,
  };
  return expr(options).then(
    () => ({ out, err }),
    (error: unknown) => {
      if (!(error instanceof ExitError)) throw error;
      return { out, err, error };
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

  it('should point a caret at the offending character of a syntax error, with a sentence', async () => {
    const open = await run('Join(');
    expect(open.error?.code).to.equal(2);
    expect(open.err).to.deep.equal(['  Join(', '       ^']);
    expect(open.error?.message).to.equal('unexpected end of the expression — expected an argument: a function call, [attribute], "string" or number');

    const missingComma = await run('Join(" ", [givenName] [surname])');
    expect(missingComma.err).to.deep.equal(['  Join(" ", [givenName] [surname])', '                        ^']);
    expect(missingComma.error?.message).to.equal("unexpected '[surname]' — expected ',' or ')'");

    const stray = await run('Join("a" # "b")');
    expect(stray.err[1].indexOf('^') - 2).to.equal('Join("a" # "b")'.indexOf('#'));
    expect(stray.error?.message).to.equal("unexpected character '#' — not part of the expression language");
  });

  it('should point at the call of an evaluation error and exit 2', async () => {
    const arity = await run('Join(",", Left([a]))', { source: '{"a":"x"}' });
    expect(arity.error?.code).to.equal(2);
    expect(arity.err).to.deep.equal(['  Join(",", Left([a]))', '            ^']);
    expect(arity.error?.message).to.equal('Left takes Left(string, numChars), got 1 argument(s)');
    expect((await run('Foo()')).error?.message).to.equal('unknown function Foo');
  });

  it('should exit 2 on bad source JSON, pointing at where it goes wrong', async () => {
    const bad = await run('[a]', { source: '{"a":tru}' });
    expect(bad.error?.code).to.equal(2);
    expect(bad.err).to.deep.equal(['  {"a":tru}', '          ^']);
    expect(bad.error?.message).to.equal("--source: not valid JSON: unexpected '}'");
    const unterminated = await run('[a]', { source: '{"a":"x' });
    expect(unterminated.error?.message).to.equal('--source: not valid JSON: unterminated string');
    expect((await run('[a]', { source: '[1]' })).error?.message).to.equal('--source: expected a JSON object of attributes, got an array');
    expect((await run('[a]', { source: '' })).error?.code).to.equal(2);
    expect((await run('Now()', { now: 'yesterday' })).error?.code).to.equal(2);
  });

  it('should name the line and column of a mistake in a --source-file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scimulator-expr-'));
    writeFileSync(join(dir, 'user.json'), '{\n  "a": "x",\n  "b": tru\n}\n');
    const result = await run('[a]', { sourceFile: 'user.json', cwd: dir });
    expect(result.error?.code).to.equal(2);
    expect(result.err).to.deep.equal(['--source-file user.json, line 3, column 11:', '    "b": tru', '            ^']);
  });

  it('should read the source object from stdin with --source-file -', async () => {
    const result = await run('[givenName]', { sourceFile: '-', stdin: Readable.from([Buffer.from('{"givenName":'), Buffer.from('"Jo"}')]) });
    expect(result.out).to.deep.equal(['"Jo"']);
  });

  describe('as a command', () => {
    it('should read stdin with --source-file - and exit 0', async () => {
      const res = await runCli(['expr', 'Join(" ", [givenName], [surname])', '--source-file', '-'], { input: '{"givenName":"Jo","surname":"Lee"}' });
      expect(res).to.include({ code: 0, stdout: '"Jo Lee"\n', stderr: '' });
    });

    it('should print the expression, a caret and one sentence on stderr, and exit 2', async () => {
      const res = await runCli(['expr', 'Join(" ", [a], )x']);
      expect(res.code).to.equal(2);
      expect(res.stdout).to.equal('');
      expect(res.stderr).to.equal(
        '  Join(" ", [a], )x\n' +
        '                  ^\n' +
        "scimulator: unexpected 'x' — expected the end of the expression (only one value at the top level)\n",
      );
    });

    it('should refuse an unreadable --source-file with one line and exit 2', async () => {
      const missing = await runCli(['expr', '[a]', '--source-file', 'no-such-file.json']);
      expect(missing).to.include({ code: 2, stdout: '', stderr: 'scimulator: cannot read --source-file no-such-file.json: no such file\n' });
      const dir = await runCli(['expr', '[a]', '--source-file', 'test']);
      expect(dir).to.include({ code: 2, stderr: 'scimulator: cannot read --source-file test: is a directory, not a file\n' });
    });

    it('should show examples and the exit status in --help', async () => {
      const res = await runCli(['expr', '--help']);
      expect(res.code).to.equal(0);
      expect(res.stdout).to.include('--source-file -');
      expect(res.stdout).to.include('Exit status: 0 with the value printed; 2 on bad input');
    });
  });
});
