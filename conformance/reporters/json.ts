/**
 * @module conformance/reporters/json
 * Machine-readable report: `{"summary": {...}, "checks": [{id, title, area, level, status, reason, …}]}`.
 */
import type { RunResult } from '../types.js';

export function formatJson(run: RunResult): string {
  return `${JSON.stringify({
    tool: run.tool, target: run.target, profile: run.profile, ...(run.quirks ? { quirks: run.quirks } : {}),
    startedAt: run.startedAt, durationMs: run.durationMs, features: run.features,
    summary: run.summary, discoveryProblems: run.discoveryProblems, discoveryRetried: run.discoveryRetried, interrupted: run.interrupted, fixed: run.fixed,
    checks: run.checks.map((r) => ({
      id: r.id, title: r.title, area: r.area, level: r.level, spec: r.spec, status: r.status, reason: r.reason ?? null,
      ...(r.expected !== undefined ? { expected: r.expected } : {}),
      ...(r.actual !== undefined ? { actual: r.actual } : {}),
      ...(r.exchanges?.length ? { exchanges: r.exchanges } : {}),
      ...(r.knownFailure ? { knownFailure: true } : {}),
      durationMs: r.durationMs,
    })),
    leftovers: run.leftovers,
  }, null, 2)}\n`;
}
