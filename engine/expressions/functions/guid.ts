/** @module engine/expressions/functions/guid  Guid(): a new GUID from the injected generator (ENTRA-SPEC §4.4). */
import type { FunctionDefinition } from '../function.types.js';

export const guid: FunctionDefinition = {
  name: 'Guid',
  params: [],
  impl: (_, call) => call.options.newGuid(),
};
