import { expect } from 'chai';
import { formatLogTable, reasonOf, shortId } from '../../../engine/logs/table.js';
import { entry } from './support/entries.js';

describe('engine/logs/table', () => {
  const failed = entry({ activityDateTime: '2026-01-05T10:11:12.345Z', status: 'failure', errorCode: 'EntryConflict', sourceName: 'Ada', sourceId: 'aad-1', targetId: '' });
  const skipped = entry({
    provisioningAction: 'other',
    status: 'skipped',
    provisioningSteps: [{ name: 'EntrySynchronizationSkip', provisioningStepType: 'export', status: 'skipped', description: 'already match', details: { SkipReason: 'RedundantExport' } }],
  });

  describe('#formatLogTable()', () => {
    it('should show time, short cycle, action, status, source, target id and reason per entry', () => {
      const text = formatLogTable([failed, skipped]);
      const lines = text.split('\n');
      const row = lines.find((l) => l.includes('Ada (aad-1)'))!;
      expect(row).to.include('2026-01-05 10:11:12').and.include('c0ffee01').and.include('create').and.include('failure').and.include('EntryConflict');
      expect(row).to.not.include('c0ffee01-0000');
      expect(lines.find((l) => l.includes('RedundantExport'))).to.include('skipped').and.include('other');
      expect(text).to.match(/2 entries\n$/);
      // no colour codes unless asked
      expect(text).to.not.include('\x1b[');
    });

    it('should colour the status when asked', () => {
      expect(formatLogTable([failed], { color: true })).to.include('\x1b[31mfailure');
    });

    it('should say so when nothing matched', () => {
      expect(formatLogTable([])).to.equal('no provisioning log entries match\n');
    });
  });

  it('#reasonOf() should prefer the error code and fall back to a step SkipReason', () => {
    expect(reasonOf(failed)).to.equal('EntryConflict');
    expect(reasonOf(skipped)).to.equal('RedundantExport');
    expect(reasonOf(entry())).to.equal('');
  });

  it('#shortId() should keep the first block of a uuid', () => {
    expect(shortId('3f2a1b4c-1111-2222-3333-444455556666')).to.equal('3f2a1b4c');
    expect(shortId('abcdefghijkl')).to.equal('abcdefgh');
  });
});
