/**
 * Property tests: whatever an admin types, the parser and the evaluator return a value or an
 * ExpressionError, never crash or hang.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ExpressionError, evaluate, parse, stringify } from '../../../engine/expressions/index.js';
import { entraFunctions } from '../../../engine/expressions/index.js';

const names = entraFunctions.map((f) => f.name);
const sources = fc.dictionary(
  fc.constantFrom('a', 'b', 'mail', 'proxyAddresses'),
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 })),
);

/** Well-formed expressions of random functions, arguments and nesting. */
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 8 }).map((s) => `"${s.replace(/[\\"]/g, '\\$&')}"`),
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.constantFrom('[a]', '[b]', '[mail]', '[proxyAddresses]', '[missing]', 'vbTextCompare'),
    fc
      .tuple(fc.constantFrom(...names), fc.array(fc.oneof(tie('expr'), fc.constant('')), { maxLength: 5 }))
      .map(([name, args]) => `${name}(${args.join(', ')})`),
    fc
      .tuple(tie('expr'), fc.constantFrom('=', '<>', '>', '<'), tie('expr'))
      .map(([l, op, r]) => `IIF(${l} ${op} ${r}, "t", "f")`),
  ),
})).expr;

function settles(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ExpressionError);
  }
}

describe('engine/expressions (properties)', () => {
  it('should parse any text to a tree or a syntax error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => settles(() => parse(text))),
      { numRuns: 2000 },
    );
  });

  it('should parse any text made of expression tokens to a tree or a syntax error', () => {
    const token = fc.constantFrom('Join', 'IIF', '(', ')', ',', '[a]', '"x"', '"', '[', ']', '=', '<>', '1', '-', '&H', '&HF', ' ', 'vbTextCompare', '\\');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => settles(() => parse(tokens.join('')))),
      { numRuns: 2000 },
    );
  });

  it('should evaluate any well-formed expression to a value or an ExpressionError', () => {
    fc.assert(
      fc.property(expression, sources, (text, source) =>
        settles(() => evaluate(text, source, { now: () => new Date(0), random: () => 0.5, newGuid: () => 'g', isUnique: () => true })),
      ),
      { numRuns: 1500 },
    );
  });

  it('should give back the same tree after stringify and parse', () => {
    fc.assert(
      fc.property(expression, (text) => {
        const once = stringify(parse(text));
        expect(stringify(parse(once))).to.equal(once);
      }),
      { numRuns: 500 },
    );
  });

  it('should evaluate with every ambiguity setting without crashing', () => {
    fc.assert(
      fc.property(
        expression,
        sources,
        fc.record({
          iifNullConditionMode: fc.constantFrom('error' as const, 'false-branch' as const, 'evaluate' as const),
          coalesceTreatsEmptyAsNull: fc.boolean(),
          splitTrims: fc.boolean(),
          switchNullQuirk: fc.boolean(),
          functionNameCase: fc.constantFrom('sensitive' as const, 'insensitive' as const),
        }),
        (text, source, options) => settles(() => evaluate(text, source, { ...options, changedAttributes: ['b'], isUnique: () => false })),
      ),
      { numRuns: 800 },
    );
  });
});
