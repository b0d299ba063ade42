import { expect } from 'chai';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlan, parsePlan, PlanError } from '../../pilot/load-plan.js';

async function problems(text: string, format: 'yaml' | 'json' = 'yaml'): Promise<readonly string[]> {
  try {
    await parsePlan(text, { format });
  } catch (error) {
    if (error instanceof PlanError) return error.problems;
    throw error;
  }
  return [];
}

const ADELE = 'adele.vance@contoso.com';

describe('pilot/load-plan', () => {
  it('should accept a YAML plan, bare step names and references by UPN or id, preparing each scenario', async () => {
    const checked = await parsePlan(`
name: ok
defaults: { quirks: strict-rfc, job: { deprovision: { mode: disable } } }
scenarios:
  - name: adele
    job: { deprovision: { mode: delete }, accidentalDeletionThreshold: 10 }
    steps:
      - addToGroup: { user: ${ADELE}, group: Engineering }
      - initialCycle
      - removeFromGroup: { user: 10000000-0000-4000-a000-000000000036, group: engineering }
      - advanceClock: PT40M
      - expect:
          - description: Adele is in the app
            target: { user: ${ADELE}, exists: true }
`);
    expect(checked.problems).to.deep.equal([]);
    const [scenario] = checked.scenarios;
    expect(scenario!.scenario.steps[1]).to.deep.equal({ initialCycle: null });
    expect(scenario!.quirks!.label).to.equal('strict-rfc');
    expect(scenario!.job).to.deep.equal({ deprovision: { mode: 'delete' }, accidentalDeletionThreshold: 10 });
    expect(scenario!.directory.users).to.have.length(50);
  });

  it('should list every problem as path: message, unknown references included, before anything runs', async () => {
    const found = await problems(`
name: bad
scenarios:
  - name: one
    quirks: no-such-profile
    job: { scope: everyone }
    steps:
      - addToGroup: { user: nobody@contoso.com, group: Engineering }
      - addToGroup: { user: ${ADELE}, group: No Such Group }
      - provisionOnDemand: { user: ghost }
      - advanceClock: soon
      - frobnicate: {}
      - expect:
          - description: two kinds at once
            target: { user: ${ADELE}, exists: true }
            signin: { user: ${ADELE}, allowed: true }
          - description: unknown user in a log check
            log: { user: ghost@contoso.com, action: create }
  - name: one
    steps: [initialCycle]
`);
    expect(found).to.include.members([
      "scenarios.0.steps.4.frobnicate: must NOT have additional properties",
    ]);
    // the schema catches the unknown step alone; fix it and every semantic problem shows at once
    const semantic = await problems(`
name: bad
scenarios:
  - name: one
    quirks: no-such-profile
    job: { scope: everyone }
    steps:
      - addToGroup: { user: nobody@contoso.com, group: Engineering }
      - addToGroup: { user: ${ADELE}, group: No Such Group }
      - provisionOnDemand: { user: ghost }
      - advanceClock: soon
      - expect:
          - description: two kinds at once
            target: { user: ${ADELE}, exists: true }
            signin: { user: ${ADELE}, allowed: true }
          - description: unknown user in a log check
            log: { user: ghost@contoso.com, action: create }
  - name: one
    steps: [initialCycle]
`);
    expect(semantic).to.have.length(9);
    expect(semantic).to.include.members([
      "scenarios.0.job.scope: must be equal to one of the allowed values",
      "scenarios.0.steps.0.addToGroup: no user 'nobody@contoso.com' in the directory (give a source id or userPrincipalName)",
      "scenarios.0.steps.1.addToGroup: no group 'No Such Group' in the directory (give a source id or displayName)",
      "scenarios.0.steps.2.provisionOnDemand.user: no user 'ghost' in the directory (give a source id or userPrincipalName)",
      'scenarios.0.steps.3.advanceClock: not an ISO-8601 duration: "soon"',
      'scenarios.0.steps.4.expect.0: give exactly one of target, signin, log, job, requests (found target, signin)',
      "scenarios.0.steps.4.expect.1.log.user: no user 'ghost@contoso.com' in the directory (give a source id or userPrincipalName)",
      "scenarios.1.name: another scenario is named 'one'",
    ]);
    expect(semantic.find((p) => p.startsWith('scenarios.0.quirks:'))).to.include("no bundled profile 'no-such-profile'");
  });

  it('should refuse a step that would change nothing instead of passing over it', async () => {
    const found = await problems(`
name: noop
scenarios:
  - name: twice
    steps:
      - addToGroup: { user: ${ADELE}, group: SCIM Pilot }
      - restore: { user: ${ADELE} }
      - disable: { user: grady.archie@contoso.com }
`);
    expect(found).to.deep.equal([
      "scenarios.0.steps.0.addToGroup: user 'adele.vance@contoso.com' is already a member of 'SCIM Pilot'",
      "scenarios.0.steps.1.restore: user 'adele.vance@contoso.com' is not soft-deleted",
      "scenarios.0.steps.2.disable: user 'grady.archie@contoso.com' is already disabled",
    ]);
  });

  it('should let expectations name a user after a hard delete, and a user added by a step', async () => {
    const checked = await parsePlan(`
name: later
scenarios:
  - name: s
    steps:
      - hardDelete: { user: ${ADELE} }
      - addUser: { id: new-1, userPrincipalName: new.hire@contoso.com }
      - expect:
          - { description: gone, target: { user: ${ADELE}, exists: false } }
          - { description: here, target: { user: new.hire@contoso.com, exists: true } }
`);
    expect(checked.problems).to.deep.equal([]);
    expect(await problems(`
name: later
scenarios:
  - name: s
    steps:
      - hardDelete: { user: ${ADELE} }
      - setAttributes: { user: ${ADELE}, attributes: { department: Sales } }
`)).to.deep.equal([`scenarios.0.steps.1.setAttributes: user '${ADELE}' was hard-deleted from the directory`]);
  });

  it('should check mapping edits, scoping filters and inline quirk profiles', async () => {
    const found = await problems(JSON.stringify({
      name: 'edits',
      scenarios: [{
        name: 's',
        mapping: { matchOn: 'nickName' },
        quirks: { description: 'x', rateLimit: { requests: 0 } },
        steps: [
          { setMapping: { attributes: { displayName: 'Join(' } } },
          { setScopingFilter: { users: { groups: [{ clauses: [{ sourceOperandName: 'department', operatorName: 'LIKE', targetOperand: { values: ['x'] } }] }] } } },
        ],
      }],
    }), 'json');
    expect(found.some((p) => p.startsWith("scenarios.0.mapping.matchOn: no mapping targets 'nickName'"))).to.equal(true, found.join('\n'));
    expect(found.some((p) => p.startsWith('scenarios.0.quirks: '))).to.equal(true, found.join('\n'));
    expect(found.some((p) => p.startsWith('scenarios.0.steps.0.setMapping.attributes.displayName: '))).to.equal(true, found.join('\n'));
    expect(found.some((p) => p.startsWith('scenarios.0.steps.1.setScopingFilter.users'))).to.equal(true, found.join('\n'));
  });

  it('should refuse prototype-polluting keys and report YAML syntax errors by line', async () => {
    expect(await problems('{"name": "x", "scenarios": [{"name": "s", "steps": [{"setAttributes": {"user": "a", "attributes": {"__proto__": {"admin": true}}}}]}]}', 'json'))
      .to.deep.equal(["scenarios.0.steps.0.setAttributes.attributes: the key '__proto__' is not allowed"]);
    const syntax = await problems('name: x\nscenarios:\n  - name: [unclosed\n');
    expect(syntax).to.have.length.greaterThan(0);
    expect(syntax[0]).to.match(/^line \d+: /);
  });

  it('should name a missing plan file and a missing directory file', async () => {
    let error: unknown;
    await loadPlan('/nonexistent/plan.yaml').catch((e: unknown) => (error = e));
    expect((error as PlanError).problems[0]).to.match(/^\(file\): cannot read .*ENOENT/);
    const dir = await mkdtemp(join(tmpdir(), 'pilot-plan-'));
    await writeFile(join(dir, 'plan.yaml'), 'name: x\ndefaults: { directory: missing.json }\nscenarios: [{ name: s, steps: [initialCycle] }]\n');
    error = undefined;
    await loadPlan(join(dir, 'plan.yaml')).catch((e: unknown) => (error = e));
    expect((error as PlanError).problems).to.have.length(1);
    expect((error as PlanError).problems[0]).to.match(/^defaults\.directory: .*missing\.json/);
  });
});
