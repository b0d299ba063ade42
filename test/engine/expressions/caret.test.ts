import { expect } from 'chai';
import { caretLines } from '../../../engine/expressions/caret.js';
import { describeExpressionError } from '../../../engine/expressions/error-sentence.js';
import { evaluate, ExpressionError, parse } from '../../../engine/expressions/index.js';

/** The caret's column in the excerpt (tabs count as one character, as they do in the excerpt). */
const caretColumn = (caret: string): number => caret.indexOf('^');

function errorFor(text: string, run: () => unknown = () => parse(text)): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to fail`);
}

describe('engine/expressions/caret', () => {
  it('should put the caret under the offset of a one-line text', () => {
    const lines = caretLines('Join(" ", )x', 11);
    expect(lines).to.deep.equal({ excerpt: 'Join(" ", )x', caret: '           ^', line: 1, column: 12 });
  });

  it('should point just past the end for an offset at the end of the text', () => {
    expect(caretLines('Join(', 5).caret).to.equal('     ^');
    expect(caretLines('Join(', 99).caret).to.equal('     ^');
  });

  it('should show only the line holding the offset, with its line and column', () => {
    const text = '{\n  "a": 1,\n  "b": tru\n}';
    const lines = caretLines(text, text.indexOf('tru') + 3);
    expect(lines).to.deep.equal({ excerpt: '  "b": tru', caret: '          ^', line: 3, column: 11 });
  });

  it('should keep tabs in the padding so the caret lines up with the excerpt', () => {
    expect(caretLines('\tIIF(\t[a]', 6).caret).to.equal('\t    \t^');
  });

  it('should count characters, not UTF-16 units', () => {
    const text = '"😀" x';
    expect(caretLines(text, text.indexOf('x')).caret).to.equal('    ^');
  });

  it('should cut a long line around the offset, marking the cuts', () => {
    const text = `${'a'.repeat(200)}X${'b'.repeat(200)}`;
    const { excerpt, caret } = caretLines(text, 200, { width: 40 });
    expect(excerpt.startsWith('…') && excerpt.endsWith('…')).to.equal(true);
    expect(Array.from(excerpt)).to.have.length(42);
    expect(excerpt[caretColumn(caret)]).to.equal('X');
  });
});

describe('engine/expressions/error-sentence', () => {
  const cases: readonly [string, string][] = [
    ['Join(', 'unexpected end of the expression — expected an argument: a function call, [attribute], "string" or number'],
    ['Join(" ", [a] [b])', "unexpected '[b]' — expected ',' or ')'"],
    ['Join(" ", ]', "unexpected ']' — expected an argument: a function call, [attribute], \"string\" or number"],
    ['IIF([a] = , "x", "y")', "unexpected ',' — expected the right-hand side of the comparison: a function call, [attribute], \"string\" or number"],
    ['[a] [b]', "unexpected '[b]' — expected the end of the expression (only one value at the top level)"],
    ['[a] = [b]', "unexpected '=' — a comparison is allowed only as a function argument, e.g. IIF([a] = \"x\", …)"],
    ['Join("a" # )', "unexpected character '#' — not part of the expression language"],
    ['Join("a', "unexpected end of the expression — expected '\"' to close the string"],
    [')', "unexpected ')' — expected an expression: a function call, [attribute], \"string\" or number"],
  ];
  for (const [text, sentence] of cases) {
    it(`should explain ${text} in a sentence`, () => {
      expect(describeExpressionError(errorFor(text), text)).to.equal(sentence);
    });
  }

  it('should use the message of an evaluation error, which names the function', () => {
    const error = errorFor('Left([a])', () => evaluate('Left([a])', { a: 'x' }));
    expect(error.code).to.equal('invalid-arity');
    expect(describeExpressionError(error, 'Left([a])')).to.equal(error.message);
    expect(error.message).to.match(/^Left /);
  });

  it('should shorten a long token', () => {
    const text = `Join(" ", [a] "${'x'.repeat(60)}")`;
    expect(describeExpressionError(errorFor(text), text)).to.equal(`unexpected '"${'x'.repeat(22)}…' — expected ',' or ')'`);
  });
});
