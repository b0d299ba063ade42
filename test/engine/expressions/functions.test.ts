/**
 * The documented edge cases of each function of ENTRA-SPEC §4.4, from functions.json: one `describe`
 * per function, one `it` per case, asserting the value or the whole error shape.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { evaluate } from '../../../engine/expressions/index.js';
import { errorOf } from './error-shape.js';
import type { EvaluateOptions } from '../../../engine/expressions/index.js';

interface Case {
  it: string;
  expression: string;
  source?: Record<string, unknown>;
  options?: EvaluateOptions;
  expected?: unknown;
  error?: Record<string, unknown>;
}

const cases = JSON.parse(readFileSync(new URL('./functions.json', import.meta.url), 'utf8')) as Record<string, Case[]>;

describe('engine/expressions/functions', () => {
  for (const [name, list] of Object.entries(cases)) {
    describe(name, () => {
      for (const c of list) {
        it(c.it, () => {
          if (c.error) {
            expect(errorOf(() => evaluate(c.expression, c.source ?? {}, c.options))).to.deep.equal({ name: 'ExpressionError', ...c.error });
            return;
          }
          const result = evaluate(c.expression, c.source ?? {}, c.options);
          const actual = result.flow ? result.value : { $ignoreFlow: true };
          expect(JSON.parse(JSON.stringify(actual, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)))).to.deep.equal(c.expected);
        });
      }
    });
  }
});
