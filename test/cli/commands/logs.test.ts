import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { logs, logsOptionsFrom } from '../../../cli/commands/logs.js';
import { ExitError } from '../../../cli/exit-error.js';
import { openLogStore } from '../../../engine/logs/store.js';
import type { ProvisioningLogEntry } from '../../../engine/logs/types.js';
import { systemClock } from '../../../util/clock.js';
import { entry } from '../../engine/logs/support/entries.js';
import { runCli } from './support/run-cli.js';

describe('cli/commands/logs', () => {
  let root: string;
  let state: string;
  let entries: ProvisioningLogEntry[];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'scimulator-logs-cli-'));
    state = join(root, 'state');
    // Dated just now: the command reads with the real clock and a 30-day retention.
    const at = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    entries = [
      entry({ activityDateTime: at(50), cycleId: 'cycle-one', sourceName: 'Ada Lovelace', sourceId: 'aad-ada', targetId: 'scim-ada' }),
      entry({ activityDateTime: at(40), cycleId: 'cycle-one', status: 'failure', errorCode: 'EntryConflict', reason: 'userName "grace", taken\nby another', sourceName: 'Grace Hopper', sourceId: 'aad-grace', targetId: '' }),
      entry({ activityDateTime: at(30), cycleId: 'cycle-two', provisioningAction: 'update', sourceName: '=cmd|calc', sourceId: 'aad-eve' }),
      entry({ activityDateTime: at(20), cycleId: 'cycle-two', provisioningAction: 'disable', status: 'skipped', sourceName: 'Ada Lovelace', sourceId: 'aad-ada' }),
    ];
    const store = await openLogStore({ dir: state, clock: systemClock });
    await store.append(entries);
    await store.close();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  describe('as a command', () => {
    it('should print a table of every entry by default', async () => {
      const { code, stdout, stderr } = await runCli(['logs', '--state', state]);
      expect(stderr).to.equal('');
      expect(code).to.equal(0);
      expect(stdout).to.include('Ada Lovelace (aad-ada)').and.include('EntryConflict').and.include('Grace Hopper (aad-grace)');
      expect(stdout).to.match(/4 entries\n$/);
    });

    it('should print one JSON array of the entries a filter selects', async () => {
      const { code, stdout } = await runCli(['logs', '--state', state, '--status', 'failure', '--format', 'json']);
      expect(code).to.equal(0);
      expect(JSON.parse(stdout)).to.deep.equal([entries[1]]);
    });

    it('should write the three CSV files into the current folder by default and print their paths', async () => {
      const cwd = join(root, 'download');
      mkdirSync(cwd);
      const { code, stdout } = await runCli(['logs', '--state', state, '--cycle', 'cycle-one', '--format', 'csv'], cwd);
      expect(code).to.equal(0);
      const names = ['ProvisioningLogs.csv', 'ProvisioningLogs_ProvisioningSteps.csv', 'ProvisioningLogs_ModifiedProperties.csv'];
      expect(stdout.trim().split('\n')).to.deep.equal(names.map((name) => join(cwd, name)));
      const rows = parse(readFileSync(join(cwd, names[0]!), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.map((r) => r.changeId)).to.deep.equal([entries[0]!.changeId, entries[1]!.changeId]);
      expect(rows[1]!.reason).to.equal('userName "grace", taken\nby another');
      const steps = parse(readFileSync(join(cwd, names[1]!), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
      expect(steps).to.have.length(4);
    });

    it('should write CSV into --out, creating it, and guard formula-like cells', async () => {
      const out = join(root, 'out', 'nested');
      const { code, stdout } = await runCli(['logs', '--state', state, '--user', 'AAD-EVE', '--format', 'csv', '--out', out]);
      expect(code).to.equal(0);
      expect(stdout).to.include(join(out, 'ProvisioningLogs.csv'));
      const [row] = parse(readFileSync(join(out, 'ProvisioningLogs.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
      expect(row!['sourceIdentity.displayName']).to.equal("'=cmd|calc");
    });

    it('should read the state directory named by a job file', async () => {
      const job = join(root, 'job.json');
      writeFileSync(job, JSON.stringify({ name: 'contoso', source: { path: 'dir.json' }, target: { url: 'http://127.0.0.1:1/scim' }, state: 'state' }));
      const { code, stdout } = await runCli(['logs', '--job', job, '--action', 'disable', '--format', 'json']);
      expect(code).to.equal(0);
      expect(JSON.parse(stdout)).to.deep.equal([entries[3]]);
    });

    it('should exit 2 with one line for a bad --status, a missing state directory or a bad job file', async () => {
      const job = join(root, 'bad-job.json');
      writeFileSync(job, JSON.stringify({ source: {} }));
      const cases: [string[], RegExp][] = [
        [['logs', '--state', state, '--status', 'broken'], /^scimulator: --status must be one of failure, skipped, success, warning \(got "broken"\)\n$/],
        [['logs', '--state', join(root, 'nope')], /^scimulator: no state directory .*nope \(has the job run yet\?\)\n$/],
        [['logs', '--job', job], /^scimulator: invalid job .*bad-job\.json: .*\n$/],
      ];
      for (const [args, stderr] of cases) {
        const result = await runCli(args);
        expect(result.code, args.join(' ')).to.equal(2);
        expect(result.stderr, args.join(' ')).to.match(stderr);
        expect(result.stdout).to.equal('');
      }
    });

    it('should show an example in --help', async () => {
      const { code, stdout } = await runCli(['logs', '--help']);
      expect(code).to.equal(0);
      expect(stdout).to.include('Examples:').and.include('scimulator logs --job job.json --status failure');
    });
  });

  describe('#logs()', () => {
    async function run(opts: Record<string, unknown>): Promise<{ entries: ProvisioningLogEntry[]; out: string }> {
      let out = '';
      const options = { ...logsOptionsFrom({ state, format: 'json', ...opts }, root), stdout: (text: string) => (out += text) };
      return { entries: await logs(options), out };
    }

    it('should apply --user to ids and display names case-insensitively', async () => {
      expect((await run({ user: 'ada lovelace' })).entries).to.deep.equal([entries[0], entries[3]]);
      expect((await run({ user: 'SCIM-ADA' })).entries).to.deep.equal([entries[0]]);
    });

    it('should apply --error-code, --since and --limit (the latest N)', async () => {
      expect((await run({ errorCode: 'EntryConflict' })).entries).to.deep.equal([entries[1]]);
      expect((await run({ since: entries[2]!.activityDateTime })).entries).to.deep.equal(entries.slice(2));
      expect((await run({ limit: '2' })).entries).to.deep.equal(entries.slice(2));
    });

    it('should write ProvisioningLogs.json into --out for json', async () => {
      const out = join(root, 'json-out');
      const { out: printed } = await run({ out, cycle: 'cycle-two' });
      expect(printed).to.equal(`${join(out, 'ProvisioningLogs.json')}\n`);
      expect(JSON.parse(readFileSync(join(out, 'ProvisioningLogs.json'), 'utf8'))).to.deep.equal(entries.slice(2));
    });

    it('should refuse bad option values with one line', () => {
      const refused = (opts: Record<string, unknown>): string => {
        try {
          logsOptionsFrom({ state, ...opts }, root);
        } catch (error) {
          expect(error).to.be.instanceOf(ExitError);
          expect((error as ExitError).code).to.equal(2);
          return (error as ExitError).message;
        }
        throw new Error('accepted');
      };
      expect(refused({ action: 'purge' })).to.equal('--action must be one of create, update, delete, disable, stagedDelete, other (got "purge")');
      expect(refused({ limit: '0' })).to.equal('--limit must be a whole number >= 1 (got "0")');
      expect(refused({ since: 'yesterday' })).to.match(/^--since must be an ISO-8601 time/);
      expect(refused({ format: 'xml' })).to.equal('--format must be one of table, json, csv (got "xml")');
      expect(refused({ out: 'x' })).to.equal('--out needs --format csv or json');
    });

    it('should ask for --job or --state when given neither', async () => {
      const error = await logs({ ...logsOptionsFrom({}, root), state: undefined }).catch((e: unknown) => e);
      expect((error as ExitError).message).to.equal('give --job FILE or --state DIR');
    });
  });
});
