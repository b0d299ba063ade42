/**
 * @module pilot/report/html-scenario
 * One scenario's section of the HTML report: header, why it was skipped or could not run, and
 * each expectation as a <details> — failures open, with expected vs actual and their evidence.
 */
import type { ExpectationResult, ScenarioResult } from '../result.js';
import { logEntryHtml, requestHtml } from './html-evidence.js';
import { badge, h, MARK } from './html-parts.js';
import { compact, duration, pretty } from './values.js';

/** Anchors are made from positions, never from the plan's names. */
export const scenarioId = (i: number): string => `s${i}`;
export const expectationId = (i: number, j: number): string => `s${i}-e${j}`;

export function scenarioHtml(s: ScenarioResult, i: number): string {
  const head = `<div class="shead"><span class="${s.status}">${MARK[s.status]}</span><h2>${h(s.name)}</h2>${badge(s.status)}`
    + `<span class="muted">${duration(s.durationMs)}${s.quirks ? ` · quirks <b>${h(s.quirks)}</b>` : ''}</span></div>`;
  const notes = [
    ...(s.description ? [`<p class="muted">${h(s.description)}</p>`] : []),
    ...(s.skipReason ? [`<p class="note">Skipped: ${h(s.skipReason)}</p>`] : []),
    ...(s.error ? [`<p class="note error"><b>Could not run:</b> ${h(s.error)}</p>`] : []),
  ];
  const items = s.expectations.map((e, j) => expectationHtml(e, expectationId(i, j)));
  return `<section class="scenario ${s.status}" id="${scenarioId(i)}">${head}${notes.join('')}${items.join('\n')}</section>`;
}

function expectationHtml(e: ExpectationResult, id: string): string {
  const summary = `<summary><span class="${e.status}">${MARK[e.status]}</span> ${h(e.description)}<span class="kind">${h(e.kind)}</span>`
    + `<span class="vals">expected ${h(compact(e.expected))} · actual ${h(compact(e.actual))}</span></summary>`;
  const body = [
    ...(e.message ? [`<p class="${e.status === 'failed' ? 'message' : 'muted'}">${h(e.message)}</p>`] : []),
    `<div class="pair"><div><div class="label">expected</div><pre>${h(pretty(e.expected))}</pre></div>`
      + `<div><div class="label">actual</div><pre>${h(pretty(e.actual))}</pre></div></div>`,
    `<p class="muted">checked after step ${e.step + 1}</p>`,
    ...(e.logEntries?.length ? [`<h3>Provisioning log</h3>${e.logEntries.map(logEntryHtml).join('')}`] : []),
    ...(e.requests?.length ? [`<h3>Target requests</h3>${e.requests.map(requestHtml).join('')}`] : []),
  ];
  return `<details class="exp ${e.status}" id="${id}"${e.status === 'failed' ? ' open' : ''}>${summary}<div class="body">${body.join('')}</div></details>`;
}
