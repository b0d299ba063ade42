/**
 * @module pilot/report/html
 * One self-contained HTML page (inline CSS, a few lines of script, no request leaves it): the
 * plan, target and date; a summary bar; the matrix (a row per scenario, a cell per expectation);
 * then each scenario's section with every failure expanded.
 */
import type { PilotResult } from '../result.js';
import { countsLine, expectationCounts, scenarioCounts, type Counts } from './counts.js';
import { h, MARK } from './html-parts.js';
import { expectationId, scenarioHtml, scenarioId } from './html-scenario.js';
import { CSS, SCRIPT } from './html-style.js';
import { duration, instant } from './values.js';

export function formatPilotHtml(result: PilotResult): string {
  const counts = expectationCounts(result);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(`Pilot ${result.plan}: ${countsLine(counts)}`)}</title><style>${CSS}</style></head>
<body><header><h1>Pilot: ${h(result.plan)}</h1>
<p class="meta">against <b>${h(result.target)}</b> · scimulator <b>${h(result.version)}</b> · started <b>${h(instant(result.startedAt))}</b> · took <b>${duration(result.durationMs)}</b></p>
${summaryBar(counts, scenarioCounts(result))}</header>
<main><h2>Matrix</h2>
${matrix(result)}
<div class="toolbar"><button type="button" data-open="all">Expand all</button><button type="button" data-open="failed">Failures only</button></div>
${result.scenarios.map(scenarioHtml).join('\n')}
</main><script>${SCRIPT}</script></body></html>
`;
}

function summaryBar(e: Counts, s: Counts): string {
  const total = e.passed + e.failed + e.skipped;
  const segments = (['passed', 'failed', 'skipped'] as const)
    .filter((v) => e[v] > 0)
    .map((v) => `<span class="${v}" style="width:${((e[v] / total) * 100).toFixed(2)}%" title="${e[v]} ${v}"></span>`);
  return `<div class="bar" role="img" aria-label="${countsLine(e)}">${segments.join('')}</div>
<div class="counts"><span class="passed">${MARK.passed} ${e.passed} passed</span><span class="failed">${MARK.failed} ${e.failed} failed</span><span class="skipped">${MARK.skipped} ${e.skipped} skipped</span><span class="muted">expectations, in ${s.passed + s.failed + s.skipped} scenarios: ${countsLine(s)}</span></div>`;
}

function matrix(result: PilotResult): string {
  const rows = result.scenarios.map((s, i) => {
    const cells = s.expectations.map((e, j) =>
      `<a class="cell ${e.status}" href="#${expectationId(i, j)}" title="${h(`${e.status}: ${e.description}`)}">${MARK[e.status]} ${h(e.description)}</a>`);
    const why = s.error ? `<span class="failed">could not run: ${h(s.error)}</span>` : s.skipReason ? `<span class="skipped">${h(s.skipReason)}</span>` : '';
    return `<tr><td class="name"><a href="#${scenarioId(i)}">${h(s.name)}</a>${s.quirks ? `<span class="quirk">quirks ${h(s.quirks)}</span>` : ''}</td>`
      + `<td class="${s.status}">${MARK[s.status]} ${s.status}</td><td><div class="cells">${cells.join('')}${why}</div></td></tr>`;
  });
  return `<table class="matrix"><thead><tr><th>Scenario</th><th>Verdict</th><th>Expectations</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
