/**
 * @module pilot/report
 * The pilot's reporters: one verdict matrix (pilot/result.ts), four renderings.
 */
import type { PilotResult } from '../result.js';
import { formatPilotHtml } from './html.js';
import { formatPilotJson } from './json.js';
import { formatPilotJunit } from './junit.js';
import { formatPilotText } from './text.js';

export type PilotFormat = 'text' | 'json' | 'junit' | 'html';

export const PILOT_FORMATS: readonly PilotFormat[] = ['text', 'json', 'junit', 'html'];

export { formatPilotHtml, formatPilotJson, formatPilotJunit, formatPilotText };

export function renderPilot(result: PilotResult, format: PilotFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'text': return formatPilotText(result, options);
    case 'json': return formatPilotJson(result);
    case 'junit': return formatPilotJunit(result);
    case 'html': return formatPilotHtml(result);
    default: {
      const never: never = format;
      throw new TypeError(`unknown pilot report format: ${String(never)}`);
    }
  }
}
