/** @module engine/expressions/functions/to-upper  ToUpper(source, culture?): upper case in the culture (RFC 4646 tag), invariant by default (ENTRA-SPEC §4.4). */
import { changeCase } from './change-case.js';
import type { FunctionDefinition } from '../function.types.js';

export const toUpper: FunctionDefinition = {
  name: 'ToUpper',
  params: [
    { name: 'source', type: 'string' },
    { name: 'culture', type: 'string', optional: true },
  ],
  impl: ([source, culture], call) => changeCase(source, culture, 'upper', call),
};
