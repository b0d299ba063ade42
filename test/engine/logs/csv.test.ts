import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { neutralizeFormula, provisioningLogCsv, writeProvisioningLogCsv, CSV_FILES } from '../../../engine/logs/csv.js';
import { entry } from './support/entries.js';

const rows = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });

describe('engine/logs/csv', () => {
  const tricky = entry({
    changeId: 'change-tricky',
    status: 'failure',
    errorCode: 'EntryConflict',
    reason: 'The target said "409", conflict,\nuserName taken',
    sourceName: '=HYPERLINK("http://evil","x")',
    sourceId: '@SUM(A1)',
    provisioningSteps: [
      { name: 'EntryImportAdd', provisioningStepType: 'import', status: 'success', description: 'Received, "quoted"', details: { a: 'b,c', n: 'line\nbreak' } },
      { name: 'EntryExportAdd', provisioningStepType: 'export', status: 'failure', description: '-1 from target', details: {} },
    ],
    modifiedProperties: [
      { displayName: 'displayName', oldValue: null, newValue: 'Smith, "Jo"' },
      { displayName: 'phone', oldValue: '+44 1234', newValue: '' },
    ],
  });
  const plain = entry({ changeId: 'change-plain', onDemand: true, modifiedProperties: [] });

  describe('#provisioningLogCsv()', () => {
    const files = provisioningLogCsv([tricky, plain]);

    it('should write the entries file without steps or modified properties, quoting commas, quotes and newlines', () => {
      const parsed = rows(files.entries);
      expect(parsed).to.have.length(2);
      expect(Object.keys(parsed[0]!)).to.include.members(['id', 'changeId', 'cycleId', 'provisioningAction', 'status', 'errorCode', 'reason', 'sourceIdentity.id', 'targetIdentity.id']);
      expect(Object.keys(parsed[0]!).some((k) => /step|modified/i.test(k))).to.equal(false);
      expect(parsed[0]).to.include({
        changeId: 'change-tricky',
        status: 'failure',
        errorCode: 'EntryConflict',
        reason: 'The target said "409", conflict,\nuserName taken',
        errorCategory: 'nonServiceFailure',
        durationInMilliseconds: '12',
        onDemand: 'false',
      });
      expect(parsed[1]).to.include({ changeId: 'change-plain', errorCode: '', reason: '', onDemand: 'true' });
    });

    it('should prefix cells that a spreadsheet would run as formulas with an apostrophe', () => {
      const [row] = rows(files.entries);
      expect(row!['sourceIdentity.displayName']).to.equal(`'=HYPERLINK("http://evil","x")`);
      expect(row!['sourceIdentity.id']).to.equal(`'@SUM(A1)`);
      expect(rows(files.steps)[1]!.description).to.equal(`'-1 from target`);
      expect(rows(files.modifiedProperties)[1]!.oldValue).to.equal(`'+44 1234`);
    });

    it('should write one steps row per step, joined by changeId, details as JSON', () => {
      const steps = rows(files.steps);
      expect(steps.map((s) => [s.changeId, s.stepNumber, s.name])).to.deep.equal([
        ['change-tricky', '1', 'EntryImportAdd'],
        ['change-tricky', '2', 'EntryExportAdd'],
        ['change-plain', '1', 'EntryImportAdd'],
        ['change-plain', '2', 'EntryExportAdd'],
      ]);
      expect(steps[0]).to.include({ provisioningStepType: 'import', status: 'success', description: 'Received, "quoted"' });
      expect(JSON.parse(steps[0]!.details!)).to.deep.equal({ a: 'b,c', n: 'line\nbreak' });
    });

    it('should write one modified-properties row per property, null as an empty cell', () => {
      expect(rows(files.modifiedProperties)).to.deep.equal([
        { changeId: 'change-tricky', displayName: 'displayName', oldValue: '', newValue: 'Smith, "Jo"' },
        { changeId: 'change-tricky', displayName: 'phone', oldValue: `'+44 1234`, newValue: '' },
      ]);
    });

    it('should use CRLF between records (RFC 4180) and keep a header row when there are no entries', () => {
      expect(files.modifiedProperties).to.include('\r\n');
      expect(rows(provisioningLogCsv([]).steps)).to.deep.equal([]);
      expect(provisioningLogCsv([]).modifiedProperties.replace(/^\uFEFF/, '')).to.equal('changeId,displayName,oldValue,newValue\r\n');
    });
  });

  describe('#neutralizeFormula()', () => {
    it('should prefix = + - @ tab and CR only', () => {
      expect(['=1', '+1', '-1', '@a', '\tx', '\rx'].map(neutralizeFormula)).to.deep.equal(["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx"]);
      expect(['a=1', '', 'x-1', "'=1"].map(neutralizeFormula)).to.deep.equal(['a=1', '', 'x-1', "'=1"]);
    });
  });

  describe('#writeProvisioningLogCsv()', () => {
    it('should write the three files into the directory and return their paths', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'scimulator-csv-'));
      try {
        const paths = await writeProvisioningLogCsv(dir, [tricky]);
        expect(paths).to.deep.equal(Object.values(CSV_FILES).map((name) => join(dir, name)));
        expect(rows(readFileSync(paths[0]!, 'utf8'))[0]!.changeId).to.equal('change-tricky');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
