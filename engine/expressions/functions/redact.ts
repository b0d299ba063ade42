/**
 * @module engine/expressions/functions/redact
 * Redact(value): the value flows unchanged; the evaluation result is marked `redacted` so the
 * provisioning log shows `[Redact]` instead (ENTRA-SPEC §4.4).
 */
import type { FunctionDefinition } from '../function.types.js';

export const redact: FunctionDefinition = {
  name: 'Redact',
  params: [{ name: 'value', type: 'any' }],
  impl: ([value]) => value,
};
