/**
 * @module server/journal/redact
 * The journal keeps secrets out with the same rule as the client's exchanges (scim/redact).
 */
export { REDACTED, redactSecrets as redact } from '../../scim/redact.js';
