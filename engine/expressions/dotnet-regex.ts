/**
 * @module engine/expressions/dotnet-regex
 * Entra's Replace and REGEX MATCH use .NET regular expressions
 * (https://learn.microsoft.com/dotnet/standard/base-types/regular-expression-language-quick-reference).
 * JavaScript shares the syntax the docs use (named groups `(?<n>…)`, classes, lazy quantifiers); this
 * file covers the differences that matter: `(?'n'…)` groups, `\A`/`\z`/`\Z` anchors, a leading `(?i)`,
 * and .NET substitutions (`${name}`, `$1`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_`).
 */

/** Compiles a .NET pattern; throws SyntaxError when JavaScript cannot express it. */
export function compileRegex(pattern: string, extraFlags = ''): RegExp {
  let source = pattern;
  let flags = `d${extraFlags}`;
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    if (inline[1].includes('x')) throw new SyntaxError('the .NET x option has no JavaScript equivalent');
    source = source.slice(inline[0].length);
    for (const f of inline[1]) if (!flags.includes(f)) flags += f;
  }
  source = source
    .replace(/\(\?'([A-Za-z_][A-Za-z0-9_]*)'/g, '(?<$1>')
    .replace(/(^|[^\\])((?:\\\\)*)\\A/g, '$1$2^')
    .replace(/(^|[^\\])((?:\\\\)*)\\[zZ]/g, '$1$2$');
  return new RegExp(source, flags);
}

/** Every match of a global scan, advancing past empty matches. */
export function allMatches(regex: RegExp, input: string): RegExpExecArray[] {
  const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  const matches: RegExpExecArray[] = [];
  for (let m = global.exec(input); m !== null; m = global.exec(input)) {
    matches.push(m);
    if (m[0] === '') global.lastIndex++;
  }
  return matches;
}

/** Regex.Replace: every match replaced by `render(match)`. */
export function replaceMatches(regex: RegExp, input: string, render: (match: RegExpExecArray) => string): string {
  let out = '';
  let last = 0;
  for (const m of allMatches(regex, input)) {
    out += input.slice(last, m.index) + render(m);
    last = m.index + m[0].length;
  }
  return out + input.slice(last);
}

/** Expands a .NET replacement pattern for one match; unknown groups stay literal, as in .NET. */
export function substitute(template: string, match: RegExpExecArray): string {
  const input = match.input;
  return template.replace(/\$(\$|&|`|'|\+|_|\{([^}]*)\}|\d+)/g, (whole, token: string, braced: string | undefined) => {
    if (token === '$') return '$';
    if (token === '&') return match[0];
    if (token === '`') return input.slice(0, match.index);
    if (token === "'") return input.slice(match.index + match[0].length);
    if (token === '_') return input;
    if (token === '+') return match.length > 1 ? (match[match.length - 1] ?? '') : '';
    const name = braced ?? token;
    if (/^\d+$/.test(name)) {
      const index = Number(name);
      return index < match.length ? (match[index] ?? '') : whole;
    }
    return match.groups && Object.hasOwn(match.groups, name) ? (match.groups[name] ?? '') : whole;
  });
}
