import { expect } from 'chai';
import { evaluate, evaluateAsync, parse, ExpressionError } from '../../../engine/expressions/index.js';
import { errorOf } from './error-shape.js';

describe('engine/expressions/evaluate', () => {
  describe('#evaluate()', () => {
    it('should accept a parsed tree as well as text', () => {
      expect(evaluate(parse('ToUpper([a])'), { a: 'x' })).to.deep.equal({ value: 'X', flow: true, redacted: false });
    });

    it('should read Now() from the injected clock and render it in UTC (§4.3)', () => {
      const now = (): Date => new Date('2021-07-02T15:33:38Z');
      expect(evaluate('Now()', {}, { now }).value).to.equal('7/2/2021 3:33:38 PM');
      expect(evaluate('FormatDateTime(Now(), , "M/d/yyyy h:mm:ss tt", "yyyy-MM-dd")', {}, { now }).value).to.equal('2021-07-02');
    });

    it('should take Guid() from the injected generator', () => {
      expect(evaluate('Guid()', {}, { newGuid: () => 'g-1' }).value).to.equal('g-1');
    });

    it('should build RandomString from the injected randomness, meeting the minimums', () => {
      let seed = 1;
      const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const value = evaluate('RandomString(12, 2, 2, 2, 2, "0O")', {}, { random }).value as string;
      expect(value).to.have.length(12);
      expect(value.match(/[0-9]/g)).to.have.length.of.at.least(2);
      expect(value.match(/[A-Z]/g)).to.have.length.of.at.least(2);
      expect(value.match(/[a-z]/g)).to.have.length.of.at.least(2);
      expect(value).not.to.match(/[0O]/);
      seed = 1;
      expect(evaluate('RandomString(12, 2, 2, 2, 2, "0O")', {}, { random }).value).to.equal(value);
    });

    it('should refuse RandomString whose minimums exceed the length', () => {
      expect(errorOf(() => evaluate('RandomString(3, 2, 2, 0, 0)', {}))).to.deep.equal({
        name: 'ExpressionError',
        code: 'invalid-argument',
        function: 'RandomString',
        start: 0,
      });
    });

    it('should mark results that use Redact so logs can hide them', () => {
      expect(evaluate('Join("", Redact([p]))', { p: 'x' })).to.deep.equal({ value: 'x', flow: true, redacted: true });
    });

    it('should report flow false for IgnoreFlowIfNullOrEmpty and IgnoreAttributeFlow', () => {
      expect(evaluate('IgnoreFlowIfNullOrEmpty([d])', { d: '' })).to.deep.equal({ value: null, flow: false, redacted: false });
      expect(evaluate('Switch([d], IgnoreAttributeFlow, "a", "b")', { d: 'z' }).flow).to.equal(false);
    });

    it('should match function names case-sensitively by default and name the right spelling (§4.1)', () => {
      const error = errorOf(() => evaluate('toLower("A")', {}));
      expect(error).to.deep.equal({ name: 'ExpressionError', code: 'unknown-function', function: 'toLower', start: 0 });
    });

    it('should match function names in any case with functionNameCase insensitive', () => {
      expect(evaluate('toLOWER("A")', {}, { functionNameCase: 'insensitive' }).value).to.equal('a');
    });

    it('should point at the nested call at fault', () => {
      expect(errorOf(() => evaluate('Join(" ", [a], Left([b]))', {}))).to.deep.equal({
        name: 'ExpressionError',
        code: 'invalid-arity',
        function: 'Left',
        start: 15,
      });
    });

    it('should refuse unknown identifiers and IgnoreObjectFlow', () => {
      expect(errorOf(() => evaluate('Coalesce([a], vbMaybe)', {}))).to.deep.equal({ name: 'ExpressionError', code: 'unknown-identifier', start: 14 });
      expect(errorOf(() => evaluate('Coalesce([a], IgnoreObjectFlow)', {}))).to.deep.include({ code: 'unsupported' });
    });

    it('should read only own properties of the source', () => {
      expect(evaluate('IsNull([constructor])', {}).value).to.equal(true);
      expect(evaluate('IsNull([__proto__])', JSON.parse('{"__proto__": "x"}')).value).to.equal(false);
    });
  });

  describe('SelectUniqueValue', () => {
    const rules = 'SelectUniqueValue(Join("@", [g], "x.com"), Join("@", Join(".", [g], [s]), "x.com"), Join("@", Join(".", [s], [g]), "x.com"))';
    const source = { g: 'jo', s: 'lee' };

    it('should give the first candidate the target does not hold', () => {
      const taken = new Set(['jo@x.com']);
      expect(evaluate(rules, source, { isUnique: (v) => !taken.has(v) }).value).to.equal('jo.lee@x.com');
    });

    it('should ask an asynchronous callback in order with evaluateAsync', async () => {
      const asked: string[] = [];
      const result = await evaluateAsync(rules, source, {
        isUnique: async (v) => {
          asked.push(v);
          return v === 'lee.jo@x.com';
        },
      });
      expect(result.value).to.equal('lee.jo@x.com');
      expect(asked).to.deep.equal(['jo@x.com', 'jo.lee@x.com', 'lee.jo@x.com']);
    });

    it('should escrow with not-unique when every candidate is taken', async () => {
      const error = await evaluateAsync(rules, source, { isUnique: async () => false }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ExpressionError);
      expect((error as ExpressionError).code).to.equal('not-unique');
    });

    it('should ask for evaluateAsync when the callback is asynchronous in evaluate', () => {
      expect(errorOf(() => evaluate(rules, source, { isUnique: async () => true }))).to.deep.include({ code: 'unsupported' });
    });

    it('should be allowed only at the top level', () => {
      expect(errorOf(() => evaluate(`ToLower(${rules})`, source, { isUnique: () => true }))).to.deep.equal({
        name: 'ExpressionError',
        code: 'unsupported',
        function: 'SelectUniqueValue',
        start: 8,
      });
    });

    it('should need at least two rules', () => {
      expect(errorOf(() => evaluate('SelectUniqueValue([g])', source, { isUnique: () => true }))).to.deep.include({ code: 'invalid-arity' });
    });
  });
});
