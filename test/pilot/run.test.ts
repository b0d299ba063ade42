import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { loadPlan, parsePlan } from '../../pilot/load-plan.js';
import { runPilot } from '../../pilot/run.js';
import type { PilotResult } from '../../pilot/result.js';
import { startEmbeddedTarget } from '../../server/embedded.js';
import { fixturePath } from '../../util/package-root.js';
import type { JobConfig, ProvisioningJob } from '../../engine/index.js';
import { jobStatusOf } from '../../engine/cycle/status.js';
import { emptyState } from '../../engine/state/types.js';

const PLAN = fixturePath('pilot', 'test-plan.yaml');

/** The default plan with one scenario changed by `edit` (steps as in the file). */
async function variant(name: string, edit: (scenario: { steps: unknown[] }) => void): Promise<PilotResult> {
  const document = parse(await readFile(PLAN, 'utf8'), { merge: true }) as { scenarios: { name: string; steps: unknown[] }[] };
  const scenario = document.scenarios.find((s) => s.name === name)!;
  edit(scenario);
  const checked = await parsePlan(stringify(document), { baseDir: fixturePath('pilot') });
  const result = await runPilot(checked, { target: 'embedded', only: [name] });
  expect(result.summary.skipped).to.equal(checked.scenarios.length - 1);
  return { ...result, scenarios: result.scenarios.filter((s) => s.name === name) };
}

