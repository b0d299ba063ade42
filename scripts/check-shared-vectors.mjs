#!/usr/bin/env node
// CI aid: when the team's reference vectors sit beside the clone (../shared/vectors), check that the
// project's own copies still hold every one of them. The tests never read ../shared; this only warns
// the project when the reference grows. Without ../shared there is nothing to compare: exit 0.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared', 'vectors');

/** Which project file copies which reference file. */
const COPIES = [
  { reference: 'expressions.json', copy: 'test/engine/expressions/vectors.json' },
  { reference: 'scoping.json', copy: 'test/engine/scoping/vectors.json' },
];

/** JSON with object keys sorted, so key order and layout do not matter. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

if (!existsSync(shared)) {
  console.log('check-shared-vectors: no ../shared/vectors beside the clone, nothing to compare');
  process.exit(0);
}

let missing = 0;
for (const { reference, copy } of COPIES) {
  const referencePath = join(shared, reference);
  if (!existsSync(referencePath)) continue;
  const have = new Set(JSON.parse(readFileSync(join(root, copy), 'utf8')).map(canonical));
  const want = JSON.parse(readFileSync(referencePath, 'utf8'));
  const absent = want.filter((vector) => !have.has(canonical(vector)));
  for (const vector of absent) console.error(`${copy}: lacks ../shared/vectors/${reference} vector ${vector.name ?? vector.expression}`);
  missing += absent.length;
  if (absent.length === 0) console.log(`check-shared-vectors: ${copy} holds all ${want.length} vectors of ../shared/vectors/${reference}`);
}
process.exit(missing === 0 ? 0 : 1);
