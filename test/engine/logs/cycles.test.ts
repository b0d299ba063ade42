import { expect } from 'chai';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendCycleSummary, readCycleSummaries, toCycleSummary, CYCLES_FILE } from '../../../engine/logs/cycles.js';
import type { CycleReport } from '../../../engine/api.js';
import { cycleSummary, entry, jobStatus } from './support/entries.js';

describe('engine/logs/cycles', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'scimulator-cycles-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('should read nothing for a job that never ran', async () => {
    expect(await readCycleSummaries(join(root, 'missing'))).to.deep.equal([]);
  });

  it('should append summaries (creating the directory) and read them back oldest first', async () => {
    const dir = join(root, 'state');
    const first = cycleSummary({ cycleId: 'one' });
    const second = cycleSummary({ cycleId: 'two', kind: 'incremental', status: jobStatus({ code: 'Quarantine' }) });
    await appendCycleSummary(dir, first);
    await appendCycleSummary(dir, second);
    const read = await readCycleSummaries(dir);
    expect(read).to.deep.equal([first, second]);
    expect(read.at(-1)!.status.code).to.equal('Quarantine');
  });

  it('should strip entries and planned requests from a whole cycle report', async () => {
    const report: CycleReport = { ...cycleSummary(), entries: [entry()], plannedRequests: [{ method: 'POST', path: '/Users' }] };
    await appendCycleSummary(root, report);
    const line = JSON.parse(readFileSync(join(root, CYCLES_FILE), 'utf8'));
    expect(line).to.not.have.any.keys('entries', 'plannedRequests');
    expect(line).to.deep.equal(toCycleSummary(report));
    expect(line).to.deep.equal(cycleSummary());
  });

  it('should ignore a torn last summary and not glue the next one to it', async () => {
    await appendCycleSummary(root, cycleSummary({ cycleId: 'one' }));
    appendFileSync(join(root, CYCLES_FILE), JSON.stringify(cycleSummary({ cycleId: 'torn' })).slice(0, 30));
    expect((await readCycleSummaries(root)).map((s) => s.cycleId)).to.deep.equal(['one']);
    await appendCycleSummary(root, cycleSummary({ cycleId: 'three' }));
    expect((await readCycleSummaries(root)).map((s) => s.cycleId)).to.deep.equal(['one', 'three']);
  });
});
