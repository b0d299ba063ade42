import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, ExitError } from '../../../cli/exit-error.js';
import { listProfiles, showProfile, validateProfile } from '../../../cli/commands/quirks.js';

function io(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, options: { cwd, stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) } };
}

async function exitCode(promise: Promise<unknown>): Promise<number | undefined> {
  return promise.then(() => undefined, (e: unknown) => (e instanceof ExitError ? e.code : -1));
}

describe('cli/commands/quirks', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scimulator-quirks-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should list every bundled profile with the quirks it turns on', async () => {
    const { out, options } = io();
    const rows = await listProfiles(options);
    expect(rows.find((r) => r.name === 'slack-like')?.active).to.deep.equal(['truncate', 'pageSizeMax', 'softDeleteOnly']);
    expect(rows.find((r) => r.name === 'strict-rfc')?.active).to.deep.equal([]);
    expect(out.join('\n')).to.match(/^strict-rfc +\(nothing on\)$/m);
  });

  it('should show a bundled profile as JSON, and refuse an unknown one with exit 2', async () => {
    const { out, options } = io();
    await showProfile('no-delete', options);
    expect(JSON.parse(out.join('\n')).operations.User).to.deep.equal({ delete: false });
    expect(await exitCode(showProfile('nope', io().options))).to.equal(EXIT.usage);
  });

  it('should validate a good file (exit 0) and print every reason for a bad one (exit 1)', async () => {
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ description: 'ok', pageSizeMax: 10 }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ description: 'x', bogus: 1, truncate: { User: { nope: 1 } } }));
    const good = io(dir);
    await validateProfile('good.json', good.options);
    expect(good.out).to.deep.equal(['good.json: valid; quirks on: pageSizeMax']);
    const bad = io(dir);
    expect(await exitCode(validateProfile('bad.json', bad.options))).to.equal(EXIT.failed);
    expect(bad.err).to.deep.equal(['bad.json: invalid quirk profile (2 problems)', '  bogus: must NOT have additional properties', "  truncate.User.nope: 'nope' is not an attribute of User"]);
  });

  it('should exit 1 for a file that is not JSON and 2 for one that cannot be read', async () => {
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(await exitCode(validateProfile('broken.json', io(dir).options))).to.equal(EXIT.failed);
    expect(await exitCode(validateProfile('missing.json', io(dir).options))).to.equal(EXIT.usage);
  });
});
