/**
 * Crash safety (issue 8 "Crash-safe state"): an initial cycle of 300 users in a child process is
 * killed with SIGKILL while it creates users; a rerun on the same state directory creates every
 * missing user once, duplicates none, and the state's links name the target's users.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { openJob } from '../../../engine/index.js';
import { directory, startHarness, user } from './support/harness.js';
import type { Harness } from './support/harness.js';

const CHILD = fileURLToPath(new URL('./support/crash-child.ts', import.meta.url));
const COUNT = 300;

function runChild(args: string[]): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>; kill: () => void } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { done, kill: () => child.kill('SIGKILL') };
}

describe('engine e2e: kill -9 mid-cycle, then a clean rerun', function () {
  this.timeout(30_000);
  let h: Harness;
  let work: string;
  before(async () => {
    h = await startHarness();
    work = await mkdtemp(join(tmpdir(), 'scimulator-e2e-crash-'));
  });
  after(async () => {
    await h.close();
    await rm(work, { recursive: true, force: true });
  });

  it('every source user exists exactly once and the links match the target', async () => {
    const ids = Array.from({ length: COUNT }, (_, i) => i + 1);
    const dir = directory({ users: ids.map((n) => user(n)), direct: ids.map((n) => `u${n}`) });
    const source = join(work, 'directory.json');
    const stateDir = join(work, 'state');
    await writeFile(source, JSON.stringify(dir));

    const posts = () => h.target.requests().filter((e) => e.method === 'POST' && e.status === 201).length;
    const child = runChild([h.target.url, h.target.token, stateDir, source]);
    // kill it once a third of the users are created
    const killedAt = await new Promise<number>((resolve, reject) => {
      const timer = setInterval(() => {
        const n = posts();
        if (n >= COUNT / 3) {
          clearInterval(timer);
          child.kill();
          resolve(n);
        }
      }, 2);
      void child.done.then((exit) => {
        clearInterval(timer);
        reject(new Error(`the child ended before it was killed: ${JSON.stringify(exit)}`));
      });
    });
    const exit = await child.done;
    expect(exit.signal).to.equal('SIGKILL');
    expect(killedAt).to.be.lessThan(COUNT);
    const createdBeforeKill = posts();
    expect(createdBeforeKill).to.be.lessThan(COUNT);

    // the links acknowledged before the kill are in the link journal (state.json was never written)
    const journaled = (await readFile(join(stateDir, 'links.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { s: string; t: string });
    expect(journaled.length).to.be.greaterThan(0);
    expect(journaled.length).to.be.at.most(createdBeforeKill);
    const seqBefore = h.target.requests().at(-1)!.seq;

    // the rerun, in this process, on the same state directory (the dead runner's lock is taken over)
    const job = await openJob(
      { name: 'crash', source: { path: source }, target: { url: h.target.url, auth: { type: 'bearer', token: h.target.token } }, concurrency: 4, provisionGroups: false },
      { stateDir },
    );
    const rerun = await job.run();
    await job.close();
    expect(rerun.kind).to.equal('initial');
    expect(rerun.counts.byStatus.failure ?? 0).to.equal(0);
    // users created before the kill are linked (from the link journal or by matching), never re-created
    expect(rerun.counts.byAction.create).to.equal(COUNT - createdBeforeKill);
    expect(posts()).to.equal(COUNT);
    // journaled links are read back (GET by id), only the others are matched by filter
    const rerunRequests = h.target.requests({ since: seqBefore });
    expect(rerunRequests.filter((e) => e.method === 'GET' && e.query.filter !== undefined)).to.have.length(1 + COUNT - journaled.length);
    for (const link of journaled) expect(rerunRequests.some((e) => e.method === 'GET' && e.path === `/scim/v2/Users/${link.t}`), link.s).to.equal(true);

    const res = await h.scim.list('/Users', { count: 1 });
    expect(res.body.totalResults).to.equal(COUNT);
    const users = await h.users();
    const names = users.map((u) => String(u.userName).toLowerCase());
    expect(new Set(names).size).to.equal(COUNT);
    expect([...names].sort()).to.deep.equal(ids.map((n) => `user${n}@contoso.com`).sort());

    const state = JSON.parse(await readFile(join(stateDir, 'state.json'), 'utf8')) as { users: Record<string, { targetId?: string }> };
    const byName = new Map(users.map((u) => [String(u.userName), String(u.id)]));
    for (const n of ids) expect(state.users[`u${n}`]?.targetId, `u${n}`).to.equal(byName.get(`user${n}@contoso.com`));
    // the link journal was folded into state.json
    expect(await readFile(join(stateDir, 'links.jsonl'), 'utf8')).to.equal('');
  });
});