describe('pilot/run end to end', function () {
  this.timeout(120_000);

  it('should pass every scenario of the default plan against the embedded target', async () => {
    const plan = await loadPlan(PLAN);
    const seen: string[] = [];
    const result = await runPilot(plan, { target: 'embedded', onProgress: (p) => p.type === 'scenario' && seen.push(p.result.name) });
    const failures = result.scenarios.flatMap((s) => [
      ...(s.error ? [`${s.name}: ${s.error}`] : []),
      ...s.expectations.filter((e) => e.status !== 'passed').map((e) => `${s.name}: ${e.description}: ${e.message}`),
    ]);
    expect(failures).to.deep.equal([]);
    expect(result.summary).to.deep.equal({ passed: plan.scenarios.length, failed: 0, skipped: 0 });
    expect(plan.scenarios.length).to.be.at.least(14);
    expect(seen).to.have.members(plan.scenarios.map((s) => s.scenario.name));
    for (const s of result.scenarios) expect(s.expectations.length, s.name).to.be.greaterThan(0);
  });

  it('should fail a wrong expectation, naming it, its actual value and the related log entry', async () => {
    const result = await variant('attribute updated in the source', (s) => {
      const last = s.steps.at(-1) as { expect: { description: string; target?: unknown }[] };
      last.expect.push({ description: 'Adele is a Chief Recruiter (wrong on purpose)', target: { user: 'adele.vance@contoso.com', attribute: 'title', equals: 'Chief Recruiter' } });
    });
    const [scenario] = result.scenarios;
    expect(scenario!.status).to.equal('failed');
    expect(result.summary.failed).to.equal(1);
    const failed = scenario!.expectations.filter((e) => e.status === 'failed');
    expect(failed.map((e) => e.description)).to.deep.equal(['Adele is a Chief Recruiter (wrong on purpose)']);
    const [wrong] = failed;
    expect(wrong!.actual).to.deep.include({ attribute: 'title', value: 'Senior Recruiter' });
    expect(wrong!.message).to.equal('title is "Senior Recruiter"');
    expect(wrong!.logEntries!.map((e) => [e.sourceIdentity.id, e.provisioningAction])).to.deep.equal([['10000000-0000-4000-a000-000000000036', 'update']]);
    expect(wrong!.requests!.some((r) => r.method === 'PATCH' && r.status === 200)).to.equal(true);
  });

  it('should fail an expectation once the step that causes its effect is removed', async () => {
    const result = await variant('user removed from the group', (s) => {
      s.steps = s.steps.filter((step) => !(typeof step === 'object' && step !== null && 'removeFromGroup' in step));
    });
    const byDescription = new Map(result.scenarios[0]!.expectations.map((e) => [e.description, e]));
    expect(byDescription.get("Adele's account is deactivated, not deleted")!.status).to.equal('failed');
    expect(byDescription.get("Adele's account is deactivated, not deleted")!.actual).to.deep.equal({ exists: true, active: true });
    expect(byDescription.get('Adele can no longer sign in, because she is deactivated')!.status).to.equal('failed');
    expect(byDescription.get("the cycle logs Adele's disable as a success")!.status).to.equal('failed');
    expect(byDescription.get('Adele can sign in after the initial cycle')!.status).to.equal('passed');
  });

  it('should fail expectations when the engine does nothing (no cycle runs)', async () => {
    const result = await variant('user added to an assigned group', (s) => {
      s.steps = s.steps.filter((step) => step !== 'incrementalCycle');
    });
    const failed = result.scenarios[0]!.expectations.filter((e) => e.status === 'failed').map((e) => e.description);
    expect(failed).to.have.members([
      "the cycle logs Renée's creation (her manager is outside the pilot, so with a reference warning)",
      'Renée exists in the app and is active',
      'Renée is a member of SCIM Pilot in the app',
      'Renée can sign in',
    ]);
  });

  it('should fail every default scenario when the engine is switched off (no scenario holds without provisioning)', async () => {
    const plan = await loadPlan(PLAN);
    const idle: ProvisioningJob['status'] = () => jobStatusOf(emptyState('switched-off'));
    // an engine that never sends a request: every cycle and on-demand run does nothing
    const switchedOff = async (config: JobConfig): Promise<ProvisioningJob> => ({
      config,
      run: async () => {
        const now = new Date().toISOString();
        return {
          cycleId: '', kind: 'incremental', notRun: 'paused', dryRun: false, state: 'Succeeded', startedAt: now, endedAt: now, durationMs: 0,
          counts: { byAction: {}, byStatus: {}, objects: 0 }, requests: { total: 0, reads: 0, writes: 0, byMethod: {} },
          entries: [], plannedRequests: [], status: idle(),
        };
      },
      provisionOnDemand: async () => {
        throw new Error('the engine is switched off');
      },
      restart: async () => {},
      pause: async () => {},
      start: async () => {},
      status: idle,
      logs: async () => [],
      close: async () => {},
    });
    const result = await runPilot(plan, { target: 'embedded', openJob: switchedOff });
    const holding = result.scenarios.filter((s) => s.status !== 'failed').map((s) => s.name);
    expect(holding, 'scenarios whose expectations hold without the engine').to.deep.equal([]);
  });

  it('should mark a scenario whose step throws as failed with the error, and go on with the others', async () => {
    const checked = await parsePlan(`
name: t
scenarios:
  - name: conflict by hand
    steps:
      - createTargetUser: { userName: x@contoso.com }
      - createTargetUser: { userName: x@contoso.com }
  - name: fine
    steps:
      - initialCycle
      - expect: [{ description: Adele is there, target: { user: adele.vance@contoso.com, exists: true } }]
`);
    const result = await runPilot(checked, { target: 'embedded' });
    expect(result.scenarios[0]).to.include({ status: 'failed' });
    expect(result.scenarios[0]!.error).to.match(/^step 2 \(createTargetUser\): POST \/Users answered 409/);
    expect(result.scenarios[1]).to.include({ status: 'passed' });
    expect(result.summary).to.deep.equal({ passed: 1, failed: 1, skipped: 0 });
  });

  it('should run against a URL only what needs no quirk and no admin API, and clean up what it created', async () => {
    const target = await startEmbeddedTarget();
    try {
      const checked = await parsePlan(`
name: url
scenarios:
  - name: plain
    steps:
      - initialCycle
      - expect: [{ description: Adele is there, target: { user: adele.vance@contoso.com, exists: true, active: true } }]
  - name: needs quirks
    quirks: throttled
    steps: [initialCycle]
  - name: needs sign-in
    steps:
      - initialCycle
      - expect: [{ description: Adele signs in, signin: { user: adele.vance@contoso.com, allowed: true } }]
`);
      const result = await runPilot(checked, { target: { url: target.url, token: target.token } });
      expect(result.scenarios.map((s) => [s.name, s.status])).to.deep.equal([['plain', 'passed'], ['needs quirks', 'skipped'], ['needs sign-in', 'skipped']]);
      expect(result.scenarios[1]!.skipReason).to.include('quirk profile throttled');
      expect(result.scenarios[2]!.skipReason).to.include('sign-in');
      expect(target.store.count('User')).to.equal(0);
      expect(target.store.count('Group')).to.equal(0);
      expect(target.requests().some((r) => r.method === 'POST' && r.status === 201)).to.equal(true);
    } finally {
      await target.close();
    }
  });
});
