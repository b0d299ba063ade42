/**
 * `npm run schema:quirks`: writes server/quirks/profile.schema.json (what editors load through a
 * profile's `$schema`) from server/quirks/profile-schema.ts, the one source of truth. With
 * `--check` it writes nothing and exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { profileSchemaJson } from '../server/quirks/profile-schema-json.js';

const file = fileURLToPath(new URL('../server/quirks/profile.schema.json', import.meta.url));
if (process.argv.includes('--check')) {
  const stale = readFileSync(file, 'utf8') !== profileSchemaJson();
  process.stdout.write(stale ? `${file} is stale: run npm run schema:quirks\n` : `${file} is up to date\n`);
  process.exitCode = stale ? 1 : 0;
} else {
  writeFileSync(file, profileSchemaJson());
  process.stdout.write(`wrote ${file}\n`);
}
