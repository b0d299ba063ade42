/**
 * Synthetic provisioning log entries and cycle summaries for the logs tests and the logs/report
 * command tests: `entry({...})` fills every field a real entry has, overrides win.
 */
import type { ProvisioningLogEntry } from '../../../../engine/logs/types.js';
import type { CycleSummary } from '../../../../engine/logs/cycles.js';
import type { JobStatus } from '../../../../engine/api.js';

type Overrides = Partial<Omit<ProvisioningLogEntry, 'provisioningStatusInfo' | 'sourceIdentity' | 'targetIdentity'>> & {
  status?: ProvisioningLogEntry['provisioningStatusInfo']['status'];
  errorCode?: string;
  reason?: string;
  sourceId?: string;
  sourceName?: string;
  targetId?: string;
  targetName?: string;
};

let serial = 0;

export function entry(o: Overrides = {}): ProvisioningLogEntry {
  serial += 1;
  const { status = 'success', errorCode, reason, sourceId, sourceName, targetId, targetName, ...rest } = o;
  return {
    id: `entry-${serial}`,
    activityDateTime: '2026-01-01T00:00:00.000Z',
    jobId: 'scim.tenant.job-1',
    cycleId: 'c0ffee01-0000-4000-8000-000000000001',
    changeId: `change-${serial}`,
    provisioningAction: 'create',
    durationInMilliseconds: 12,
    provisioningStatusInfo: {
      status,
      ...(errorCode
        ? { errorInformation: { errorCode, reason: reason ?? `${errorCode} happened`, errorCategory: 'nonServiceFailure' as const } }
        : {}),
    },
    provisioningSteps: [
      { name: 'EntryImportAdd', provisioningStepType: 'import', status: 'success', description: 'Received User', details: {} },
      { name: 'EntryExportAdd', provisioningStepType: 'export', status, description: 'Created User', details: { ReportableIdentifier: 'x' } },
    ],
    modifiedProperties: [{ displayName: 'userName', oldValue: null, newValue: 'ada@example.com' }],
    sourceIdentity: { id: sourceId ?? `src-${serial}`, displayName: sourceName ?? `User ${serial}`, identityType: 'User' },
    targetIdentity: { id: targetId ?? `tgt-${serial}`, displayName: targetName ?? `User ${serial}`, identityType: 'urn:ietf:params:scim:schemas:core:2.0:User' },
    sourceSystem: { id: 'src', displayName: 'Azure Active Directory' },
    targetSystem: { id: 'tgt', displayName: 'localhost' },
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    ...rest,
  };
}

export function jobStatus(o: Partial<JobStatus> = {}): JobStatus {
  return {
    code: 'Active',
    quarantine: null,
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: null,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    synchronizedEntryCountByType: [{ key: 'User', value: 3 }],
    escrows: 0,
    stagedDeletes: 0,
    initialPending: false,
    ...o,
  };
}

export function cycleSummary(o: Partial<CycleSummary> = {}): CycleSummary {
  return {
    cycleId: 'c0ffee01-0000-4000-8000-000000000001',
    kind: 'initial',
    dryRun: false,
    state: 'Succeeded',
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:02.000Z',
    durationMs: 2000,
    counts: { byAction: { create: 3 }, byStatus: { success: 3 }, objects: 3 },
    requests: { total: 7, reads: 4, writes: 3, byMethod: { GET: 4, POST: 3 } },
    status: jobStatus(),
    ...o,
  };
}
