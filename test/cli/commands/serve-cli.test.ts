import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { serve } from '../../../cli/commands/serve.js';
import { runCli } from './support/cli.js';
import type { CliResult } from './support/cli.js';

/** Starts `serve`, runs `use(url)` once it listens, then stops it with SIGTERM. */
async function whileServing(args: string[], use: (url: string) => Promise<void> = async () => undefined, env: Record<string, string> = {}): Promise<CliResult & { failure?: unknown }> {
  let failure: unknown;
  const result = await runCli(['serve', '--port', '0', ...args], {
    env,
    when: {
      text: /listening on \S+\n/,
      then: (child) => {
        // the URL is in what the child has printed so far; read it from the pipe's accumulated text
        void (async () => {
          try {
            await use(seenUrl!);
          } catch (error) {
            failure = error;
          }
          child.kill('SIGTERM');
        })();
      },
    },
    timeoutMs: 60_000,
    onOutput: (text) => { seenUrl = /listening on (\S+)\n/.exec(text)?.[1] ?? seenUrl; },
  });
  return { ...result, failure };
}
let seenUrl: string | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('scimulator serve (child process)', function () {
  this.timeout(90_000);
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'scimulator-serve-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should exit 2 with one line for --db naming a folder, a corrupt db file and --journal in a missing folder', async () => {
    const folder = await runCli(['serve', '--port', '0', '--db', dir]);
    expect(folder.code).to.equal(2);
    expect(folder.stderr.trim()).to.match(/^scimulator: --db .*: is a folder; give a file/).and.not.contain('\n');
    const corrupt = join(dir, 'bad.json');
    writeFileSync(corrupt, '{bad');
    const bad = await runCli(['serve', '--port', '0', '--db', corrupt]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr.trim()).to.contain(corrupt).and.to.contain('cannot open the store').and.not.contain('internal error').and.not.contain('\n');
    const journal = await runCli(['serve', '--port', '0', '--memory', '--journal', join(dir, 'missing', 'j.ndjson')]);
    expect(journal.code).to.equal(2);
    expect(journal.stderr.trim()).to.match(/^scimulator: --journal .*: the folder .* does not exist$/);
  });

  it('should print the token only when it generated it', async () => {
    const generated = await whileServing(['--memory']);
    expect(generated.stdout).to.match(/^token: [\w-]{20,}$/m);
    const given = await whileServing(['--memory', '--token', 'my-secret-token']);
    expect(given.stdout).not.to.contain('my-secret-token');
    expect(given.stdout).to.contain('token: the one given');
    const fromEnv = await whileServing(['--memory'], undefined, { SCIMULATOR_TOKEN: 'env-secret-token' });
    expect(fromEnv.stdout).not.to.contain('env-secret-token');
  });

  it('should put --public-url, never 0.0.0.0, into Location headers', async () => {
    const create = async (url: string, token: string) => {
      const res = await request(`${url}/Users`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `u${Math.random()}` }),
      });
      await res.body.text();
      expect(res.statusCode).to.equal(201);
      return String(res.headers.location);
    };
    const port = await freePort();
    const pub = await whileServing(['--memory', '--token', 't', '--public-url', 'https://scim.example.com', '--port', String(port)], async () => {
      expect(await create(`http://127.0.0.1:${port}/scim/v2`, 't')).to.match(/^https:\/\/scim\.example\.com\/scim\/v2\/Users\//);
    });
    expect(pub.failure).to.equal(undefined);
    const wildcard = await whileServing(['--memory', '--token', 't', '--host', '0.0.0.0'], async (url) => {
      expect(url).not.to.contain('0.0.0.0');
      expect(await create(url.replace('localhost', '127.0.0.1'), 't')).not.to.contain('0.0.0.0');
    });
    expect(wildcard.failure).to.equal(undefined);
    expect(wildcard.stdout).not.to.contain('0.0.0.0');
  });

  it('should say when --seed-users skips a store that holds users, and seed through the active quirks', async () => {
    const db = join(dir, 'store.json');
    const first = await whileServing(['--db', db, '--seed-users', '20', '--token', 't', '--quirks', 'slack-like'], async (url) => {
      const res = await request(`${url}/Users?count=100`, { headers: { authorization: 'Bearer t' } });
      const list = (await res.body.json()) as { Resources: { userName: string }[] };
      expect(list.Resources).to.have.length(20);
      for (const u of list.Resources) expect(u.userName.length, u.userName).to.be.at.most(21);
    });
    expect(first.failure).to.equal(undefined);
    expect(first.stdout).to.match(/^seeded 20 users in \d+ ms$/m);
    const second = await whileServing(['--db', db, '--seed-users', '20', '--token', 't']);
    expect(second.stdout).to.contain('--seed-users 20: skipped, the store already holds 20 users');
  });

  it('should take serve options from the environment (SCIMULATOR_MEMORY, SCIMULATOR_PUBLIC_URL)', async () => {
    const res = await whileServing([], undefined, { SCIMULATOR_MEMORY: '1', SCIMULATOR_PUBLIC_URL: 'http://scim.test:9999' });
    expect(res.stdout).to.contain('store: memory').and.to.contain('listening on http://scim.test:9999/scim/v2');
  });

  it('should log one line per request (method, path, status, ms, quirk) unless quiet', async () => {
    const lines: string[] = [];
    const controller = new AbortController();
    const run = (quiet: boolean) => serve({
      port: 0, host: '127.0.0.1', memory: true, token: 't', quirks: 'no-delete', quiet, logRequests: true, cwd: dir, env: {},
      stdout: () => undefined, stderr: (l) => lines.push(l), signal: controller.signal,
      onListening: ({ url }) => {
        void (async () => {
          await (await request(`${url}/Users`, { headers: { authorization: 'Bearer t' } })).body.text();
          await (await request(`${url}/Users/x`, { method: 'DELETE', headers: { authorization: 'Bearer t' } })).body.text();
          controller.abort();
        })();
      },
    });
    await run(false);
    expect(lines[0]).to.match(/^GET \/scim\/v2\/Users 200 \d+\.\d ms$/);
    expect(lines[1]).to.match(/^DELETE \/scim\/v2\/Users\/x 405 \d+\.\d ms \[operations\]$/);
  });
});
