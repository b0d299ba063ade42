/**
 * @module conformance/reporters/exchange-text
 * One exchange as plain text lines (request line, bodies truncated), shared by the text, JUnit
 * and HTML reporters. The exchange is already redacted by the client.
 */
import type { Exchange } from '../../scim/client/index.js';

const MAX_BODY = 1200;

export function exchangeLines(e: Exchange): string[] {
  const lines = [`${e.method} ${e.url}`];
  if (e.requestBody !== undefined) lines.push(`  request: ${body(e.requestBody)}`);
  if (e.error) lines.push(`  → no response: ${e.error}`);
  else {
    const type = e.responseHeaders?.['content-type'];
    lines.push(`  → ${e.status}${type ? ` (${type})` : ''} in ${e.durationMs} ms`);
    if (e.responseBody !== undefined) lines.push(`  response: ${body(e.responseBody)}`);
  }
  return lines;
}

function body(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length} characters)` : text;
}
