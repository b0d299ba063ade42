/**
 * @module engine/expressions/functions/format-date-time
 * FormatDateTime(source, dateTimeStyles?, inputFormat, outputFormat): parse with a .NET custom
 * format, render with another (ENTRA-SPEC §4.4). The Graph sample's older three-argument form
 * `(source, inputFormat, outputFormat)` is accepted too. A DateTime source is first rendered as
 * `M/d/yyyy h:mm:ss tt`, as it would be in any string context.
 */
import { toText } from '../coerce.js';
import { formatFields, parseExact } from '../dotnet-format.js';
import type { FunctionDefinition } from '../function.types.js';

export const formatDateTime: FunctionDefinition = {
  name: 'FormatDateTime',
  params: [
    { name: 'source', type: 'datetime' },
    { name: 'dateTimeStyles', type: 'string', optional: true },
    { name: 'inputFormat', type: 'string' },
    { name: 'outputFormat', type: 'string' },
  ],
  adapt: (args) => (args.length === 3 ? [args[0], null, args[1], args[2]] : args),
  impl: ([source, , inputFormat, outputFormat], call) => {
    const text = toText(source);
    if (text === null) return null;
    const fields = parseExact(text, toText(inputFormat) ?? '', call.options.now().getUTCFullYear());
    if (!fields) throw call.fail('invalid-argument', `${JSON.stringify(text)} does not match the format ${JSON.stringify(toText(inputFormat))}`);
    return formatFields(fields, toText(outputFormat) ?? '');
  },
};
