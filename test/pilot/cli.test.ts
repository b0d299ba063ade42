import { expect } from 'chai';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilot } from '../../cli/commands/pilot.js';
import type { PilotCommandOptions } from '../../cli/commands/pilot.js';
import { ExitError } from '../../cli/exit-error.js';

async function run(options: Partial<PilotCommandOptions>): Promise<{ code: number | undefined; error?: ExitError; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  try {
    const code = await pilot({ target: 'embedded', format: 'text', cwd: process.cwd(), color: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...options });
    return { code, stdout, stderr };
  } catch (error) {
    if (!(error instanceof ExitError)) throw error;
    return { code: error.code, error, stdout, stderr };
  }
}

const PASSING = `
name: cli
scenarios:
  - name: adele provisioned
    steps:
      - initialCycle
      - expect: [{ description: Adele can sign in, signin: { user: adele.vance@contoso.com, allowed: true } }]
`;

describe('cli pilot', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pilot-cli-'));
  });

  it('should exit 0 and print JSON with the summary when every expectation holds', async () => {
    await writeFile(join(dir, 'ok.yaml'), PASSING);
    const out = await run({ plan: join(dir, 'ok.yaml'), format: 'json' });
    expect(out.code).to.equal(0);
    const report = JSON.parse(out.stdout) as { summary: unknown; scenarios: { name: string; status: string; expectations: { status: string }[] }[] };
    expect(report.summary).to.deep.equal({ passed: 1, failed: 0, skipped: 0 });
    expect(report.scenarios[0]).to.deep.include({ name: 'adele provisioned', status: 'passed' });
  });

  it('should exit 1 when an expectation fails, and write the report to --out', async () => {
    await writeFile(join(dir, 'fail.yaml'), PASSING.replace('allowed: true', 'allowed: false'));
    const out = await run({ plan: join(dir, 'fail.yaml'), format: 'junit', out: join(dir, 'report.xml') });
    expect(out.code).to.equal(1);
    expect(out.stdout).to.equal('');
    expect(out.stderr).to.include('0 passed, 1 failed, 0 skipped');
    expect(await readFile(join(dir, 'report.xml'), 'utf8')).to.include('<testcase');
  });

  it('should exit 2 with every plan problem for a bad plan', async () => {
    await writeFile(join(dir, 'bad.yaml'), PASSING.replace('adele.vance@contoso.com', 'nobody@contoso.com').replace('initialCycle', 'advanceClock: later'));
    const out = await run({ plan: join(dir, 'bad.yaml') });
    expect(out.code).to.equal(2);
    expect(out.error!.message).to.include("scenarios.0.steps.0.advanceClock: not an ISO-8601 duration");
    expect(out.error!.message).to.include("scenarios.0.steps.1.expect.0.signin.user: no user 'nobody@contoso.com'");
  });

  it('should take an --only value that names a scenario holding a comma whole, and split the others at commas', async () => {
    const plan = `
name: commas
scenarios:
  - name: one, with a comma
    steps: [initialCycle, { expect: [{ description: Adele can sign in, signin: { user: adele.vance@contoso.com, allowed: true } }] }]
  - name: two
    steps: [initialCycle, { expect: [{ description: Adele can sign in, signin: { user: adele.vance@contoso.com, allowed: true } }] }]
  - name: three
    steps: [initialCycle, { expect: [{ description: Adele can sign in, signin: { user: adele.vance@contoso.com, allowed: true } }] }]
`;
    await writeFile(join(dir, 'commas.yaml'), plan);
    const out = await run({ plan: join(dir, 'commas.yaml'), format: 'json', only: ['one, with a comma', 'two,three'] });
    expect(out.code).to.equal(0);
    const result = JSON.parse(out.stdout) as { scenarios: { name: string; status: string }[] };
    expect(result.scenarios.map((s) => [s.name, s.status])).to.deep.equal([['one, with a comma', 'passed'], ['two', 'passed'], ['three', 'passed']]);
    const some = await run({ plan: join(dir, 'commas.yaml'), format: 'json', only: ['two'] });
    expect((JSON.parse(some.stdout) as { scenarios: { status: string }[] }).scenarios.map((s) => s.status)).to.deep.equal(['skipped', 'passed', 'skipped']);
  });

  it('should exit 2 for a bad --target, a URL without a token and an unknown --only name', async () => {
    await writeFile(join(dir, 'ok.yaml'), PASSING);
    expect((await run({ plan: join(dir, 'ok.yaml'), target: 'nowhere' })).error!.message).to.include('--target must be "embedded" or a SCIM base URL');
    expect((await run({ plan: join(dir, 'ok.yaml'), target: 'http://127.0.0.1:9/scim/v2' })).error!.message).to.include('needs --token');
    const only = await run({ plan: join(dir, 'ok.yaml'), only: ['nope'] });
    expect(only.code).to.equal(2);
    expect(only.error!.message).to.equal("no scenario named 'nope' in the plan");
  });
});
