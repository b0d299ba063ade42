import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '../../../cli/commands/report.js';
import { appendCycleSummary } from '../../../engine/logs/cycles.js';
import { duration } from '../../../engine/logs/report.js';
import type { JobReport } from '../../../engine/logs/report.js';
import { cycleSummary, jobStatus } from '../../engine/logs/support/entries.js';
import { runCli } from './support/run-cli.js';

describe('cli/commands/report', () => {
  let root: string;
  let state: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'scimulator-report-cli-'));
    state = join(root, 'state');
    await appendCycleSummary(state, cycleSummary({ cycleId: 'cycle-initial', durationMs: 4000, counts: { byAction: { create: 8 }, byStatus: { success: 8 }, objects: 8 } }));
    await appendCycleSummary(
      state,
      cycleSummary({
        cycleId: 'cycle-incremental',
        kind: 'incremental',
        state: 'EntryLevelErrors',
        durationMs: 200_000,
        counts: { byAction: { update: 2, disable: 1 }, byStatus: { success: 2, failure: 1 }, objects: 3 },
        requests: { total: 12, reads: 9, writes: 3, byMethod: { GET: 9, PATCH: 3 } },
        status: jobStatus({
          code: 'Quarantine',
          escrows: 5,
          stagedDeletes: 2,
          quarantine: {
            reason: 'EncounteredEscrowProportionThreshold',
            currentBegan: '2026-01-01T01:00:00Z',
            seriesBegan: '2026-01-01T01:00:00Z',
            seriesCount: 1,
            nextAttempt: '2026-01-02T01:00:00Z',
            error: { code: 'EscrowProportion', message: 'too many objects failed', tenantActionable: true },
          },
        }),
      }),
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  describe('as a command', () => {
    it('should print the job status and one row per cycle', async () => {
      const { code, stdout, stderr } = await runCli(['report', '--state', state]);
      expect(stderr).to.equal('');
      expect(code).to.equal(0);
      expect(stdout).to.include('Job status: Quarantine\n');
      expect(stdout).to.include('Quarantine: EncounteredEscrowProportionThreshold since 2026-01-01T01:00:00Z');
      expect(stdout).to.include('Escrows: 5').and.include('Staged deletes: 2');
      expect(stdout).to.include('Cycles (2):');
      const initial = stdout.split('\n').find((l) => l.includes('cycle-initial'))!;
      expect(initial).to.include('initial').and.include('Succeeded').and.include('create 8').and.include('success 8').and.include('4 s').and.include(' 2 ').and.include('7 (4 reads, 3 writes)');
      const incremental = stdout.split('\n').find((l) => l.includes('cycle-incremental'))!;
      expect(incremental).to.include('EntryLevelErrors').and.include('update 2, disable 1').and.include('success 2, failure 1').and.include('3 min 20 s').and.include('0.015').and.include('12 (9 reads, 3 writes)');
    });

    it('should print JSON with --format json and keep the latest N cycles with --last', async () => {
      const { code, stdout } = await runCli(['report', '--state', state, '--format', 'json', '--last', '1']);
      expect(code).to.equal(0);
      const parsed = JSON.parse(stdout) as JobReport;
      expect(parsed.status?.code).to.equal('Quarantine');
      expect(parsed.totalCycles).to.equal(2);
      expect(parsed.cycles).to.have.length(1);
      expect(parsed.cycles[0]).to.deep.include({ cycleId: 'cycle-incremental', kind: 'incremental', objects: 3, objectsPerSecond: 0.015, durationMs: 200_000 });
    });

    it('should exit 2 with one line for a missing state directory or a bad --format', async () => {
      const missing = await runCli(['report', '--state', join(root, 'missing')]);
      expect(missing.code).to.equal(2);
      expect(missing.stderr).to.match(/^scimulator: no state directory .*missing \(has the job run yet\?\)\n$/);
      const format = await runCli(['report', '--state', state, '--format', 'html']);
      expect(format.code).to.equal(2);
      expect(format.stderr).to.equal('scimulator: --format must be one of text, json (got "html")\n');
    });

    it('should show an example in --help', async () => {
      const { code, stdout } = await runCli(['report', '--help']);
      expect(code).to.equal(0);
      expect(stdout).to.include('Examples:').and.include('scimulator report --job job.json');
    });
  });

  describe('#report()', () => {
    it('should say the job has not run when no cycle summary exists', async () => {
      const empty = join(root, 'empty');
      mkdirSync(empty);
      let out = '';
      const result = await report({ state: empty, cwd: root, format: 'text', stdout: (text) => (out += text) });
      expect(result).to.deep.equal({ status: null, cycles: [], totalCycles: 0 });
      expect(out).to.equal('Job has not run: no cycle summaries yet.\n');
    });

    it('should report a cycle that did not run and a cycle-level error', async () => {
      const dir = join(root, 'not-run');
      await appendCycleSummary(dir, cycleSummary({ cycleId: 'paused-cycle', notRun: 'paused', durationMs: 0, status: jobStatus({ code: 'Paused' }) }));
      await appendCycleSummary(dir, cycleSummary({ cycleId: 'failed-cycle', state: 'Failed', error: { code: 'Unauthorized', message: 'probe got 401' } }));
      let out = '';
      const result = await report({ state: dir, cwd: root, format: 'text', stdout: (text) => (out += text) });
      expect(result.cycles[0]).to.deep.include({ notRun: 'paused', objectsPerSecond: null });
      expect(out.split('\n').find((l) => l.includes('paused-cycle'))).to.include('not run (paused)');
      expect(out.split('\n').find((l) => l.includes('failed-cycle'))).to.include('Failed: Unauthorized');
    });
  });

  it('#duration() should write ms, s, min and h', () => {
    expect([950, 2500, 239_600, 3_900_000].map(duration)).to.deep.equal(['950 ms', '2.5 s', '3 min 59 s', '1 h 5 min']);
  });
});
