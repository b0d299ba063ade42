/** @module engine/expressions/functions/to-lower  ToLower(source, culture?): lower case in the culture (RFC 4646 tag), invariant by default (ENTRA-SPEC §4.4). */
import { changeCase } from './change-case.js';
import type { FunctionDefinition } from '../function.types.js';

export const toLower: FunctionDefinition = {
  name: 'ToLower',
  params: [
    { name: 'source', type: 'string' },
    { name: 'culture', type: 'string', optional: true },
  ],
  impl: ([source, culture], call) => changeCase(source, culture, 'lower', call),
};
