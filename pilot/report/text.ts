/**
 * @module pilot/report/text
 * The matrix on the terminal: per scenario a header line and a table of expectation × expected ×
 * actual × verdict, each failure then told with its message and the first log entry's error,
 * and the closing line `Pilot: N passed, N failed, N skipped` (expectations).
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { ExpectationResult, PilotResult, ScenarioResult, Verdict } from '../result.js';
import { countsLine, expectationCounts, scenarioCounts } from './counts.js';
import { logEntryLine } from './explain-text.js';
import { compact, duration, plain } from './values.js';

type Colors = ReturnType<typeof pc.createColors>;

const MARK: Record<Verdict, string> = { passed: '✓', failed: '✗', skipped: '–' };

export function formatPilotText(result: PilotResult, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const out = [c.bold(plain(`Pilot ${result.plan} against ${result.target}`)), plain(`scimulator ${result.version}, started ${result.startedAt}`), ''];
  for (const s of result.scenarios) out.push(...scenario(s, c), '');
  out.push(`scenarios: ${countsLine(scenarioCounts(result))}; finished in ${duration(result.durationMs)}`);
  out.push(`Pilot: ${countsLine(expectationCounts(result))}`);
  return `${out.join('\n')}\n`;
}

function scenario(s: ScenarioResult, c: Colors): string[] {
  const quirks = s.quirks ? `, quirks ${s.quirks}` : '';
  const lines = [`${paint(c, s.status, `${MARK[s.status]} ${s.status}`)}  ${c.bold(plain(s.name))}  ${duration(s.durationMs)}${plain(quirks)}`];
  if (s.skipReason) lines.push(c.dim(plain(`  skipped: ${s.skipReason}`)));
  if (s.error) lines.push(c.red(plain(`  could not run: ${s.error}`)));
  if (!s.expectations.length) return lines;
  const table = new Table({
    head: ['expectation', 'expected', 'actual', 'verdict'],
    colWidths: [42, 32, 32, 11],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [] },
  });
  for (const e of s.expectations) table.push([plain(e.description), compact(e.expected), compact(e.actual), paint(c, e.status, `${MARK[e.status]} ${e.status}`)]);
  lines.push(...table.toString().split('\n').map((l) => `  ${l}`));
  for (const e of s.expectations.filter((x) => x.status === 'failed')) lines.push(...failure(e, c));
  return lines;
}

function failure(e: ExpectationResult, c: Colors): string[] {
  const lines = [`  ${c.red('✗')} ${plain(e.description)}`, `      ${plain(e.message ?? 'failed')}`];
  const first = e.logEntries?.[0];
  if (first) lines.push(c.dim(`      log: ${logEntryLine(first)}`));
  return lines;
}

function paint(c: Colors, status: Verdict, text: string): string {
  return status === 'passed' ? c.green(text) : status === 'failed' ? c.red(text) : c.dim(text);
}
