/**
 * @module engine/wire
 * What the engine says to a SCIM target and how it reads the answer (ENTRA-SPEC §6): request
 * shapes per PATCH dialect, and response classification into Entra's error codes and retries.
 */
export {
  activeOps, attributeOps, createGroupBody, createUserBody, dialectOf, managerOps, memberOps, MANAGER_PATH,
} from './dialect.js';
export type { AttributeChange, PatchDialect } from './dialect.js';
export { classifyNetworkFailure, classifyResponse, ERROR_CODES } from './classify.js';
export type { ErrorCategory, FailedOutcome, Outcome, RetryPolicy, WireOperation, WireResponse } from './classify.js';
export { cleanText, targetDetail } from './detail.js';
