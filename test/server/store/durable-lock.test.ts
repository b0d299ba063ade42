/**
 * One process per db file (server/store/durable/lock): a second store or `serve` on the same file
 * is refused naming the holder; a holder killed with -9 does not block a restart.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableStore, StoreLockedError } from '../../../server/store/index.js';
import { lockDbFile } from '../../../server/store/durable/lock.js';
import { BASE_URL, user } from './support/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'cli', 'index.ts');

describe('server/store/durable/lock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scimulator-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should refuse a second store on the same file, naming this process, until the first closes', async () => {
    const file = join(dir, 'db.json');
    const first = await createDurableStore({ file, baseUrl: BASE_URL });
    await first.create('User', user('held@example.com'));
    let refused: unknown;
    try {
      await createDurableStore({ file, baseUrl: BASE_URL });
    } catch (error) {
      refused = error;
    }
    expect(refused).to.be.instanceOf(StoreLockedError);
    expect((refused as StoreLockedError).holder?.pid).to.equal(process.pid);
    expect((refused as Error).message).to.contain(`process ${process.pid}`).and.contain(file);
    await first.close();
    const second = await createDurableStore({ file, baseUrl: BASE_URL });
    expect(second.count('User')).to.equal(1);
    await second.close();
  });

  it('should keep a held lock its own across refreshes (the owner file does not look like a takeover)', async function () {
    this.timeout(10_000);
    const file = join(dir, 'held.json');
    let compromised: Error | undefined;
    const lock = await lockDbFile(file, (error) => (compromised = error), { staleMs: 2_000, updateMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(compromised?.message).to.equal(undefined);
    await lock.release();
  });

  it('should make a second `serve` on the same --db exit 2 with one line naming the holder, and let a restart after kill -9 in', async function () {
    this.timeout(60_000);
    const db = join(dir, 'db.json');
    const serve = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', '--token', 't', '--db', db, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const holder = serve([]);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      holder.stdout!.on('data', (c: Buffer) => ((out += c.toString()), /listening on/.test(out) && resolve()));
      holder.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    try {
      const second = serve([]);
      let stderr = '';
      second.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).to.equal(2);
      const lines = stderr.trim().split('\n');
      expect(lines, stderr).to.have.length(1);
      expect(lines[0]).to.contain(`process ${holder.pid}`).and.contain(db);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    // the holder is gone without releasing: its lock is stale at once
    const store = await createDurableStore({ file: db, baseUrl: BASE_URL });
    await store.close();
  });
});
