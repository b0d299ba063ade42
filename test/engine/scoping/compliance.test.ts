/**
 * Microsoft's documented scoping examples (shared/vectors/scoping.json, ENTRA-SPEC §5.6), one `it`
 * per vector. Skips would be listed in SKIPPED with a reason; there are none.
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

const vectors = JSON.parse(readFileSync(resolve(packageRoot(), '..', 'shared', 'vectors', 'scoping.json'), 'utf8')) as Vector[];

/** Vectors that cannot pass, by name, with the reason. */
const SKIPPED: ReadonlyMap<string, string> = new Map();

describe('engine/scoping compliance (ENTRA-SPEC §5.6 vectors)', () => {
  for (const vector of vectors) {
    if (SKIPPED.has(vector.name)) continue;
    it(`should decide ${vector.name} (${vector.confidence})`, () => {
      expect(matchesFilter(vector.source, parseScopingFilter(vector.scope)), vector.notes).to.equal(vector.expected);
    });
  }

  it('should run every vector of the file', () => {
    expect(vectors.length).to.be.greaterThan(0);
  });
});
