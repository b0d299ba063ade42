/**
 * Microsoft's documented expression examples (shared/vectors/expressions.json, ENTRA-SPEC §4.7), one
 * `it` per vector. Skips would be listed in SKIPPED with a reason; there are none.
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
  readFileSync(resolve(packageRoot(), '..', 'shared', 'vectors', 'expressions.json'), 'utf8'),
) as Vector[];

/** Vectors that cannot pass, by expression, with the reason. */
const SKIPPED: ReadonlyMap<string, string> = new Map();

/**
 * Settings under which a vector is checked when the docs are ambiguous (§9.3). The default stays
 * the spec's; the vector shows the documented reading, which the setting reproduces.
 */
function settingsFor(vector: Vector): EvaluateOptions {
  // Split: the doc output drops the space after the comma, i.e. the trimming reading
  if (vector.confidence === 'stated-ambiguous' && vector.expression.startsWith('Split(')) return { splitTrims: true };
  return {};
}

/** JSON numbers cannot hold every FILETIME exactly: compare bigints as their digits. */
function normalise(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

describe('engine/expressions compliance (ENTRA-SPEC §4.7 vectors)', () => {
  for (const vector of vectors) {
    const title = `should evaluate ${vector.expression.length > 90 ? `${vector.expression.slice(0, 90)}…` : vector.expression} (${vector.confidence})`;
    const reason = SKIPPED.get(vector.expression);
    if (reason !== undefined) continue;
    it(title, () => {
      const result = evaluate(vector.expression, vector.source, settingsFor(vector));
      const actual = result.flow ? result.value : { $ignoreFlow: true };
      expect(normalise(actual), vector.notes).to.equal(normalise(vector.expected));
    });
  }

  it('should run every vector of the file', () => {
    expect(vectors.length).to.be.greaterThan(0);
    expect(vectors.filter((v) => SKIPPED.has(v.expression))).to.have.length(SKIPPED.size);
  });
});
