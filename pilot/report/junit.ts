/**
 * @module pilot/report/junit
 * JUnit XML for CI dashboards: one <testsuite> per scenario, one <testcase> per expectation
 * (classname = scenario, name = the plan's sentence); a scenario that could not run adds one
 * testcase with an <error>.
 */
import { escapeXml } from '../../conformance/reporters/junit.js';
import type { ExpectationResult, PilotResult, ScenarioResult } from '../result.js';
import { logEntryLines, requestLines } from './explain-text.js';
import { plain, pretty } from './values.js';

/** The testcase standing for the scenario itself when a step failed to apply. */
export const SCENARIO_ERROR_CASE = 'scenario could not run';

interface SuiteCounts { tests: number; failures: number; errors: number; skipped: number }

export function formatPilotJunit(result: PilotResult): string {
  const suites = result.scenarios.map((s) => ({ s, n: suiteCounts(s) }));
  const total = suites.reduce<SuiteCounts>((t, { n }) => ({
    tests: t.tests + n.tests, failures: t.failures + n.failures, errors: t.errors + n.errors, skipped: t.skipped + n.skipped,
  }), { tests: 0, failures: 0, errors: 0, skipped: 0 });
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${x(`scimulator pilot: ${result.plan}`)}" ${attrs(total)} time="${seconds(result.durationMs)}" timestamp="${escapeXml(result.startedAt)}">`);
  for (const { s, n } of suites) out.push(...suite(s, n));
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function suiteCounts(s: ScenarioResult): SuiteCounts {
  const errors = s.error ? 1 : 0;
  return {
    tests: s.expectations.length + errors,
    failures: s.expectations.filter((e) => e.status === 'failed').length,
    errors,
    skipped: s.expectations.filter((e) => e.status === 'skipped').length,
  };
}

function suite(s: ScenarioResult, n: SuiteCounts): string[] {
  const name = x(s.name);
  const out = [`  <testsuite name="${name}" ${attrs(n)} time="${seconds(s.durationMs)}">`];
  if (s.quirks) out.push('    <properties>', `      <property name="quirks" value="${x(s.quirks)}"/>`, '    </properties>');
  if (s.error) {
    out.push(`    <testcase classname="${name}" name="${SCENARIO_ERROR_CASE}" time="0.000">`,
      `      <error message="${x(s.error)}" type="scenario">${x(s.error)}</error>`, '    </testcase>');
  }
  for (const e of s.expectations) out.push(...testcase(name, e, s.skipReason));
  out.push('  </testsuite>');
  return out;
}

function testcase(classname: string, e: ExpectationResult, skipReason?: string): string[] {
  // expectations have no duration of their own; the suite carries the scenario's
  const open = `    <testcase classname="${classname}" name="${x(e.description)}" time="0.000"`;
  if (e.status === 'passed') return [`${open}/>`];
  if (e.status === 'skipped') {
    return [`${open}>`, `      <skipped message="${x(e.message ?? skipReason ?? 'skipped')}"/>`, '    </testcase>'];
  }
  const first = e.logEntries?.[0]?.provisioningStatusInfo.errorInformation;
  const message = `${e.message ?? 'failed'}${first ? ` [${first.errorCode}]` : ''}`;
  const details = [
    `expected: ${pretty(e.expected)}`,
    `actual:   ${pretty(e.actual)}`,
    ...(e.message ? [e.message] : []),
    ...(e.logEntries ?? []).flatMap(logEntryLines),
    ...(e.requests ?? []).flatMap(requestLines),
  ].join('\n');
  return [`${open}>`, `      <failure message="${x(message)}" type="${x(e.kind)}">${x(details)}</failure>`, '    </testcase>'];
}

/** Plan and target text: control characters shown as \u escapes, then XML-escaped. */
function x(text: string): string {
  return escapeXml(plain(text));
}

function attrs(n: SuiteCounts): string {
  return `tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="${n.skipped}"`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
