/**
 * @module conformance/reporters/junit
 * JUnit XML, one <testsuite> per area and one <testcase> per check, for CI dashboards.
 */
import { AREAS } from '../types.js';
import type { CheckResult, RunResult } from '../types.js';
import { exchangeLines } from './exchange-text.js';

/** XML 1.0 allows neither these control characters nor unpaired surrogates, escaped or not. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function formatJunit(run: RunResult): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const { passed, failed, skipped } = run.summary;
  out.push(`<testsuites name="scimulator conformance" tests="${passed + failed + skipped}" failures="${failed}" skipped="${skipped}" time="${seconds(run.durationMs)}">`);
  for (const area of AREAS) {
    const checks = run.checks.filter((r) => r.area === area);
    if (!checks.length) continue;
    const f = checks.filter((r) => r.status === 'failed').length;
    const s = checks.filter((r) => r.status === 'skipped').length;
    const time = checks.reduce((n, r) => n + r.durationMs, 0);
    out.push(`  <testsuite name="${escapeXml(area)}" tests="${checks.length}" failures="${f}" errors="0" skipped="${s}" time="${seconds(time)}">`);
    for (const r of checks) out.push(...testcase(r));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function testcase(r: CheckResult): string[] {
  const open = `    <testcase classname="conformance.${escapeXml(r.area)}" name="${escapeXml(`${r.id} [${r.level}] ${r.title}`)}" time="${seconds(r.durationMs)}"`;
  if (r.status === 'passed') return [`${open}/>`];
  if (r.status === 'skipped') return [`${open}>`, `      <skipped message="${escapeXml(r.reason ?? '')}"/>`, '    </testcase>'];
  const details = [
    `${r.spec}: ${r.reason ?? ''}`,
    ...(r.expected !== undefined ? [`expected: ${r.expected}`] : []),
    ...(r.actual !== undefined ? [`actual:   ${r.actual}`] : []),
    ...(r.exchanges ?? []).flatMap(exchangeLines),
  ].join('\n');
  return [`${open}>`, `      <failure message="${escapeXml(r.reason ?? 'failed')}" type="${r.level}">${escapeXml(details)}</failure>`, '    </testcase>'];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
