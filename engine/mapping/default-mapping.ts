/**
 * @module engine/mapping/default-mapping
 * The default mapping of a non-gallery SCIM app (ENTRA-SPEC §3.4), shipped as Graph schema JSON in
 * fixtures/mappings/scim-default.json (users and groups).
 */
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../util/package-root.js';
import { importSchema } from './import-schema.js';
import type { SynchronizationSchema } from './types.js';

export function defaultMappingPath(): string {
  return fixturePath('mappings', 'scim-default.json');
}

/** A fresh, validated copy of the default schema. */
export function loadDefaultSchema(): SynchronizationSchema {
  return importSchema(JSON.parse(readFileSync(defaultMappingPath(), 'utf8')));
}
