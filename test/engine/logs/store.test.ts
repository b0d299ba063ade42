import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock } from '../../../util/clock.js';
import { openLogStore, LOG_FILE } from '../../../engine/logs/store.js';
import { JsonLinesError } from '../../../engine/logs/jsonl.js';
import { entry } from './support/entries.js';

const DAY = 86_400_000;

describe('engine/logs/store', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'scimulator-logs-')), 'state', 'job');
  });
  afterEach(() => rmSync(join(dir, '..', '..'), { recursive: true, force: true }));

  describe('#openLogStore() with a directory', () => {
    it('should create the directory and append one JSON line per entry, returned oldest first', async () => {
      const { clock } = createManualClock(Date.parse('2026-01-02T00:00:00Z'));
      const store = await openLogStore({ dir, clock });
      const a = entry({ activityDateTime: '2026-01-01T10:00:00.000Z' });
      const b = entry({ activityDateTime: '2026-01-01T11:00:00.000Z' });
      const c = entry({ activityDateTime: '2026-01-01T12:00:00.000Z' });
      await store.append([a, b]);
      await store.append([c]);
      await store.append([]);
      expect(await store.query()).to.deep.equal([a, b, c]);
      await store.close();
      const lines = readFileSync(join(dir, LOG_FILE), 'utf8').split('\n');
      expect(lines).to.have.length(4);
      expect(lines[3]).to.equal('');
      expect(JSON.parse(lines[1]!)).to.deep.equal(b);
    });

    it('should keep entries across a reopen and apply the query with limit as the last N', async () => {
      const { clock } = createManualClock(Date.parse('2026-01-02T00:00:00Z'));
      const first = await openLogStore({ dir, clock });
      const entries = Array.from({ length: 10 }, (_, i) => entry({ activityDateTime: `2026-01-01T0${i}:00:00.000Z`, status: i % 2 ? 'failure' : 'success' }));
      await first.append(entries);
      await first.close();
      const second = await openLogStore({ dir, clock });
      expect(await second.query({ status: 'failure', limit: 2 })).to.deep.equal([entries[7], entries[9]]);
      expect(await second.query({ limit: 0 })).to.deep.equal([]);
      await second.close();
    });

    it('should see appends that were not awaited before the query', async () => {
      const { clock } = createManualClock(Date.parse('2026-01-02T00:00:00Z'));
      const store = await openLogStore({ dir, clock });
      const a = entry();
      void store.append([a]);
      expect(await store.query()).to.deep.equal([a]);
      await store.close();
    });

    it('should drop entries older than the retention on open, rewriting the file atomically', async () => {
      const manual = createManualClock(Date.parse('2026-01-01T00:00:00Z'));
      const store = await openLogStore({ dir, clock: manual.clock });
      const old = entry({ activityDateTime: '2026-01-01T00:00:00.000Z' });
      const recent = entry({ activityDateTime: '2026-01-20T00:00:00.000Z' });
      await store.append([old, recent]);
      await store.close();

      manual.set(Date.parse('2026-01-01T00:00:00Z') + 31 * DAY);
      const reopened = await openLogStore({ dir, clock: manual.clock });
      expect(await reopened.query()).to.deep.equal([recent]);
      await reopened.close();
      expect(readFileSync(join(dir, LOG_FILE), 'utf8')).to.equal(`${JSON.stringify(recent)}\n`);
      expect(readdirSync(dir)).to.deep.equal([LOG_FILE]);
    });

    it('should not rewrite the file when nothing expired', async () => {
      const manual = createManualClock(Date.parse('2026-01-10T00:00:00Z'));
      writeFileSync(join(mkdirp(dir), LOG_FILE), `${JSON.stringify(entry({ activityDateTime: '2026-01-09T00:00:00.000Z' }))}\n`);
      const before = readFileSync(join(dir, LOG_FILE), 'utf8');
      const { ino } = statSync(join(dir, LOG_FILE));
      const store = await openLogStore({ dir, clock: manual.clock });
      await store.close();
      expect(statSync(join(dir, LOG_FILE)).ino).to.equal(ino);
      expect(readFileSync(join(dir, LOG_FILE), 'utf8')).to.equal(before);
    });

    it('should honour a shorter retention and hide entries that expire while open', async () => {
      const manual = createManualClock(Date.parse('2026-01-01T12:00:00Z'));
      const store = await openLogStore({ dir, clock: manual.clock, retentionDays: 7 });
      const a = entry({ activityDateTime: '2026-01-01T00:00:00.000Z' });
      const b = entry({ activityDateTime: '2026-01-05T00:00:00.000Z' });
      await store.append([a, b]);
      manual.advance(7 * DAY);
      expect(await store.query()).to.deep.equal([b]);
      await store.close();
    });

    it('should ignore a torn last line on read and cut it off before the next append', async () => {
      const { clock } = createManualClock(Date.parse('2026-01-02T00:00:00Z'));
      const a = entry();
      const b = entry();
      const file = join(mkdirp(dir), LOG_FILE);
      writeFileSync(file, `${JSON.stringify(a)}\n${JSON.stringify(b).slice(0, 40)}`);
      const reader = await openLogStore({ dir, clock, readOnly: true });
      expect(await reader.query()).to.deep.equal([a]);
      expect(readFileSync(file, 'utf8')).to.have.length.greaterThan(JSON.stringify(a).length + 1);

      const writer = await openLogStore({ dir, clock });
      const c = entry();
      await writer.append([c]);
      expect(await writer.query()).to.deep.equal([a, c]);
      await writer.close();
      expect(readFileSync(file, 'utf8')).to.equal(`${JSON.stringify(a)}\n${JSON.stringify(c)}\n`);
    });

    it('should refuse a damaged line that has lines after it', async () => {
      const { clock } = createManualClock(Date.parse('2026-01-02T00:00:00Z'));
      const file = join(mkdirp(dir), LOG_FILE);
      writeFileSync(file, `${JSON.stringify(entry())}\nnot json\n${JSON.stringify(entry())}\n`);
      const reader = await openLogStore({ dir, clock, readOnly: true });
      const error = await reader.query().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(JsonLinesError);
      expect((error as JsonLinesError).line).to.equal(2);
    });

    it('should neither create nor change anything when read-only, and refuse appends', async () => {
      const { clock } = createManualClock();
      const reader = await openLogStore({ dir, clock, readOnly: true });
      expect(await reader.query()).to.deep.equal([]);
      const error = await reader.append([entry()]).catch((e: unknown) => e);
      expect((error as Error).message).to.equal('log store was opened read-only');
      await reader.close();
      expect(() => readdirSync(dir)).to.throw(/ENOENT/);
    });

    it('should refuse appends after close', async () => {
      const { clock } = createManualClock();
      const store = await openLogStore({ dir, clock });
      await store.close();
      const error = await store.append([entry()]).catch((e: unknown) => e);
      expect((error as Error).message).to.equal('log store is closed');
    });
  });

  describe('#openLogStore() in memory', () => {
    it('should keep entries in memory only, apply queries and retention', async () => {
      const manual = createManualClock(Date.parse('2026-01-01T00:00:00Z'));
      const store = await openLogStore({ clock: manual.clock });
      const a = entry({ activityDateTime: '2026-01-01T00:00:00.000Z', cycleId: 'one' });
      const b = entry({ activityDateTime: '2026-01-15T00:00:00.000Z', cycleId: 'two' });
      await store.append([a, b]);
      expect(await store.query({ cycleId: 'two' })).to.deep.equal([b]);
      manual.advance(30 * DAY + 1);
      expect(await store.query()).to.deep.equal([b]);
      await store.close();
    });

    it('should reject a retention that is not positive', async () => {
      const error = await openLogStore({ clock: createManualClock().clock, retentionDays: 0 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(TypeError);
    });
  });
});

function mkdirp(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
