/**
 * Provision on demand (ENTRA-SPEC §2.13): one user through the pipeline, one log entry marked
 * onDemand with the import, scoping, matching and export steps, and the default (legacy) PATCH
 * dialect even when the Tenant URL carries aadOptscim062020.
 */
import { expect } from 'chai';
import { UnknownSourceObjectError } from '../../../engine/index.js';
import { directory, openTestJob, startHarness, user } from './support/harness.js';
import type { Harness } from './support/harness.js';

describe('engine e2e: provision on demand', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('creates one user with one onDemand entry, then updates it in the legacy dialect despite aadOptscim062020', async () => {
    const dir = directory({ users: [user(1), user(2)], direct: ['u1', 'u2'] });
    const job = await openTestJob(h, () => dir, { urlSuffix: '?aadOptscim062020', provisionGroups: false });
    try {
      const created = await job.provisionOnDemand('u1');
      expect(created.result).to.equal('Success');
      expect(created.entry.onDemand).to.equal(true);
      expect(created.entry.provisioningAction).to.equal('create');
      expect(created.entry.sourceIdentity.id).to.equal('u1');
      expect(created.entry.provisioningSteps.map((s) => s.provisioningStepType)).to.deep.equal(['import', 'scoping', 'matching', 'export']);
      const scoping = created.entry.provisioningSteps.find((s) => s.provisioningStepType === 'scoping')!;
      expect(scoping.details).to.deep.include({ IsActive: 'true', Assigned: 'true', ScopeEvaluationResult: 'InScope' });
      // only u1: u2 is not provisioned by it
      expect((await h.users()).map((u) => u.userName)).to.deep.equal(['user1@contoso.com']);
      expect((await job.logs()).map((e) => e.changeId)).to.deep.equal([created.entry.changeId]);

      dir.users[0]!.displayName = 'Renamed';
      dir.users[0]!.givenName = 'Neo';
      h.mark();
      const updated = await job.provisionOnDemand('user1@contoso.com');
      expect(updated.result).to.equal('Success');
      expect(updated.entry).to.deep.include({ provisioningAction: 'update', onDemand: true });
      const patch = h.journalSince().find((j) => j.method === 'PATCH');
      expect(patch?.requestBody).to.deep.equal({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'Replace', path: 'displayName', value: 'Renamed' },
          { op: 'Replace', path: 'name.givenName', value: 'Neo' },
          { op: 'Replace', path: 'name.formatted', value: 'Neo Sur1' },
        ],
      });

      const same = await job.provisionOnDemand('u1');
      expect(same.result).to.equal('Skipped');
      expect(same.entry.provisioningStatusInfo.errorInformation?.errorCode).to.equal('RedundantExport');

      // on demand moves no watermark: the first cycle is still initial, and knows u1 is linked
      expect(job.status().initialPending).to.equal(true);
      h.mark();
      const cycle = await job.run();
      expect(cycle.kind).to.equal('initial');
      expect(h.journalSince().filter((j) => j.method === 'POST').map((j) => (j.requestBody as { userName: string }).userName)).to.deep.equal(['user2@contoso.com']);
    } finally {
      await job.close();
    }
  });

  it('an unassigned user: Skipped with the scoping reason, nothing sent; an unknown id is refused', async () => {
    const dir = directory({ users: [user(1), user(3)], direct: ['u1'] });
    const job = await openTestJob(h, () => dir, { provisionGroups: false });
    try {
      h.mark();
      const skipped = await job.provisionOnDemand('u3');
      expect(skipped.result).to.equal('Skipped');
      expect(skipped.entry.provisioningStatusInfo.errorInformation?.reason).to.match(/not assigned/);
      expect(h.journalSince().filter((j) => j.method !== 'GET')).to.deep.equal([]);
      let error: unknown;
      try {
        await job.provisionOnDemand('nobody');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(UnknownSourceObjectError);
    } finally {
      await job.close();
    }
  });
});
