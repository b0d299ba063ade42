/**
 * @module engine/expressions/functions/coalesce
 * Coalesce(source1, …, sourceN, defaultValue?): the first non-null source (ENTRA-SPEC §4.4). The last
 * argument acts as the default simply by being the last source. Whether `""` counts as null is
 * ambiguous in Microsoft's docs: `coalesceTreatsEmptyAsNull` (default false, §9.3).
 */
import { isNullOrEmpty } from '../coerce.js';
import type { FunctionDefinition } from '../function.types.js';

export const coalesce: FunctionDefinition = {
  name: 'Coalesce',
  params: [{ name: 'source', type: 'any', variadic: true }],
  impl: (sources, call) => {
    const empty = call.options.coalesceTreatsEmptyAsNull ? isNullOrEmpty : (v: unknown) => v === null;
    return sources.find((value) => !empty(value)) ?? null;
  },
};
