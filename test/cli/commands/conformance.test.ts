import { expect } from 'chai';
import { conformance } from '../../../cli/commands/conformance.js';
import type { ConformanceOptions } from '../../../cli/commands/conformance.js';
import { ExitError } from '../../../cli/exit-error.js';

function options(overrides: Partial<ConformanceOptions>): { opts: ConformanceOptions; out: string[] } {
  const out: string[] = [];
  return { out, opts: { embedded: false, profile: 'all', format: 'text', keep: false, readOnly: false, timeoutMs: 2000, cwd: process.cwd(), stdout: (t) => out.push(t), ...overrides } };
}

describe('cli/commands/conformance', function () {
  this.timeout(30_000);

  it('should exit 0 and print the summary line for the embedded server', async () => {
    const { opts, out } = options({ embedded: true, only: ['auth', 'users', 'delete'] });
    expect(await conformance(opts)).to.equal(0);
    expect(out.join('').trimEnd().split('\n').at(-1)).to.match(/^\d+ passed, 0 failed, 0 skipped$/);
  });

  it('should exit 1 when a MUST check fails (no-delete quirk)', async () => {
    const { opts, out } = options({ embedded: true, quirks: 'no-delete', only: ['delete-user-204'], format: 'json' });
    expect(await conformance(opts)).to.equal(1);
    expect(JSON.parse(out.join('')).summary).to.deep.include({ passed: 0, failed: 1, skipped: 0 });
  });

  it('should exit 2 with one line when the target is unreachable', async () => {
    const { opts } = options({ baseUrl: 'http://127.0.0.1:1/scim/v2' });
    const error = await conformance(opts).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ExitError);
    expect(error).to.include({ code: 2 });
    expect((error as Error).message).not.to.contain('\n');
  });

  it('should exit 2 for a bad selection or missing target', async () => {
    for (const o of [{ embedded: true, only: ['no-such-check'] }, {}, { baseUrl: 'ftp://x' }]) {
      const error = await conformance(options(o).opts).then(() => undefined, (e: unknown) => e);
      expect(error, JSON.stringify(o)).to.be.instanceOf(ExitError).and.to.include({ code: 2 });
    }
  });
});
