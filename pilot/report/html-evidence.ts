/**
 * @module pilot/report/html-evidence
 * What explains a failed expectation, as markup: each provisioning log entry (action, status,
 * error code and reason, steps, modified properties; ENTRA-SPEC §7.1) and each target request
 * (method, path, status, the quirk that fired, bodies).
 */
import type { ProvisioningLogEntry } from '../../engine/logs/types.js';
import type { TargetRequest } from '../result.js';
import { badge, h } from './html-parts.js';
import { pretty } from './values.js';

export function logEntryHtml(entry: ProvisioningLogEntry): string {
  const { status, errorInformation: err } = entry.provisioningStatusInfo;
  const head = `<div><b>${h(entry.provisioningAction)}</b> ${badge(status)}${err ? ` <code>${h(err.errorCode)}</code> ${h(err.reason)}` : ''}</div>`;
  const facts: [string, string | undefined][] = [
    ['source', identity(entry.sourceIdentity)],
    ['target', identity(entry.targetIdentity)],
    ['when', `${entry.activityDateTime} · cycle ${entry.cycleId}${entry.onDemand ? ' · on demand' : ''}`],
    ['details', err?.additionalDetails],
    ['category', err?.errorCategory],
    ['what to do', err?.recommendedAction],
  ];
  const dl = `<dl>${facts.filter(([, v]) => v).map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v ?? '')}</dd>`).join('')}</dl>`;
  const steps = entry.provisioningSteps.length
    ? `<ol class="steps">${entry.provisioningSteps.map((s) => {
      const details = Object.entries(s.details).map(([k, v]) => `${k}=${v}`).join(', ');
      return `<li>${badge(s.status)} <b>${h(s.name)}</b> <span class="muted">(${h(s.provisioningStepType)})</span> ${h(s.description)}${details ? ` <span class="muted">${h(details)}</span>` : ''}</li>`;
    }).join('')}</ol>`
    : '';
  const props = entry.modifiedProperties.length
    ? `<table class="props"><tr><th>property</th><th>old value</th><th>new value</th></tr>${entry.modifiedProperties.map((p) =>
      `<tr><td>${h(p.displayName)}</td><td>${h(p.oldValue ?? '∅')}</td><td>${h(p.newValue ?? '∅')}</td></tr>`).join('')}</table>`
    : '';
  return `<div class="entry">${head}${dl}${steps}${props}</div>`;
}

function identity(id: ProvisioningLogEntry['sourceIdentity']): string | undefined {
  if (!id.id && !id.displayName) return undefined;
  return `${id.displayName || '(no name)'} · ${id.identityType}${id.id ? ` · ${id.id}` : ''}`;
}

export function requestHtml(r: TargetRequest): string {
  const cls = r.status >= 200 && r.status < 400 ? 'ok' : 'bad';
  const head = `<div><code>${h(r.method)} ${h(r.path)}</code> → <span class="http ${cls}">${r.status}</span>${r.quirk ? ` <span class="kind">quirk ${h(r.quirk)}</span>` : ''}</div>`;
  const bodies = [
    ...(r.requestBody !== undefined ? [`<div><div class="label">request body</div><pre>${h(pretty(r.requestBody))}</pre></div>`] : []),
    ...(r.responseBody !== undefined ? [`<div><div class="label">response body</div><pre>${h(pretty(r.responseBody))}</pre></div>`] : []),
  ];
  return `<div class="request">${head}${bodies.length ? `<div class="pair">${bodies.join('')}</div>` : ''}</div>`;
}
