/**
 * @module conformance/reporters/json
 * Machine-readable report: `{"summary": {...}, "checks": [{id, title, area, level, status, reason, …}]}`.
 */
import type { RunResult } from '../types.js';

export function formatJson(run: RunResult): string {
  const { passed, failed, skipped, mustFailed } = run.summary;
  return `${JSON.stringify({
    target: run.target, profile: run.profile, startedAt: run.startedAt, durationMs: run.durationMs, features: run.features,
    summary: { passed, failed, skipped, mustFailed },
    checks: run.checks.map((r) => ({
      id: r.id, title: r.title, area: r.area, level: r.level, spec: r.spec, status: r.status, reason: r.reason ?? null,
      ...(r.expected !== undefined ? { expected: r.expected } : {}),
      ...(r.actual !== undefined ? { actual: r.actual } : {}),
      ...(r.exchanges?.length ? { exchanges: r.exchanges } : {}),
      durationMs: r.durationMs,
    })),
    leftovers: run.leftovers,
  }, null, 2)}\n`;
}
