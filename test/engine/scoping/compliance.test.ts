/**
 * Microsoft's documented scoping examples (ENTRA-SPEC §5.6), copied into vectors.json beside this
 * file and extended with the project's own, one `it` per vector. Every vector runs unless EXCLUDED
 * names it with a reason; the last test asserts how many ran.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import { matchesFilter, parseScopingFilter } from '../../../engine/scoping/index.js';
import { packageRoot } from '../../../util/package-root.js';

interface Vector {
  name: string;
  scope: unknown;
  source: Record<string, unknown>;
  expected: boolean;
  notes: string;
  confidence: string;
}

const vectors = JSON.parse(
  readFileSync(resolve(packageRoot(), 'test', 'engine', 'scoping', 'vectors.json'), 'utf8'),
) as Vector[];

/** Vectors deliberately not run, by name, with the reason. None today. */
const EXCLUDED: ReadonlyMap<string, string> = new Map();

/** How many vectors vectors.json holds; a vector added or lost changes it on purpose. */
const VECTOR_COUNT = 31;

describe('engine/scoping compliance (ENTRA-SPEC §5.6 vectors)', () => {
  let ran = 0;
  for (const vector of vectors) {
    if (EXCLUDED.has(vector.name)) continue;
    it(`should decide ${vector.name} (${vector.confidence})`, () => {
      ran += 1;
      expect(matchesFilter(vector.source, parseScopingFilter(vector.scope)), vector.notes).to.equal(vector.expected);
    });
  }

  it('should have run every vector of the file but the excluded ones', () => {
    expect(vectors).to.have.length(VECTOR_COUNT);
    expect(new Set(vectors.map((v) => v.name)).size, 'vector names are unique').to.equal(vectors.length);
    for (const name of EXCLUDED.keys()) expect(vectors.map((v) => v.name), 'an excluded vector exists').to.include(name);
    expect(ran).to.equal(VECTOR_COUNT - EXCLUDED.size);
  });
});
