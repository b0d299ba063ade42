/**
 * @module engine/expressions/caret
 * Points at one offset of a text the way compilers do: the line that holds it, then a line with a
 * `^` under it. Used for expression errors (ExpressionError.start) and for JSON inputs (a scoping
 * filter, a source object). Pure: callers decide where the lines go.
 */

export interface CaretOptions {
  /** the widest excerpt shown; a longer line is cut around the offset with `…` (default 76) */
  readonly width?: number;
}

export interface CaretLines {
  /** the excerpt of the line holding the offset */
  readonly excerpt: string;
  /** spaces (tabs where the excerpt has tabs, so the caret lines up) and `^` */
  readonly caret: string;
  /** 1-based line of the offset, for texts of more than one line */
  readonly line: number;
  /** 1-based column of the offset, in characters */
  readonly column: number;
}

/** The line of `text` holding `offset` (clamped to the text; the end of the text is a valid spot). */
export function caretLines(text: string, offset: number, options: CaretOptions = {}): CaretLines {
  const width = Math.max(options.width ?? 76, 20);
  const at = Math.min(Math.max(0, Math.trunc(offset)), text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const lineEnd = newline < 0 ? text.length : newline;
  const line = text.slice(0, lineStart).split('\n').length;
  // characters, not UTF-16 units, so a caret after an emoji stays under the right character
  const chars = Array.from(text.slice(lineStart, lineEnd).replace(/\r$/, ''));
  const column = Array.from(text.slice(lineStart, at)).length;

  let from = 0;
  let to = chars.length;
  if (chars.length > width) {
    // keep the offset about a third in, so what led up to it is visible
    from = Math.max(0, Math.min(column - Math.floor(width / 3), chars.length - width));
    to = Math.min(chars.length, from + width);
  }
  const head = from > 0 ? '…' : '';
  const tail = to < chars.length ? '…' : '';
  const shown = chars.slice(from, to);
  const padding = chars.slice(from, column).map((c) => (c === '\t' ? '\t' : ' ')).join('');
  return {
    excerpt: `${head}${shown.join('')}${tail}`,
    caret: `${head ? ' ' : ''}${padding}^`,
    line,
    column: column + 1,
  };
}
