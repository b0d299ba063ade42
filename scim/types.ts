/**
 * @module scim/types
 * The SCIM vocabulary shared by server, engine and conformance runner: attribute characteristics
 * (RFC 7643 §2.2, §7), schema and resource-type definitions (§6, §7), resources and their meta
 * (§3.1), and the protocol messages (RFC 7644 §3.4.2 ListResponse, §3.5.2 PatchOp, §3.7 Bulk).
 * https://datatracker.ietf.org/doc/html/rfc7643#section-7
 */

export type AttributeType =
  | 'string'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'dateTime'
  | 'binary'
  | 'reference'
  | 'complex';

export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

/** One attribute definition, spelled as RFC 7643 §7 spells it. */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description?: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDefinition[];
}

/** RFC 7643 §7: a schema resource. */
export interface SchemaDefinition {
  readonly schemas?: readonly string[];
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly attributes: readonly AttributeDefinition[];
  readonly meta?: Meta;
}

/** RFC 7643 §6: a resource type. */
export interface ResourceTypeDefinition {
  readonly schemas?: readonly string[];
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly description?: string;
  readonly schema: string;
  readonly schemaExtensions?: readonly { readonly schema: string; readonly required: boolean }[];
  readonly meta?: Meta;
}

/** RFC 7643 §3.1 */
export interface Meta {
  resourceType?: string;
  created?: string;
  lastModified?: string;
  location?: string;
  version?: string;
}

/** The resource types this project serves and provisions (RFC 7643 §4.1, §4.2): the one name for them. */
export type ResourceTypeName = 'User' | 'Group';

/** Any SCIM resource as it travels on the wire. Attribute names are as sent (case varies). */
export interface ScimResource {
  schemas: string[];
  id?: string;
  externalId?: string;
  meta?: Meta;
  [attribute: string]: unknown;
}

/** RFC 7644 §3.4.2 */
export interface ListResponse<T = ScimResource> {
  schemas: [typeof URN.ListResponse];
  totalResults: number;
  itemsPerPage: number;
  startIndex?: number;
  /** RFC 9865 cursor pagination */
  nextCursor?: string;
  previousCursor?: string;
  Resources: T[];
}

/** RFC 7644 §3.5.2. `op` is a string because Entra sends `Add`/`Replace`/`Remove` (ENTRA-SPEC §6.5). */
export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

export interface PatchRequest {
  schemas: string[];
  Operations: PatchOperation[];
}

/** RFC 7644 §3.4.3 */
export interface SearchRequest {
  schemas: string[];
  attributes?: string[];
  excludedAttributes?: string[];
  filter?: string;
  sortBy?: string;
  sortOrder?: 'ascending' | 'descending';
  startIndex?: number;
  count?: number;
  cursor?: string;
}

/** RFC 7644 §3.7 */
export interface BulkOperation {
  method: string;
  bulkId?: string;
  version?: string;
  path: string;
  data?: unknown;
}

export interface BulkRequest {
  schemas: string[];
  failOnErrors?: number;
  Operations: BulkOperation[];
}

export interface BulkOperationResponse {
  method: string;
  bulkId?: string;
  version?: string;
  location?: string;
  status: string;
  response?: unknown;
}

export interface BulkResponse {
  schemas: string[];
  Operations: BulkOperationResponse[];
}

/** RFC 7643 §5 */
export interface ServiceProviderConfig {
  schemas: string[];
  documentationUri?: string;
  patch: { supported: boolean };
  bulk: { supported: boolean; maxOperations: number; maxPayloadSize: number };
  filter: { supported: boolean; maxResults: number };
  changePassword: { supported: boolean };
  sort: { supported: boolean };
  etag: { supported: boolean };
  /** RFC 9865 §4 */
  pagination?: {
    cursor: boolean;
    index: boolean;
    defaultPaginationMethod?: 'cursor' | 'index';
    defaultPageSize?: number;
    maxPageSize?: number;
    cursorTimeout?: number;
  };
  authenticationSchemes: {
    type: string;
    name: string;
    description: string;
    specUri?: string;
    documentationUri?: string;
    primary?: boolean;
  }[];
  meta?: Meta;
}

/** The URNs RFC 7643/7644 define, in one place. */
export const URN = {
  User: 'urn:ietf:params:scim:schemas:core:2.0:User',
  Group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  EnterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  ServiceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  ResourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  Schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
  ListResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  SearchRequest: 'urn:ietf:params:scim:api:messages:2.0:SearchRequest',
  PatchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  BulkRequest: 'urn:ietf:params:scim:api:messages:2.0:BulkRequest',
  BulkResponse: 'urn:ietf:params:scim:api:messages:2.0:BulkResponse',
  Error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const;

/** RFC 7644 §8.1 */
export const SCIM_CONTENT_TYPE = 'application/scim+json';

/**
 * A reference to one attribute of a resource type, `[schema:]attribute[.subAttribute]`: what a
 * filter names (scim/filter/types re-exports it) and what resolvers take.
 */
export interface AttributePathRef {
  /** schema URN when the path was URN-qualified; otherwise the core schema, then extensions, are searched */
  readonly schema?: string;
  readonly attribute: string;
  readonly subAttribute?: string;
}

/** The attribute a reference resolves to, with the schema that defines it. */
export interface ResolvedAttribute {
  readonly schema: string;
  /** true when the schema is an extension, whose attributes live under resource[schema] */
  readonly extension: boolean;
  readonly attribute: AttributeDefinition;
  /** the sub-attribute's definition when the reference named one */
  readonly subAttribute?: AttributeDefinition;
}

/**
 * Looks up attribute definitions for one resource type, case-insensitively (RFC 7643 §2.1).
 * Filter, PATCH, sort and projection take one so that they stay free of any schema registry.
 */
export type AttributeResolver = (ref: AttributePathRef) => ResolvedAttribute | undefined;

/** Names that must never become object keys (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
