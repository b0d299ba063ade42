/**
 * @module scim/client/scim-client
 * The client interface: one generic `request` plus a typed helper per RFC 7644 operation.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.2
 */
import type {
  BulkRequest, BulkResponse, ListResponse, PatchOperation, PatchRequest, ResourceTypeDefinition, SchemaDefinition,
  ScimResource, SearchRequest, ServiceProviderConfig,
} from '../types.js';
import type { GetOptions, HttpMethod, ListOptions, RequestOptions, ScimResponse, WriteOptions } from './types.js';

export interface ScimClient {
  readonly baseUrl: string;
  /** any request; `path` is relative to the base URL (`/Users`, `/Users/abc`) */
  request(method: HttpMethod, path: string, options?: RequestOptions): Promise<ScimResponse>;
  /** RFC 7644 §3.4.1 */
  get(endpoint: string, id: string, options?: GetOptions): Promise<ScimResponse<ScimResource>>;
  /** RFC 7644 §3.4.2 */
  list(endpoint: string, options?: ListOptions): Promise<ScimResponse<ListResponse>>;
  /** RFC 7644 §3.4.3: POST {endpoint}/.search; endpoint '' searches from the root */
  search(endpoint: string, request: Omit<SearchRequest, 'schemas'> & { schemas?: string[] }): Promise<ScimResponse<ListResponse>>;
  /** RFC 7644 §3.3 */
  create(endpoint: string, resource: ScimResource, options?: WriteOptions): Promise<ScimResponse<ScimResource>>;
  /** RFC 7644 §3.5.1 */
  replace(endpoint: string, id: string, resource: ScimResource, options?: WriteOptions): Promise<ScimResponse<ScimResource>>;
  /** RFC 7644 §3.5.2: a list of operations (wrapped in a PatchOp message) or a whole message */
  patch(endpoint: string, id: string, operations: readonly PatchOperation[] | PatchRequest, options?: WriteOptions): Promise<ScimResponse<ScimResource | undefined>>;
  /** RFC 7644 §3.6 */
  delete(endpoint: string, id: string, options?: WriteOptions): Promise<ScimResponse<unknown>>;
  /** RFC 7644 §3.7 */
  bulk(request: Omit<BulkRequest, 'schemas'> & { schemas?: string[] }): Promise<ScimResponse<BulkResponse>>;
  /** RFC 7644 §4 */
  serviceProviderConfig(): Promise<ScimResponse<ServiceProviderConfig>>;
  schemas(): Promise<ScimResponse<ListResponse<SchemaDefinition>>>;
  resourceTypes(): Promise<ScimResponse<ListResponse<ResourceTypeDefinition>>>;
  /** closes the keep-alive connections */
  close(): Promise<void>;
}
