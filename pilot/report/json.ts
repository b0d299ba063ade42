/**
 * @module pilot/report/json
 * The verdict matrix as it is (pilot/result.ts), pretty-printed. An expected or actual value that
 * is absent is written as null so every expectation carries both keys.
 */
import type { PilotResult } from '../result.js';

export function formatPilotJson(result: PilotResult): string {
  const scenarios = result.scenarios.map((s) => ({
    ...s,
    expectations: s.expectations.map((e) => ({ ...e, expected: e.expected ?? null, actual: e.actual ?? null })),
  }));
  return `${JSON.stringify({ ...result, scenarios }, null, 2)}\n`;
}
