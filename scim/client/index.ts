/**
 * @module scim/client
 * A SCIM 2.0 HTTP client, RFC 7644 §3. https://datatracker.ietf.org/doc/html/rfc7644#section-3
 */
export { createScimClient } from './create-client.js';
export { ScimClientError, classifyNetworkError } from './client-error.js';
export type { ClientErrorKind } from './client-error.js';
export { redactBody, redactHeaders, REDACTED } from './redact.js';
export { parseRetryAfter } from './retry-after.js';
export { discoverFeatures, readFeatures } from './features.js';
export type { FeatureDiscovery, TargetFeatures } from './features.js';
export { encodeQuery, joinUrl, listQuery, resourcePath } from './query.js';
export type { ScimClient } from './scim-client.js';
export type { ClientAuth, ClientOptions, Exchange, GetOptions, HttpMethod, ListOptions, RequestOptions, ScimResponse, WriteOptions } from './types.js';
