import { expect } from 'chai';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'cli', 'index.ts');

interface Started {
  child: ChildProcess;
  url: string;
  lines: string[];
}

function startServe(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let pending = '';
    child.stdout!.on('data', (c: Buffer) => {
      pending += c.toString();
      const parts = pending.split('\n');
      pending = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const match = /^listening on (\S+)$/.exec(line);
        if (match) resolve({ child, url: match[1]!, lines });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('scimulator serve (real process)', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scimulator-serve-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should print the URL and token, answer SCIM over real HTTP and exit 0 on SIGTERM', async () => {
    const { child, url, lines } = await startServe(['--memory', '--port', '0', '--token', 't']);
    try {
      expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
      expect(lines).to.include('token: the one given (--token or $SCIMULATOR_TOKEN), not shown');
      const created = await fetch(`${url}/Users`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/scim+json' },
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'bjensen' }),
      });
      expect(created.status).to.equal(201);
      expect(created.headers.get('content-type')).to.equal('application/scim+json; charset=utf-8');
      const body = (await created.json()) as { id: string; meta: { location: string } };
      expect(body.meta.location).to.equal(`${url}/Users/${body.id}`);
      const unauthorized = await fetch(`${url}/Users`);
      expect(unauthorized.status).to.equal(401);
    } finally {
      expect(await stop(child)).to.equal(0);
    }
  });

  it('should keep users in --db across a restart', async () => {
    const db = join(dir, 'nested', 'target.db.json');
    const first = await startServe(['--db', db, '--port', '0', '--token', 't']);
    let id: string;
    try {
      const res = await fetch(`${first.url}/Users`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/scim+json' },
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'persisted' }),
      });
      expect(res.status).to.equal(201);
      id = ((await res.json()) as { id: string }).id;
    } finally {
      expect(await stop(first.child)).to.equal(0);
    }
    const second = await startServe(['--db', db, '--port', '0', '--token', 't']);
    try {
      const res = await fetch(`${second.url}/Users/${id}`, { headers: { authorization: 'Bearer t' } });
      expect(res.status).to.equal(200);
      expect(((await res.json()) as { userName: string }).userName).to.equal('persisted');
    } finally {
      expect(await stop(second.child)).to.equal(0);
    }
  });

  it('should exit 2 with one line on a bad flag', async () => {
    const { code, stderr } = await run(['--port', 'eighty']);
    expect(code).to.equal(2);
    expect(stderr).to.match(/--port must be an integer/);
  });

  it('should exit 2 when --db and --memory are both given', async () => {
    const { code } = await run(['--memory', '--db', 'x.json']);
    expect(code).to.equal(2);
  });
});
