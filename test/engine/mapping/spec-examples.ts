/**
 * Test helper: the JSON examples of ENTRA-SPEC.md the mapping tests compare against, held as
 * fixtures in spec-examples/ (copied verbatim from the spec) so a plain clone tests itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../../util/package-root.js';

/** A spec example by its fixture name, parsed afresh (callers may mutate it). */
export function specExample(name: string): unknown {
  return JSON.parse(readFileSync(resolve(packageRoot(), 'test', 'engine', 'mapping', 'spec-examples', `${name}.json`), 'utf8'));
}

/** ENTRA-SPEC §3.6 "Minimal concrete example for a custom SCIM app". */
export const SCHEMA_EXAMPLE = 'synchronization-schema';
/** ENTRA-SPEC §6.4 "Create user — POST /Users". */
export const CREATE_USER_EXAMPLE = 'create-user';
/** ENTRA-SPEC §6.4 "Create group — POST /Groups". */
export const CREATE_GROUP_EXAMPLE = 'create-group';
