/**
 * A verdict matrix for the reporter tests: one passing scenario, one with a failed expectation
 * (log entries and target requests attached), one skipped. Hostile text sits where the target's
 * data and the plan's text go: markup in a user name, quotes and ampersands in a sentence,
 * control characters in a message.
 */
import type { ProvisioningLogEntry } from '../../../../engine/logs/types.js';
import type { PilotResult } from '../../../../pilot/result.js';

export const HOSTILE_NAME = `<script>document.body.dataset.pwned='1'</script><img src=x onerror="document.body.dataset.pwned='2'">`;

export const licenceEntry: ProvisioningLogEntry = {
  id: 'log-1',
  activityDateTime: '2025-03-01T10:00:02.000Z',
  jobId: 'job-1',
  cycleId: 'cycle-2',
  changeId: 'change-7',
  provisioningAction: 'create',
  durationInMilliseconds: 41,
  provisioningStatusInfo: {
    status: 'failure',
    errorInformation: {
      errorCode: 'LicenseLimitExceeded',
      reason: 'The app has no seat left for this user',
      additionalDetails: 'HTTP 403 from POST /Users',
      errorCategory: 'nonServiceFailure',
      recommendedAction: 'Free a seat or buy more',
    },
  },
  provisioningSteps: [
    { name: 'EntryImportAdd', provisioningStepType: 'import', status: 'success', description: 'Received user from Entra ID', details: {} },
    { name: 'EntryExportAdd', provisioningStepType: 'export', status: 'failure', description: 'Could not create the user', details: { StatusCode: '403' } },
  ],
  modifiedProperties: [{ displayName: 'userName', oldValue: null, newValue: HOSTILE_NAME }],
  sourceIdentity: { id: 'src-alex', displayName: HOSTILE_NAME, identityType: 'User' },
  targetIdentity: { id: '', displayName: '', identityType: 'User' },
  sourceSystem: { id: 'entra', displayName: 'Microsoft Entra ID' },
  targetSystem: { id: 'app', displayName: 'seat-limited app' },
  initiatedBy: { id: 'system', displayName: 'Microsoft.Azure.SyncFabric', initiatorType: 'system' },
};

export function pilotResult(): PilotResult {
  return {
    plan: 'Contoso rollout',
    target: 'embedded',
    version: '0.1.0',
    startedAt: '2025-03-01T10:00:00.000Z',
    durationMs: 3456,
    summary: { passed: 2, failed: 1, skipped: 1 },
    scenarios: [
      {
        name: 'user added to an assigned group',
        description: 'Alex joins Sales, which is assigned to the app',
        status: 'passed',
        durationMs: 812,
        expectations: [
          { description: 'Alex exists on the target', kind: 'target.user', expected: { exists: true }, actual: { exists: true }, status: 'passed', step: 1 },
          { description: 'Alex can sign in to the app', kind: 'signin', expected: 'allowed', actual: 'allowed', status: 'passed', step: 1 },
        ],
      },
      {
        name: 'licence exhaustion',
        quirks: 'seat-limited',
        status: 'failed',
        durationMs: 1290,
        expectations: [
          {
            description: `${HOSTILE_NAME} & "Bo" are provisioned`,
            kind: 'log',
            expected: { action: 'create', status: 'success' },
            actual: { action: 'create', status: 'failure', errorCode: 'LicenseLimitExceeded', note: 'x'.repeat(80) },
            status: 'failed',
            step: 2,
            message: 'the create failed\u0001 with \u001b[31mLicenseLimitExceeded',
            logEntries: [licenceEntry],
            requests: [{
              method: 'POST',
              path: '/scim/v2/Users',
              status: 403,
              quirk: 'seat-limited',
              requestBody: { userName: HOSTILE_NAME, active: true },
              responseBody: { detail: 'no seat left', status: '403' },
            }],
          },
        ],
      },
      {
        name: 'app without DELETE',
        quirks: 'no-delete',
        status: 'skipped',
        skipReason: 'needs the embedded target (quirk no-delete)',
        durationMs: 0,
        expectations: [
          { description: 'Alex is disabled, not deleted', kind: 'target.user', expected: { active: false }, actual: undefined, status: 'skipped', step: 0 },
        ],
      },
    ],
  };
}
