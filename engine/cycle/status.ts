/**
 * @module engine/cycle/status
 * The job status object of ENTRA-SPEC §1.1, derived from the state (never stored twice).
 */
import type { JobStatus } from '../api.js';
import type { EngineState } from '../state/types.js';

export function jobStatusOf(state: EngineState, configDigest?: string): JobStatus {
  const count = (records: EngineState['users']) => Object.values(records).filter((r) => r.targetId !== undefined).length;
  return {
    code: state.status.code,
    quarantine: state.status.quarantine,
    countSuccessiveCompleteFailures: state.status.countSuccessiveCompleteFailures,
    escrowsPruned: state.status.escrowsPruned,
    lastExecution: state.status.lastExecution,
    lastSuccessfulExecution: state.status.lastSuccessfulExecution,
    lastSuccessfulExecutionWithExports: state.status.lastSuccessfulExecutionWithExports,
    synchronizedEntryCountByType: [
      { key: 'User', value: count(state.users) },
      { key: 'Group', value: count(state.groups) },
    ],
    escrows: Object.keys(state.escrows).length,
    stagedDeletes: Object.keys(state.staged).length,
    initialPending: state.watermark === null || (configDigest !== undefined && state.configDigest !== configDigest),
  };
}
