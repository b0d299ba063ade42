import { expect } from 'chai';
import { applyQuery, matchesQuery } from '../../../engine/logs/query.js';
import { entry } from './support/entries.js';

describe('engine/logs/query', () => {
  describe('#matchesQuery()', () => {
    const e = entry({
      cycleId: 'cycle-a',
      provisioningAction: 'update',
      status: 'failure',
      errorCode: 'EntryConflict',
      activityDateTime: '2026-01-05T10:00:00.000Z',
      sourceId: 'AAD-1',
      sourceName: 'Ada Lovelace',
      targetId: 'scim-9',
      targetName: 'ada@example.com',
    });

    it('should match everything with an empty query', () => {
      expect(matchesQuery(e, {})).to.equal(true);
    });

    it('should test cycleId, status, action and errorCode exactly', () => {
      expect(matchesQuery(e, { cycleId: 'cycle-a' })).to.equal(true);
      expect(matchesQuery(e, { cycleId: 'cycle-b' })).to.equal(false);
      expect(matchesQuery(e, { status: 'failure' })).to.equal(true);
      expect(matchesQuery(e, { status: 'success' })).to.equal(false);
      expect(matchesQuery(e, { action: 'update' })).to.equal(true);
      expect(matchesQuery(e, { action: 'create' })).to.equal(false);
      expect(matchesQuery(e, { errorCode: 'EntryConflict' })).to.equal(true);
      expect(matchesQuery(e, { errorCode: 'TooManyRequests' })).to.equal(false);
      expect(matchesQuery(entry(), { errorCode: 'EntryConflict' })).to.equal(false);
    });

    it('should require every given field to hold', () => {
      expect(matchesQuery(e, { cycleId: 'cycle-a', status: 'failure', action: 'update' })).to.equal(true);
      expect(matchesQuery(e, { cycleId: 'cycle-a', status: 'failure', action: 'delete' })).to.equal(false);
    });

    it('should select entries at or after since', () => {
      expect(matchesQuery(e, { since: new Date('2026-01-05T10:00:00.000Z') })).to.equal(true);
      expect(matchesQuery(e, { since: new Date('2026-01-05T10:00:00.001Z') })).to.equal(false);
    });

    it('should match user against source id, target id and display names, case-insensitively', () => {
      for (const user of ['AAD-1', 'aad-1', 'SCIM-9', 'ada lovelace', 'ADA@EXAMPLE.COM']) expect(matchesQuery(e, { user }), user).to.equal(true);
      for (const user of ['AAD', 'Ada', 'scim-99', '']) expect(matchesQuery(e, { user }), user).to.equal(false);
    });
  });

  describe('#applyQuery()', () => {
    const entries = Array.from({ length: 7 }, (_, i) => entry({ status: i % 3 === 0 ? 'skipped' : 'success' }));

    it('should keep order and return the last N matches with limit', () => {
      expect(applyQuery(entries, { limit: 3 })).to.deep.equal(entries.slice(4));
      expect(applyQuery(entries, { status: 'skipped', limit: 2 })).to.deep.equal([entries[3], entries[6]]);
      expect(applyQuery(entries, { limit: 100 })).to.deep.equal(entries);
      expect(applyQuery(entries, { limit: 0 })).to.deep.equal([]);
      expect(applyQuery(entries)).to.deep.equal(entries);
    });

    it('should reject a limit that is not a whole number', () => {
      expect(() => applyQuery(entries, { limit: -1 })).to.throw(TypeError);
      expect(() => applyQuery(entries, { limit: 1.5 })).to.throw(TypeError);
    });
  });
});
