import { expect } from 'chai';
import { parse, stringify } from '../../../engine/expressions/index.js';
import { errorOf } from './error-shape.js';

describe('engine/expressions/parser', () => {
  describe('#parse()', () => {
    it('should parse a call with an attribute, a string and numbers (ENTRA-SPEC §4.2)', () => {
      expect(parse('Mid([upn], 1, -8)')).to.deep.equal({
        type: 'call',
        name: 'Mid',
        start: 0,
        end: 17,
        args: [
          { type: 'attribute', name: 'upn', start: 4, end: 9 },
          { type: 'number', raw: '1', value: 1, start: 11, end: 12 },
          { type: 'number', raw: '-8', value: -8, start: 14, end: 16 },
        ],
      });
    });

    it('should decode \\" and \\\\ in strings and keep any other escaped character literally (§4.1)', () => {
      expect(parse('"a\\"b\\\\c\\d"')).to.include({ type: 'string', value: 'a"b\\cd' });
    });

    it('should read VB hex constants as numbers', () => {
      expect(parse('BitAnd(&HF, &hF7)')).to.have.nested.property('args[1].value', 0xf7);
    });

    it('should keep integers beyond 2^53 exact', () => {
      expect(parse('DateFromNum(129699324000000001)')).to.have.nested.property('args[0].value', 129699324000000001n);
    });

    it('should mark omitted arguments, trailing ones included, as null (§4.1)', () => {
      const node = parse('Replace([x], , "r", , "", , )');
      expect(node).to.have.property('type', 'call');
      expect((node as unknown as { args: unknown[] }).args.map((a) => a === null)).to.deep.equal([false, true, false, true, false, true, true]);
    });

    it('should parse a function without arguments', () => {
      expect(parse('Now()')).to.deep.include({ type: 'call', name: 'Now', args: [] });
    });

    it('should parse a comparison inside an argument', () => {
      expect(parse('IIF([a]<>"b", 1, 2)')).to.have.nested.property('args[0].operator', '<>');
    });

    it('should parse bare identifiers as identifiers', () => {
      expect(parse('InStr("a", "b", 1, vbTextCompare)')).to.have.nested.property('args[3].type', 'identifier');
    });

    it('should ignore whitespace and newlines between tokens', () => {
      expect(stringify(parse('Join(\n  " ",\n  [a] ,[b]\n)'))).to.equal('Join(" ", [a], [b])');
    });
  });

  describe('#parse() errors', () => {
    it('should name the position and what was expected on an unclosed call', () => {
      expect(errorOf(() => parse('Join(" ", [a]'))).to.deep.equal({ name: 'ExpressionError', code: 'syntax', start: 13, expected: "',' or ')'" });
    });

    it('should reject a comparison at the top level (§4.1)', () => {
      expect(errorOf(() => parse('[a] = [b]'))).to.deep.equal({ name: 'ExpressionError', code: 'syntax', start: 4, expected: 'end of expression' });
    });

    it('should reject chained comparisons', () => {
      expect(errorOf(() => parse('IIF([a] = [b] = [c], 1, 2)'))).to.deep.include({ code: 'syntax', start: 14 });
    });

    it('should report an unterminated string and attribute at the end of input', () => {
      expect(errorOf(() => parse('Left("abc, 1)'))).to.deep.include({ code: 'syntax', start: 13, expected: "'\"' to close the string" });
      expect(errorOf(() => parse('Left([abc, 1)'))).to.deep.include({ code: 'syntax', start: 13, expected: "']' to close the attribute name" });
    });

    it('should report an unexpected character', () => {
      expect(errorOf(() => parse('Left(@, 1)'))).to.deep.include({ code: 'syntax', start: 5 });
    });

    it('should reject an empty expression and a missing comma', () => {
      expect(errorOf(() => parse(''))).to.deep.include({ code: 'syntax', start: 0 });
      expect(errorOf(() => parse('Left([a] 1)'))).to.deep.include({ code: 'syntax', start: 9, expected: "',' or ')'" });
    });

    it('should refuse expressions over 10,000 characters (§3.1)', () => {
      expect(errorOf(() => parse(`"${'x'.repeat(10_000)}"`))).to.deep.include({ code: 'too-long', start: 10_000 });
    });

    it('should stop deep nesting with too-deep instead of overflowing the stack', () => {
      expect(errorOf(() => parse(`${'Not('.repeat(500)}"x"${')'.repeat(500)}`))).to.deep.include({ code: 'too-deep', start: 400 });
    });
  });

  describe('#stringify()', () => {
    for (const text of ['Switch([x], , "a", "b")', 'IIF([a] >= 10, "x\\"y", Now())', 'ToLower([x], )', 'BitAnd(&HF, 3)', '[extension_1_a]']) {
      it(`should write ${text} back to text that parses to the same tree`, () => {
        const once = stringify(parse(text));
        expect(stringify(parse(once))).to.equal(once);
        expect(once).to.equal(text);
      });
    }
  });
});
