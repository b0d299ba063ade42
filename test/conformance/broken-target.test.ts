import { expect } from 'chai';
import { runConformance } from '../../conformance/index.js';
import type { RunResult } from '../../conformance/index.js';
import { startBrokenTarget } from './support/broken-target.js';
import type { Breakage } from './support/broken-target.js';
import { startEmbeddedTarget } from './support/embedded-target.js';
import type { Target } from './support/embedded-target.js';

const run = (t: Target, only?: string[]) => runConformance({ client: { baseUrl: t.url, auth: { type: 'bearer', token: t.token } }, profile: 'all', only });
const failedIds = (r: RunResult) => r.checks.filter((c) => c.status === 'failed').map((c) => c.id).sort();

/** Checks that fail against the target beyond those that fail against the working server. */
async function extraFailures(start: () => Promise<Target>, baseline: string[], only?: string[]): Promise<string[]> {
  const target = await start();
  try {
    return failedIds(await run(target, only)).filter((id) => !baseline.includes(id));
  } finally {
    await target.close();
  }
}

const DELETE_CHECKS = [
  'delete-group-204', 'delete-group-keeps-users', 'delete-no-body', 'delete-unknown-404', 'delete-user-204',
  'delete-user-not-found-by-filter', 'delete-user-then-404', 'delete-user-twice-404', 'groups-member-deleted-user',
];

describe('conformance against broken targets', function () {
  this.timeout(60_000);
  let baseline: string[];

  before(async () => {
    const target = await startEmbeddedTarget();
    try {
      const result = await run(target);
      baseline = failedIds(result);
      // The working server must not fail a MUST or SHOULD check; otherwise the diffs below hide failures.
      expect(result.checks.filter((c) => c.status === 'failed' && c.level !== 'MAY').map((c) => c.id)).to.deep.equal([]);
    } finally {
      await target.close();
    }
  });

  async function broken(breakage: Breakage): Promise<string[]> {
    let upstream: Target | undefined;
    return extraFailures(async () => {
      upstream = await startEmbeddedTarget();
      const proxy = await startBrokenTarget(upstream, breakage);
      return { ...proxy, close: async () => { await proxy.close(); await upstream!.close(); } };
    }, baseline);
  }

  it('should fail exactly the delete checks when DELETE answers 405 (RFC 7644 §3.6)', async () => {
    expect((await broken('no-delete')).sort()).to.deep.equal(DELETE_CHECKS);
  });

  it('should fail exactly the case-insensitive userName check when userName eq compares case-sensitively (RFC 7643 §4.1)', async () => {
    expect(await broken('case-sensitive-filter')).to.deep.equal(['filter-username-case-insensitive']);
  });

  it('should fail the probe, zero-result and filtered-delete checks when an empty filter result answers 404 (ENTRA-SPEC §6.3)', async () => {
    expect((await broken('empty-filter-404')).sort()).to.deep.equal([
      'delete-user-not-found-by-filter', 'entra-probe-group', 'entra-probe-user', 'filter-and-both', 'filter-external-id-case-exact', 'filter-zero-results', 'throughput-25-rps',
    ]);
  });

  it('should fail every filter-dependent check when filters are ignored (RFC 7644 §3.4.2.2)', async () => {
    const failed = await broken('ignore-filter');
    const filterChecks = failed.filter((id) => id.startsWith('filter-'));
    expect(filterChecks).to.have.length(26);
    expect(failed.filter((id) => !/^(filter|paging|sort|projection)-/.test(id)).sort()).to.deep.equal([
      'delete-user-not-found-by-filter', 'robust-filter-garbage', 'uniqueness-no-duplicate-stored',
    ]);
    expect(failed).to.include.members(['paging-walk', 'sort-ascending', 'projection-list']);
  });

  describe('embedded server with quirk profiles', () => {
    it('should fail exactly the delete checks under no-delete', async () => {
      expect((await extraFailures(() => startEmbeddedTarget('no-delete'), baseline)).sort()).to.deep.equal(DELETE_CHECKS);
    });

    it('should fail userName case checks under case-sensitive', async () => {
      expect((await extraFailures(() => startEmbeddedTarget('case-sensitive'), baseline)).sort()).to.deep.equal([
        'filter-username-case-insensitive', 'uniqueness-user-case-insensitive',
      ]);
    });

    it('should fail every filter other than userName eq under legacy-filter', async () => {
      const failed = await extraFailures(() => startEmbeddedTarget('legacy-filter'), baseline);
      expect(failed).not.to.include.members(['filter-eq-username', 'filter-zero-results', 'entra-probe-user']);
      expect(failed).to.include.members(['filter-external-id-eq', 'filter-co', 'filter-and', 'filter-not', 'paging-walk', 'sort-ascending']);
      expect(failed.filter((id) => !/^(filter|paging|sort|projection)-/.test(id))).to.deep.equal([]);
    });

    it('should fail the throughput check under throttled (ENTRA-SPEC §6.6)', async () => {
      expect(await extraFailures(() => startEmbeddedTarget('throttled'), baseline, ['throughput'])).to.deep.equal(['throughput-25-rps']);
    });
  });
});
