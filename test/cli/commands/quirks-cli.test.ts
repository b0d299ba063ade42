import { expect } from 'chai';
import { runCli } from './support/cli.js';

describe('scimulator quirks (child process)', function () {
  this.timeout(60_000);

  it('should list the bundled profiles as JSON with --json', async () => {
    const res = await runCli(['quirks', 'list', '--json']);
    expect(res.code, res.stderr).to.equal(0);
    const rows = JSON.parse(res.stdout) as { name: string; active: string[]; description: string }[];
    expect(rows.find((r) => r.name === 'throttled')?.active).to.deep.equal(['rateLimit']);
    expect(rows.every((r) => typeof r.description === 'string')).to.equal(true);
  });

  it('should show a profile as JSON with --json, and refuse an unknown name with one line and exit 2', async () => {
    const show = await runCli(['quirks', 'show', 'no-delete', '--json']);
    expect(show.code).to.equal(0);
    expect(JSON.parse(show.stdout).operations.User).to.deep.equal({ delete: false });
    const unknown = await runCli(['quirks', 'show', 'no-such-profile']);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr.trim().split('\n')).to.have.length(1);
  });

  it('should validate a bundled profile by name', async () => {
    const res = await runCli(['quirks', 'validate', 'slack-like']);
    expect(res.code, res.stderr).to.equal(0);
    expect(res.stdout.trim()).to.equal('slack-like: valid; quirks on: truncate, pageSizeMax, softDeleteOnly');
  });
});
