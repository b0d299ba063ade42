/**
 * Test helper: reads the JSON examples of ENTRA-SPEC.md (shared/, beside the clone) by the text that
 * precedes them, so tests compare against the spec itself rather than a copy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../../util/package-root.js';

/** The first ```json block after `marker` in ENTRA-SPEC.md, parsed. */
export function specExample(marker: string): unknown {
  const text = readFileSync(resolve(packageRoot(), '..', 'shared', 'ENTRA-SPEC.md'), 'utf8');
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`ENTRA-SPEC.md has no ${marker}`);
  const open = text.indexOf('```json', at);
  const close = text.indexOf('```', open + 7);
  return JSON.parse(text.slice(open + 7, close));
}

export const SCHEMA_EXAMPLE = 'Minimal concrete example for a custom SCIM app';
export const CREATE_USER_EXAMPLE = '**Create user** — `POST /Users`';
export const CREATE_GROUP_EXAMPLE = '**Create group** — `POST /Groups`';
