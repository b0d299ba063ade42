import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDurableStore } from '../../../server/store/durable-store.js';

const WRITER = fileURLToPath(new URL('./support/durable-writer.ts', import.meta.url));

/** Runs the writer, SIGKILLs it once `after` ids were acknowledged, returns every acknowledged id. */
function runAndKill(file: string, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line !== 'ready') ids.push(line);
      if (ids.length >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}: ${stderr}`));
      else resolve(ids);
    });
  });
}

describe('server/store/durable-store (kill -9)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scimulator-kill-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should keep every acknowledged write and leave parseable files after SIGKILL mid-run', async () => {
    const file = join(dir, 'db.json');
    const first = await runAndKill(file, 300);
    const second = await runAndKill(file, 600);
    const acknowledged = [...first, ...second];
    expect(new Set(acknowledged).size).to.equal(acknowledged.length);

    // the snapshot is whole JSON; the journal is JSON lines apart from, at most, a torn tail
    if (existsSync(file)) expect(() => JSON.parse(readFileSync(file, 'utf8'))).to.not.throw();
    const store = await createDurableStore({ file, baseUrl: 'http://127.0.0.1/scim/v2' });
    const missing = acknowledged.filter((id) => store.get('User', id) === undefined);
    expect(missing).to.deep.equal([]);
    expect(store.count('User')).to.be.at.least(acknowledged.length);
    await store.close();
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).to.not.throw();
    expect(readFileSync(`${file}.journal`, 'utf8')).to.equal('');
  });
});
