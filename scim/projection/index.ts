/**
 * @module scim/projection
 * attributes / excludedAttributes, RFC 7644 §3.4.2.5 and §3.9.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.9
 */
export { compileProjection, project } from './project.js';
export type { Projection, ProjectionOptions, ProjectionRequest } from './project.js';
export { parseAttributeList, splitAttributeList } from './attribute-list.js';
export type { AttributeListInput, AttributeSelector } from './attribute-list.js';
