import type { RunResult } from '../../../conformance/index.js';

/** A small run result with one check of each status; the failure carries hostile text. */
export function fakeRun(): RunResult {
  return {
    tool: { name: 'scimulator', version: '9.9.9' }, target: 'http://127.0.0.1:1/scim/v2', profile: 'all', startedAt: '2025-01-01T00:00:00.000Z', durationMs: 1234,
    features: ['filter', 'patch'], leftovers: [], discoveryProblems: [], discoveryRetried: [], interrupted: false, fixed: [],
    summary: { passed: 1, failed: 1, skipped: 1, notRun: 0, mustFailed: 1, mustNotRun: 0, knownFailures: 0 },
    checks: [
      { id: 'users-create-201', title: 'create', area: 'users', level: 'MUST', spec: 'RFC 7644 §3.3', status: 'passed', durationMs: 3 },
      {
        id: 'filter-eq-username', title: 'eq <finds> "it" & more', area: 'filter', level: 'MUST', spec: 'RFC 7644 §3.4.2.2', status: 'failed',
        reason: 'filter returned <script>alert(1)</script>', expected: '["a"]', actual: '[]\u0001', durationMs: 5,
        exchanges: [{ method: 'GET', url: 'http://127.0.0.1:1/scim/v2/Users?filter=x', requestHeaders: { authorization: 'Bearer [redacted]' }, status: 200, responseHeaders: { 'content-type': 'application/scim+json' }, responseBody: { Resources: [] }, durationMs: 1 }],
      },
      { id: 'bulk-create', title: 'bulk', area: 'bulk', level: 'MUST', spec: 'RFC 7644 §3.7', status: 'skipped', reason: 'not advertised: bulk', durationMs: 0 },
    ],
  };
}
