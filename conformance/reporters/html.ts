/**
 * @module conformance/reporters/html
 * One self-contained HTML page (inline CSS and a few lines of script): summary, a status filter,
 * results grouped by area, failures expanded with expected vs actual and the exchange.
 */
import { AREAS } from '../types.js';
import type { CheckResult, RunResult } from '../types.js';
import { exchangeLines } from './exchange-text.js';
import { noticeLines, runDescription, summaryLine } from './summary.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
.summary span{display:inline-block;margin-right:1rem;font-weight:600}.passed{color:#1a7f37}.failed{color:#cf222e}.skipped{color:#6e7781}
.filters label{margin-right:1rem;cursor:pointer}.check{margin:.2rem 0}.check summary{cursor:pointer}
.lvl{font-size:.75rem;border:1px solid currentColor;border-radius:3px;padding:0 .25rem;margin:0 .3rem}
pre{background:#f6f8fa;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}
.reason{margin:.3rem 0 .3rem 1.5rem}.hidden{display:none}`;

const SCRIPT = `document.querySelectorAll('.filters input').forEach(function(box){box.addEventListener('change',function(){
document.querySelectorAll('.check').forEach(function(el){var on=document.querySelector('.filters input[value="'+el.dataset.status+'"]').checked;el.classList.toggle('hidden',!on);});
document.querySelectorAll('section').forEach(function(sec){sec.classList.toggle('hidden',!sec.querySelector('.check:not(.hidden)'));});});});`;

export function formatHtml(run: RunResult): string {
  const { mustFailed } = run.summary;
  const notices = noticeLines(run).map((n) => `<p class="failed">${escapeHtml(n)}</p>`).join('\n');
  const sections = AREAS.map((area) => {
    const checks = run.checks.filter((r) => r.area === area);
    return checks.length ? `<section><h2>${escapeHtml(area)}</h2>\n${checks.map(item).join('\n')}</section>` : '';
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>SCIM conformance: ${escapeHtml(run.target)}</title><style>${CSS}</style></head>
<body><h1>SCIM conformance of ${escapeHtml(run.target)}</h1>
<p>${escapeHtml(runDescription(run))}, started ${escapeHtml(run.startedAt)}, ${(run.durationMs / 1000).toFixed(1)} s; advertised: ${escapeHtml(run.features.join(', ') || 'nothing optional')}</p>
${notices}
<p class="summary"><span>${escapeHtml(summaryLine(run.summary))}</span><span>${mustFailed} MUST failed</span></p>
<p class="filters">show: <label><input type="checkbox" value="passed" checked> passed</label><label><input type="checkbox" value="failed" checked> failed</label><label><input type="checkbox" value="skipped" checked> skipped</label><label><input type="checkbox" value="not-run" checked> not run</label></p>
${sections}
<script>${SCRIPT}</script></body></html>
`;
}

function item(r: CheckResult): string {
  const mark = r.status === 'passed' ? '✓' : r.status === 'failed' ? '✗' : '–';
  const head = `<span class="${r.status}">${mark}</span><span class="lvl">${r.level}</span><b>${escapeHtml(r.id)}</b> ${escapeHtml(r.title)}`;
  if (r.status !== 'failed') {
    const why = r.status === 'passed' ? '' : ` <span class="skipped">(${r.status === 'skipped' ? 'skipped' : 'not run'}: ${escapeHtml(r.reason ?? '')})</span>`;
    return `<div class="check" data-status="${r.status}">${head}${why}</div>`;
  }
  const detail = [
    ...(r.expected !== undefined ? [`expected: ${r.expected}`] : []),
    ...(r.actual !== undefined ? [`actual:   ${r.actual}`] : []),
    ...(r.exchanges ?? []).flatMap((e) => ['', ...exchangeLines(e)]),
  ].join('\n');
  return `<details class="check" data-status="failed" open><summary>${head}</summary>
<p class="reason">${escapeHtml(r.spec)}: ${escapeHtml(r.reason ?? '')}</p>${detail ? `<pre>${escapeHtml(detail)}</pre>` : ''}</details>`;
}
