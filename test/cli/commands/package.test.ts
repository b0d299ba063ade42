import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runBuilt } from './support/cli.js';

function node(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// These run dist/: `npm run build` first.
describe('the built package (dist/)', function () {
  this.timeout(120_000);
  const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  let project: string;
  before(() => {
    project = mkdtempSync(join(tmpdir(), 'scimulator-consumer-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(ROOT, join(project, 'node_modules', 'scimulator'), 'dir');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it("should be importable as 'scimulator' from another project, and work", async () => {
    writeFileSync(join(project, 'use.mjs'), `
      import { startEmbeddedTarget, createScimClient, runConformance, createServer } from 'scimulator';
      const target = await startEmbeddedTarget();
      const client = createScimClient({ baseUrl: target.url, auth: { type: 'bearer', token: target.token } });
      const created = await client.create('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'pkg@example.com' });
      const run = await runConformance({ client: { baseUrl: target.url, auth: { type: 'bearer', token: target.token } }, only: ['users-create-201'] });
      await client.close(); await target.close();
      console.log(JSON.stringify({ status: created.status, passed: run.summary.passed, createServer: typeof createServer }));
    `);
    const res = await node(['use.mjs'], project);
    expect(res.code, res.stderr).to.equal(0);
    expect(JSON.parse(res.stdout)).to.deep.equal({ status: 201, passed: 1, createServer: 'function' });
  });

  it('should ship type declarations a TypeScript project resolves', async () => {
    writeFileSync(join(project, 'use.ts'), `
      import { createScimClient, type ScimClient, type RunResult } from 'scimulator';
      const client: ScimClient = createScimClient({ baseUrl: 'http://127.0.0.1:1/scim/v2' });
      export const count: (r: RunResult) => number = (r) => r.summary.passed;
      // @ts-expect-error baseUrl is required
      createScimClient({});
      void client;
    `);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
    const res = await node([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expect(res.code, res.stdout + res.stderr).to.equal(0);
  });

  it('should print its own version with --version and -v, whatever npm script runs it', async () => {
    for (const flag of ['--version', '-v']) {
      const res = await runBuilt([flag], { env: { npm_package_version: '9.9.9-other' } });
      expect(res.code).to.equal(0);
      expect(res.stdout.trim()).to.equal(VERSION);
    }
  });
});
