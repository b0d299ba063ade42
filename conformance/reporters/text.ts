/**
 * @module conformance/reporters/text
 * The terminal report: results grouped by area, failures with expected vs actual and the
 * exchange, then the closing line `N passed, N failed, N skipped`.
 */
import pc from 'picocolors';
import { AREAS } from '../types.js';
import type { CheckResult, RunResult } from '../types.js';
import { exchangeLines } from './exchange-text.js';
import { noticeLines, runDescription, summaryLine } from './summary.js';

export function formatText(run: RunResult, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const out: string[] = [`SCIM conformance of ${run.target} (${runDescription(run)})`];
  out.push(`advertised: ${run.features.length ? run.features.join(', ') : 'nothing optional'}`, '');
  for (const area of AREAS) {
    const checks = run.checks.filter((r) => r.area === area);
    if (!checks.length) continue;
    out.push(c.bold(area));
    for (const r of checks) out.push(...line(r, c));
    out.push('');
  }
  if (run.leftovers.length) out.push(c.yellow(leftoverLine(run.leftovers)), '');
  for (const notice of noticeLines(run)) out.push(c.yellow(notice));
  const { mustFailed, mustNotRun } = run.summary;
  out.push(`${mustFailed} MUST check(s) failed${mustNotRun ? `, ${mustNotRun} MUST check(s) not run` : ''}; finished in ${(run.durationMs / 1000).toFixed(1)} s`);
  out.push(summaryLine(run.summary));
  return `${out.join('\n')}\n`;
}

/** A target without DELETE leaves every resource behind: name a few, count the rest (JSON lists all). */
export function leftoverLine(leftovers: readonly string[], shown = 5): string {
  const head = leftovers.slice(0, shown).join(', ');
  const rest = leftovers.length - shown;
  return `could not delete ${leftovers.length} resource(s) the run created: ${head}${rest > 0 ? `, … and ${rest} more (--format json lists them all)` : ''}`;
}

function line(r: CheckResult, c: ReturnType<typeof pc.createColors>): string[] {
  const head = `${r.id} [${r.level}] ${r.title}`;
  if (r.status === 'passed') return [`  ${c.green('✓')} ${head}`];
  if (r.status === 'skipped') return [`  ${c.dim(`- ${head} (skipped: ${r.reason ?? ''})`)}`];
  if (r.status === 'not-run') return [`  ${c.yellow(`? ${head} (not run: ${r.reason ?? ''})`)}`];
  const mark = r.knownFailure ? c.yellow('✗ (known failure, baseline)') : r.level === 'MUST' ? c.red('✗') : c.yellow('✗');
  const lines = [`  ${mark} ${head}`, `      ${r.spec}: ${r.reason ?? 'failed'}`];
  if (r.expected !== undefined) lines.push(`      expected: ${r.expected}`);
  if (r.actual !== undefined) lines.push(`      actual:   ${r.actual}`);
  for (const e of r.exchanges ?? []) lines.push(...exchangeLines(e).map((l) => `      ${c.dim(l)}`));
  return lines;
}
