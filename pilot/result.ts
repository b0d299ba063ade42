/**
 * @module pilot/result
 * What a pilot run produces: the verdict matrix (scenario × expectation) that every reporter
 * (text, JSON, JUnit, HTML) renders. The JSON reporter writes this shape as it is.
 */
import type { ProvisioningLogEntry } from '../engine/logs/types.js';

export type Verdict = 'passed' | 'failed' | 'skipped';

/** One request the target received, as its journal recorded it (secrets redacted). */
export interface TargetRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly requestBody?: unknown;
  readonly responseBody?: unknown;
  /** the quirk that fired, if any */
  readonly quirk?: string;
}

export interface ExpectationResult {
  /** the human sentence of the plan ("Alex can sign in to the app") */
  readonly description: string;
  /** what kind of check: target.user, signin, log, job, requests … */
  readonly kind: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly status: Verdict;
  /** the step after which it was checked (index into the scenario's steps) */
  readonly step: number;
  /** failures only: why, in a sentence */
  readonly message?: string;
  /** the provisioning log entries that explain it (failures; the user's entries of the cycle) */
  readonly logEntries?: readonly ProvisioningLogEntry[];
  /** the target requests that explain it (failures) */
  readonly requests?: readonly TargetRequest[];
}

export interface ScenarioResult {
  readonly name: string;
  readonly description?: string;
  readonly quirks?: string;
  readonly status: Verdict;
  /** skipped scenarios: why */
  readonly skipReason?: string;
  /** the scenario could not run (a step failed to apply): the message */
  readonly error?: string;
  readonly durationMs: number;
  readonly expectations: readonly ExpectationResult[];
}

export interface PilotResult {
  readonly plan: string;
  readonly target: string;
  readonly version: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number };
  readonly scenarios: readonly ScenarioResult[];
}
