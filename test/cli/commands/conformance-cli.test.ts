import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startEmbeddedTarget } from '../../../server/embedded.js';
import type { EmbeddedTarget } from '../../../server/embedded.js';
import { runCli, ROOT } from './support/cli.js';
import { scimError, startProxy } from './support/proxy.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).to.have.length(1);
  return lines[0]!;
}

describe('scimulator conformance (child process)', function () {
  this.timeout(120_000);
  let target: EmbeddedTarget;
  let dir: string;
  before(async () => { target = await startEmbeddedTarget(); });
  after(async () => { await target.close(); });
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'scimulator-conf-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should exit 2 with one line when the token is wrong, and when no credentials are given', async () => {
    const wrong = await runCli(['conformance', target.url, '--token', 'wrong']);
    expect(wrong.code).to.equal(2);
    expect(oneLine(wrong.stderr)).to.match(/refused the credentials: GET .*\/Users\?count=1 answered 401/);
    expect(wrong.stdout).to.equal('');
    const none = await runCli(['conformance', target.url]);
    expect(none.code).to.equal(2);
    expect(oneLine(none.stderr)).to.contain('needs credentials');
  });

  it('should exit 2 with one line for a wrong base path (404 everywhere)', async () => {
    const res = await runCli(['conformance', target.url.replace('/scim/v2', '/api/nope'), '--token', target.token]);
    expect(res.code).to.equal(2);
    expect(oneLine(res.stderr)).to.match(/no SCIM endpoint at .*\/api\/nope: .*404/);
  });

  it('should keep a base URL\'s query string on every request', async () => {
    const proxy = await startProxy(target.url, (req, res) => (new URL(req.url!, 'http://x').searchParams.get('tenant') === 't1' ? false : scimError(res, 400)));
    try {
      const res = await runCli(['conformance', `${proxy.url}?tenant=t1`, '--token', target.token, '--only', 'discovery-spc-get,users-create-201,users-get-200', '--format', 'json']);
      expect(res.code, res.stderr).to.equal(0);
      expect(JSON.parse(res.stdout).summary).to.include({ passed: 3, failed: 0 });
      expect(proxy.seen.length).to.be.greaterThan(4);
      for (const s of proxy.seen) expect(new URL(s.url, 'http://x').pathname, s.url).to.match(/^\/scim\/v2(\/|$)/);
      for (const s of proxy.seen) expect(s.url).to.contain('tenant=t1');
    } finally {
      await proxy.close();
    }
  });

  it('should exit 2 when the selection runs nothing (--read-only --only patch)', async () => {
    const res = await runCli(['conformance', '--embedded', '--read-only', '--only', 'patch']);
    expect(res.code).to.equal(2);
    expect(oneLine(res.stderr)).to.contain('no check to run');
  });

  it('should write several reports in one run, and refuse a report path in a missing folder before starting', async () => {
    const junit = join(dir, 'r.xml');
    const json = join(dir, 'r.json');
    const res = await runCli(['conformance', '--embedded', '--only', 'users-create-201', '--reporter', `junit:${junit}`, '--reporter', `json:${json}`, '--reporter', 'text']);
    expect(res.code, res.stderr).to.equal(0);
    expect(readFileSync(junit, 'utf8')).to.contain('<testcase classname="conformance.users"');
    expect(JSON.parse(readFileSync(json, 'utf8')).summary.passed).to.equal(1);
    expect(res.stdout).to.match(/^1 passed, 0 failed, 0 skipped$/m);
    // the target is unreachable: the path is refused before any request is tried
    const bad = await runCli(['conformance', 'http://127.0.0.1:1/scim/v2', '--reporter', `junit:${join(dir, 'missing', 'r.xml')}`]);
    expect(bad.code).to.equal(2);
    expect(oneLine(bad.stderr)).to.contain('does not exist').and.not.contain('cannot reach');
    const two = await runCli(['conformance', '--embedded', '--reporter', 'json', '--reporter', 'text']);
    expect(two.code).to.equal(2);
    expect(oneLine(two.stderr)).to.contain('only one report can go to stdout');
  });

  it('should leave out --skip ids and areas, and let a baseline excuse known failures and report fixed ones', async () => {
    const skipped = await runCli(['conformance', '--embedded', '--only', 'users', '--skip', 'users-create-201', '--format', 'json']);
    const ids = (JSON.parse(skipped.stdout).checks as { id: string }[]).map((c) => c.id);
    expect(ids).to.include('users-get-200').and.not.include('users-create-201');
    const baseline = join(dir, 'baseline.txt');
    writeFileSync(baseline, '# known\ndelete-user-204\nusers-create-201\n');
    const failing = await runCli(['conformance', '--embedded', '--quirks', 'no-delete', '--only', 'delete-user-204,users-create-201']);
    expect(failing.code).to.equal(1);
    const excused = await runCli(['conformance', '--embedded', '--quirks', 'no-delete', '--only', 'delete-user-204,users-create-201', '--baseline', baseline, '--format', 'json']);
    expect(excused.code, excused.stderr).to.equal(0);
    const report = JSON.parse(excused.stdout);
    expect(report.summary).to.include({ failed: 1, mustFailed: 0, knownFailures: 1 });
    expect(report.fixed).to.deep.equal(['users-create-201']);
    writeFileSync(baseline, 'no-such-check\n');
    const unknown = await runCli(['conformance', '--embedded', '--only', 'users-create-201', '--baseline', baseline]);
    expect(unknown.code).to.equal(2);
    expect(oneLine(unknown.stderr)).to.contain('unknown check id: no-such-check');
  });

  it('should name the scimulator version, target, profile and quirk profile in the report', async () => {
    const res = await runCli(['conformance', '--embedded', '--quirks', 'no-delete', '--profile', 'rfc', '--only', 'users-create-201', '--format', 'json'],
      { env: { npm_package_version: '7.7.7' } });
    const report = JSON.parse(res.stdout);
    expect(report).to.deep.include({ tool: { name: 'scimulator', version: VERSION }, profile: 'rfc', quirks: 'no-delete' });
    expect(report.target).to.match(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    const text = await runCli(['conformance', '--embedded', '--quirks', 'no-delete', '--only', 'users-create-201']);
    expect(text.stdout.split('\n')[0]).to.equal(`SCIM conformance of ${text.stdout.match(/of (\S+)/)![1]} (scimulator ${VERSION}, profile all, quirks no-delete)`);
  });

  it('should wait out 429s under --quirks throttled, and say so when the retry budget is spent', async () => {
    const res = await runCli(['conformance', '--embedded', '--quirks', 'throttled', '--only', 'users,discovery', '--format', 'json']);
    const report = JSON.parse(res.stdout);
    expect(report.summary.failed, JSON.stringify(report.checks.filter((c: { status: string }) => c.status === 'failed'))).to.equal(0);
    expect(res.code).to.equal(0);
    const spent = await runCli(['conformance', '--embedded', '--quirks', 'throttled', '--only', 'users', '--retry-budget', '0', '--format', 'json']);
    expect(spent.code).to.equal(1);
    const reasons = (JSON.parse(spent.stdout).checks as { status: string; reason: string }[]).filter((c) => c.status === 'failed').map((c) => c.reason);
    expect(reasons.length).to.be.greaterThan(0);
    expect(reasons.some((r) => /still 429 after 1 attempt\(s\).*retry budget of 0 ms per request is spent/.test(r)), reasons.join('\n')).to.equal(true);
  });

  it('should space requests by --delay', async () => {
    const proxy = await startProxy(target.url);
    try {
      const started = Date.now();
      const res = await runCli(['conformance', proxy.url, '--token', target.token, '--only', 'users-create-201', '--delay', '300']);
      expect(res.code, res.stderr).to.equal(0);
      expect(proxy.seen.length).to.be.at.least(6);
      expect(Date.now() - started).to.be.at.least((proxy.seen.length - 1) * 300);
    } finally {
      await proxy.close();
    }
  });

  it('should retry a failed discovery request, and when it keeps failing say so and count the checks as not run', async () => {
    const once = await startProxy(target.url, (req, res, n) => (n === 1 && req.url!.endsWith('/ServiceProviderConfig') ? scimError(res, 500) : false));
    const always = await startProxy(target.url, (req, res) => (req.url!.endsWith('/ServiceProviderConfig') ? scimError(res, 500) : false));
    try {
      const retried = await runCli(['conformance', once.url, '--token', target.token, '--only', 'patch-replace-attribute', '--format', 'json']);
      expect(retried.code, retried.stderr).to.equal(0);
      expect(JSON.parse(retried.stdout).checks[0]).to.include({ status: 'passed' });
      expect(JSON.parse(retried.stdout).discoveryRetried).to.have.length(1).and.to.match(/\/ServiceProviderConfig: 500, retried$/);
      const failing = await runCli(['conformance', always.url, '--token', target.token, '--only', 'patch-replace-attribute,users-create-201']);
      expect(failing.code).to.equal(1);
      expect(failing.stdout).to.match(/discovery failed even after retrying, so 1 check\(s\) were not run: GET .*\/ServiceProviderConfig: still 500/);
      expect(failing.stdout).to.match(/\? patch-replace-attribute .*not run: could not tell whether the target offers patch/);
      expect(failing.stdout).to.match(/^1 passed, 0 failed, 0 skipped, 1 not run$/m);
    } finally {
      await Promise.all([once.close(), always.close()]);
    }
  });

  it('should honour a --timeout below one second and report the real figure', async () => {
    const proxy = await startProxy(target.url, (req) => req.method === 'POST');
    try {
      const res = await runCli(['conformance', proxy.url, '--token', target.token, '--only', 'users-create-201', '--timeout', '300', '--format', 'json']);
      const check = JSON.parse(res.stdout).checks[0];
      expect(check.reason).to.contain('no response within 300 ms');
      expect(check.exchanges[0].durationMs).to.be.within(250, 700);
    } finally {
      await proxy.close();
    }
  });

  it('should on SIGINT stop, delete what it created, write the partial report and exit 130', async () => {
    const users = async () => {
      const res = await request(`${target.url}/Users?count=0`, { headers: { authorization: `Bearer ${target.token}` } });
      return ((await res.body.json()) as { totalResults: number }).totalResults;
    };
    const before = await users();
    const json = join(dir, 'partial.json');
    const res = await runCli(['conformance', target.url, '--token', target.token, '--profile', 'rfc', '--delay', '40', '--reporter', `json:${json}`, '--reporter', 'text'], {
      after: { ms: 4_000, then: (child) => child.kill('SIGINT') },
    });
    expect(res.code, res.stderr).to.equal(130);
    expect(res.stderr).to.contain('interrupted: finishing the current check');
    expect(res.stdout).to.contain('interrupted: the run stopped before every selected check had run');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.interrupted).to.equal(true);
    expect(report.checks.length).to.be.greaterThan(0);
    expect(await users()).to.equal(before);
    expect(existsSync(json)).to.equal(true);
  });

  it('should take every option from the environment (SCIMULATOR_TARGET_URL, SCIMULATOR_TOKEN, SCIMULATOR_ONLY, SCIMULATOR_REPORTER)', async () => {
    const res = await runCli(['conformance'], { env: { SCIMULATOR_TARGET_URL: target.url, SCIMULATOR_TOKEN: target.token, SCIMULATOR_ONLY: 'users-create-201', SCIMULATOR_REPORTER: 'json' } });
    expect(res.code, res.stderr).to.equal(0);
    expect(JSON.parse(res.stdout).summary.passed).to.equal(1);
  });
});
