/**
 * @module conformance/reporters/junit
 * JUnit XML, one <testsuite> per area and one <testcase> per check, for CI dashboards. The marks
 * agree with the exit code: only what fails the run is a <failure> (a MUST failure not in the
 * baseline) or an <error> (a MUST check not run); a SHOULD/MAY failure or a known failure is
 * <skipped> with the reason, its details in <system-out>.
 */
import { AREAS } from '../types.js';
import type { CheckResult, RunResult } from '../types.js';
import { exchangeLines } from './exchange-text.js';
import { failsRun } from './summary.js';

/** XML 1.0 allows neither these control characters nor unpaired surrogates, escaped or not. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function formatJunit(run: RunResult): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = counts(run.checks);
  out.push(`<testsuites name="scimulator conformance" tests="${run.checks.length}" failures="${all.failures}" errors="${all.errors}" skipped="${all.skipped}" time="${seconds(run.durationMs)}">`);
  const properties = [
    ['scimulator.version', run.tool.version], ['target', run.target], ['profile', run.profile],
    ...(run.quirks ? [['quirks', run.quirks]] : []), ...(run.interrupted ? [['interrupted', 'true']] : []),
    ...run.discoveryProblems.map((p) => ['discovery.problem', p]),
  ].map(([name, value]) => `      <property name="${escapeXml(name!)}" value="${escapeXml(value!)}"/>`);
  for (const area of AREAS) {
    const checks = run.checks.filter((r) => r.area === area);
    if (!checks.length) continue;
    const c = counts(checks);
    const time = checks.reduce((n, r) => n + r.durationMs, 0);
    out.push(`  <testsuite name="${escapeXml(area)}" tests="${checks.length}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(time)}">`);
    out.push('    <properties>', ...properties, '    </properties>');
    for (const r of checks) out.push(...testcase(r));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function counts(checks: readonly CheckResult[]): { failures: number; errors: number; skipped: number } {
  const failures = checks.filter(failsRun).length;
  const errors = checks.filter(notRunMust).length;
  return { failures, errors, skipped: checks.filter((r) => r.status !== 'passed').length - failures - errors };
}

function notRunMust(r: CheckResult): boolean {
  return r.status === 'not-run' && r.level === 'MUST';
}

function testcase(r: CheckResult): string[] {
  const open = `    <testcase classname="conformance.${escapeXml(r.area)}" name="${escapeXml(`${r.id} [${r.level}] ${r.title}`)}" time="${seconds(r.durationMs)}"`;
  if (r.status === 'passed') return [`${open}/>`];
  if (r.status === 'skipped') return [`${open}>`, `      <skipped message="${escapeXml(r.reason ?? '')}"/>`, '    </testcase>'];
  if (r.status === 'not-run') {
    const message = escapeXml(`not run: ${r.reason ?? ''}`);
    return [`${open}>`, notRunMust(r) ? `      <error message="${message}" type="not-run"/>` : `      <skipped message="${message}"/>`, '    </testcase>'];
  }
  const details = [
    `${r.spec}: ${r.reason ?? ''}`,
    ...(r.expected !== undefined ? [`expected: ${r.expected}`] : []),
    ...(r.actual !== undefined ? [`actual:   ${r.actual}`] : []),
    ...(r.exchanges ?? []).flatMap(exchangeLines),
  ].join('\n');
  if (!failsRun(r)) {
    const why = r.knownFailure ? 'known failure (baseline), does not fail the run' : `${r.level} not met, does not fail the run`;
    return [`${open}>`, `      <skipped message="${escapeXml(`${why}: ${r.reason ?? ''}`)}"/>`, `      <system-out>${escapeXml(details)}</system-out>`, '    </testcase>'];
  }
  return [`${open}>`, `      <failure message="${escapeXml(r.reason ?? 'failed')}" type="${r.level}">${escapeXml(details)}</failure>`, '    </testcase>'];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
