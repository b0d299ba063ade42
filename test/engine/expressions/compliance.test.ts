/**
 * Microsoft's documented expression examples (ENTRA-SPEC §4.7), copied into vectors.json beside this
 * file and extended with the project's own, one `it` per vector. Every vector runs unless EXCLUDED
 * names it with a reason; the last test asserts how many ran.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import { evaluate } from '../../../engine/expressions/index.js';
import { packageRoot } from '../../../util/package-root.js';
import type { EvaluateOptions } from '../../../engine/expressions/index.js';

interface Vector {
  expression: string;
  source: Record<string, unknown>;
  expected: unknown;
  notes: string;
  confidence: string;
}

const vectors = JSON.parse(
  readFileSync(resolve(packageRoot(), 'test', 'engine', 'expressions', 'vectors.json'), 'utf8'),
) as Vector[];

/** The same expression appears with several sources: a vector is named by both. */
function vectorName(vector: Vector): string {
  return `${vector.expression} ← ${JSON.stringify(vector.source)}`;
}

/** Vectors deliberately not run, by vectorName, with the reason. None today. */
const EXCLUDED: ReadonlyMap<string, string> = new Map();

/** How many vectors vectors.json holds; a vector added or lost changes it on purpose. */
const VECTOR_COUNT = 107;

/**
 * Settings under which a vector is checked when the docs are ambiguous (§9.3). The default stays
 * the spec's; the vector shows the documented reading, which the setting reproduces.
 */
function settingsFor(vector: Vector): EvaluateOptions {
  // Split: the doc output drops the space after the comma, i.e. the trimming reading
  if (vector.confidence === 'stated-ambiguous' && vector.expression.startsWith('Split(')) return { splitTrims: true };
  return {};
}

/**
 * JSON.parse has already read the expected FILETIME values as doubles: compare bigint results the
 * same way (as Numbers), which is exact for the FILETIMEs in the vectors.
 */
function normalise(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

describe('engine/expressions compliance (ENTRA-SPEC §4.7 vectors)', () => {
  let ran = 0;
  for (const vector of vectors) {
    if (EXCLUDED.has(vectorName(vector))) continue;
    const title = `should evaluate ${vector.expression.length > 90 ? `${vector.expression.slice(0, 90)}…` : vector.expression} (${vector.confidence})`;
    it(title, () => {
      ran += 1;
      const result = evaluate(vector.expression, vector.source, settingsFor(vector));
      const actual = result.flow ? result.value : { $ignoreFlow: true };
      expect(normalise(actual), vector.notes).to.equal(normalise(vector.expected));
    });
  }

  it('should have run every vector of the file but the excluded ones', () => {
    expect(vectors).to.have.length(VECTOR_COUNT);
    expect(new Set(vectors.map(vectorName)).size, 'vector names are unique').to.equal(vectors.length);
    for (const name of EXCLUDED.keys()) expect(vectors.map(vectorName), 'an excluded vector exists').to.include(name);
    expect(ran).to.equal(VECTOR_COUNT - EXCLUDED.size);
  });
});
