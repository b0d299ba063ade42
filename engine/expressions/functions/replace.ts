/**
 * @module engine/expressions/functions/replace
 * Replace(source, oldValue?, regexPattern?, regexGroupName?, replacementValue?,
 * replacementAttributeName?, template?) (ENTRA-SPEC §4.4). Case-sensitive; the mode follows from which
 * arguments are written:
 * (a) oldValue + replacementValue: every literal occurrence in source;
 * (b) oldValue + template: every oldValue in template replaced by source;
 * (c) regexPattern + replacementValue: .NET Regex.Replace with `${group}` substitutions;
 * (d) regexPattern + regexGroupName + replacementValue: only the named group's text in each match;
 * (e) regexPattern + regexGroupName + replacementAttributeName: source if it has a value, else the
 *     named group matched in the replacement attribute.
 */
import { isNullOrEmpty, toText } from '../coerce.js';
import { allMatches, compileRegex, replaceMatches, substitute } from '../dotnet-regex.js';
import type { CallContext, FunctionDefinition } from '../function.types.js';
import type { Value } from '../value.js';

export const replace: FunctionDefinition = {
  name: 'Replace',
  params: [
    { name: 'source', type: 'string' },
    { name: 'oldValue', type: 'string', optional: true },
    { name: 'regexPattern', type: 'string', optional: true },
    { name: 'regexGroupName', type: 'string', optional: true },
    { name: 'replacementValue', type: 'string', optional: true },
    { name: 'replacementAttributeName', type: 'string', optional: true },
    { name: 'template', type: 'string', optional: true },
  ],
  impl: (args, call) => {
    const written = (i: number): boolean => call.argNodes[i] != null;
    const source = toText(args[0]);
    const text = (i: number): string => toText(args[i]) ?? '';
    if (written(1) && written(6)) {
      const template = toText(args[6]);
      return template === null ? null : replaceLiteral(template, text(1), source ?? '');
    }
    if (written(1) && written(4)) return source === null ? null : replaceLiteral(source, text(1), text(4));
    if (written(2) && written(3) && written(5) && !written(4)) {
      if (!isNullOrEmpty(args[0])) return source;
      const other = replacementAttribute(args[5], call);
      if (other === null) return null;
      const regex = regexFor(text(2), call);
      return allMatches(regex, other)[0]?.groups?.[text(3)] ?? null;
    }
    if (written(2) && written(4)) {
      if (source === null) return null;
      const regex = regexFor(text(2), call);
      if (!written(3)) return replaceMatches(regex, source, (m) => substitute(text(4), m));
      const group = text(3);
      return replaceMatches(regex, source, (m) => {
        const span = m.indices?.groups?.[group];
        if (!span) return m[0];
        const offset = span[0] - m.index;
        return m[0].slice(0, offset) + substitute(text(4), m) + m[0].slice(offset + (span[1] - span[0]));
      });
    }
    throw call.fail(
      'invalid-argument',
      'write oldValue with replacementValue or template, or regexPattern with replacementValue, regexGroupName or replacementAttributeName',
    );
  },
};

function replaceLiteral(text: string, oldValue: string, replacement: string): string {
  return oldValue === '' ? text : text.split(oldValue).join(replacement);
}

/** The doc passes the attribute itself (`[mobile]`); a quoted name is read from the source. */
function replacementAttribute(value: Value, call: CallContext): string | null {
  const node = call.argNodes[5];
  return node?.type === 'string' ? toText(call.attribute(node.value)) : toText(value);
}

function regexFor(pattern: string, call: CallContext): RegExp {
  try {
    return compileRegex(pattern);
  } catch (error) {
    throw call.fail('invalid-argument', `invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}
