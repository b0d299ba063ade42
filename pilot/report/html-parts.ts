/**
 * @module pilot/report/html-parts
 * The small pieces every part of the HTML report uses: escaping (the target's data and the plan's
 * text always go through `h`) and the verdict marks.
 */
import { escapeHtml } from '../../conformance/reporters/html.js';
import type { Verdict } from '../result.js';
import { plain } from './values.js';

/** Text for an HTML text node or a quoted attribute. */
export function h(text: string): string {
  return escapeHtml(plain(text));
}

export const MARK: Record<Verdict, string> = { passed: '✓', failed: '✗', skipped: '–' };

export function badge(status: string, text = status): string {
  return `<span class="badge ${cssWord(status)}">${h(text)}</span>`;
}

/** A status used as a class name: one of ours, never the target's text. */
function cssWord(status: string): string {
  return /^[a-z]+$/i.test(status) ? status : 'other';
}
