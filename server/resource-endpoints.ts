/**
 * @module server/resource-endpoints
 * The SCIM operations on /Users and /Groups, free of HTTP so that the routes and /Bulk share them:
 * query (RFC 7644 §3.4.2), create (§3.3), replace (§3.5.1), modify (§3.5.2), delete (§3.6).
 * Protocol work goes through ./protocol.ts (scim/ with the target's options); identity, uniqueness and durability are the
 * store's; quirks are asked at their plug points.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../util/clock.js';
import { ScimError } from '../scim/errors.js';
import { URN } from '../scim/types.js';
import type { AttributeResolver, ListResponse, ScimResource } from '../scim/types.js';
import { createCursorCodec, cursorQueryKey, paginate, readPageRequest } from '../scim/paging/index.js';
import type { CompareNode, FilterNode, FilterValue } from '../scim/filter/types.js';
import type { ResourceStore, ResourceTypeName, StoredResource } from './store/types.js';
import type { QuirkRuntime } from './quirks/types.js';
import { withCaseExactUserName } from './quirks/case-exact.js';
import { namesDerived } from './store/members.js';
import { memberDelta } from './store/member-delta.js';
import { checkIfMatch } from './preconditions.js';
import { LruCache } from './filter-cache.js';
import * as protocol from './protocol.js';
import type { Projection, SchemaRegistry } from './protocol.js';

export interface ListQuery extends Projection {
  filter?: string;
  sortBy?: string;
  sortOrder?: string;
  startIndex?: unknown;
  count?: unknown;
  cursor?: string;
}

export interface ResourceEndpoints {
  /** several types for a search at the service provider root (RFC 7644 §3.4.3) */
  list(types: ResourceTypeName | readonly ResourceTypeName[], query: ListQuery): ListResponse;
  /** 404 when absent */
  get(type: ResourceTypeName, id: string): StoredResource;
  create(type: ResourceTypeName, body: unknown): Promise<StoredResource>;
  replace(type: ResourceTypeName, id: string, body: unknown, ifMatch?: string): Promise<StoredResource>;
  patch(type: ResourceTypeName, id: string, body: unknown, ifMatch?: string): Promise<StoredResource>;
  delete(type: ResourceTypeName, id: string, ifMatch?: string): Promise<void>;
  /** the resource as returned: `password` and other returned:never attributes dropped, projection applied */
  render(type: ResourceTypeName, resource: StoredResource, projection?: Projection): ScimResource;
  resetCaches(): void;
}

export interface EndpointDeps {
  store: ResourceStore;
  registry: SchemaRegistry;
  quirks: { runtime: QuirkRuntime | undefined };
  pageSize: number;
  clock: Clock;
}

interface CompiledFilter {
  node: FilterNode;
  predicate: (resource: StoredResource) => boolean;
}

type ComparisonShape = (value: FilterValue) => (resource: StoredResource) => boolean;

const FILTER_CACHE_SIZE = 512;
export const CURSOR_TIMEOUT_SECONDS = 600;

export function createResourceEndpoints(deps: EndpointDeps): ResourceEndpoints {
  const { store, registry, quirks } = deps;
  // whole filters, and one-comparison shapes (see compiled())
  const filters = new LruCache<CompiledFilter | ComparisonShape>(FILTER_CACHE_SIZE);
  const cursors = createCursorCodec({ secret: randomBytes(16).toString('base64url'), timeoutSeconds: CURSOR_TIMEOUT_SECONDS, clock: deps.clock });

  /**
   * The resolver filters compile with: the caseExactUserName quirk makes userName compare
   * case-sensitively. The filter cache is emptied whenever the quirks are swapped.
   */
  function filterResolver(type: ResourceTypeName): AttributeResolver {
    const resolver = registry.resolver(type);
    return type === 'User' && quirks.runtime?.caseExactUserName ? withCaseExactUserName(resolver) : resolver;
  }

  function compiled(type: ResourceTypeName, text: string): CompiledFilter {
    // One comparison is parsed by a shortcut cheaper than a cache lookup of its whole text (which
    // never holds it, see comparison()); anything else is cached whole.
    const simple = protocol.parseSimpleFilter(text);
    if (simple) return comparison(type, simple);
    const key = `${type}\u0000${text}`;
    const hit = filters.get(key);
    if (hit && typeof hit !== 'function') return hit;
    const node = protocol.parseFilter(text);
    if (node.type === 'compare') return comparison(type, node);
    const entry = { node, predicate: protocol.compileFilter(node, filterResolver(type)) };
    filters.set(key, entry);
    return entry;
  }

  function comparison(type: ResourceTypeName, node: CompareNode): CompiledFilter {
    // Entra probes `userName eq "<value>"` once per object (ENTRA-SPEC §6.3): whole filters never
    // repeat, so one comparison is cached by its shape (type, path as written, operator) instead.
    const { path } = node;
    const shapeKey = `${type}\u0001${node.op}\u0001${path.schema ?? ''}\u0001${path.attribute}\u0001${path.subAttribute ?? ''}`;
    let shape = filters.get(shapeKey);
    if (typeof shape !== 'function') filters.set(shapeKey, (shape = protocol.compileComparison(path, node.op, filterResolver(type))));
    return { node, predicate: shape(node.value) };
  }

  // Most responses ask for no projection: compile that one once per type.
  const defaultProjectors = new Map<ResourceTypeName, (resource: ScimResource) => ScimResource>();
  function projectorFor(type: ResourceTypeName, projection: Projection): (resource: ScimResource) => ScimResource {
    if (projection.attributes === undefined && projection.excludedAttributes === undefined) {
      let p = defaultProjectors.get(type);
      if (!p) defaultProjectors.set(type, (p = protocol.projector(registry, type, {})));
      return p;
    }
    return protocol.projector(registry, type, { attributes: projection.attributes, excludedAttributes: projection.excludedAttributes });
  }

  /** the records matching, as stored: only the page that is returned gets its derived attributes */
  function query(type: ResourceTypeName, text: string | undefined): StoredResource[] {
    if (text === undefined) return store.select(type);
    let { node, predicate } = compiled(type, text);
    const runtime = quirks.runtime;
    if (runtime) {
      const adjusted = runtime.filter({ resourceType: type, filter: node, text });
      if (adjusted === undefined) return store.select(type);
      if (adjusted !== node) {
        node = adjusted;
        predicate = protocol.compileFilter(adjusted, filterResolver(type));
      }
    }
    return store.select(type, { filter: node, predicate });
  }

  /**
   * RFC 7644 §3.4.3: a root search spans every type; a filter naming an attribute that only some
   * types have matches nothing in the others instead of failing the whole search.
   */
  function queryMany(types: readonly ResourceTypeName[], text: string | undefined): StoredResource[] {
    const found: StoredResource[] = [];
    let failure: unknown;
    let answered = 0;
    for (const type of types) {
      try {
        for (const resource of query(type, text)) found.push(resource);
        answered++;
      } catch (error) {
        if (!(error instanceof ScimError) || error.scimType !== 'invalidFilter') throw error;
        failure ??= error;
      }
    }
    if (answered === 0 && failure) throw failure;
    return found;
  }

  function existing(type: ResourceTypeName, id: string): StoredResource {
    const found = store.get(type, id);
    if (!found) throw ScimError.notFound(`${type} ${id} not found`);
    return found;
  }

  function beforeWrite(type: ResourceTypeName, operation: 'create' | 'replace' | 'patch', resource: ScimResource, current?: StoredResource): ScimResource {
    const runtime = quirks.runtime;
    return runtime ? runtime.beforeWrite({ resourceType: type, operation, existing: current, resource, store }) : resource;
  }

  return {
    list(types, q) {
      const list = typeof types === 'string' ? [types] : types;
      const all = list.length === 1 ? query(list[0]!, q.filter) : queryMany(list, q.filter);
      const first = list[0]!;
      // Sorting by a derived attribute (groups, meta.location, $ref) needs it on every record, not only on the page.
      const sortable = q.sortBy !== undefined && namesDerived(q.sortBy) ? all.map((r) => store.view(r.meta.resourceType, r)) : all;
      const sorted = q.sortBy !== undefined ? protocol.sortResources(sortable, q.sortBy, q.sortOrder, registry.resolver(first)) : all;
      const maxPage = Math.min(deps.pageSize, quirks.runtime?.pageSizeMax ?? Infinity);
      // RFC 7644 §3.4.2.4 index paging; RFC 9865 cursors, bound to the query that issued them.
      const request = readPageRequest(
        { startIndex: q.startIndex, count: q.count, cursor: q.cursor },
        { defaultPageSize: maxPage, maxPageSize: maxPage, cursor: true, index: true },
      );
      const queryKey = request.method === 'cursor' ? cursorQueryKey({ types: list, filter: q.filter, sortBy: q.sortBy, sortOrder: q.sortOrder }) : '';
      const page = paginate(sorted, request, { codec: cursors, queryKey });
      // the page is ours: its records are replaced by their rendering in place (no envelope copy)
      const rendered: ListResponse = page;
      if (list.length === 1) {
        const project = projectorFor(first, q);
        rendered.Resources = page.Resources.map((r) => project(store.view(r.meta.resourceType, r)));
      } else {
        const projectors = new Map(list.map((type) => [type, projectorFor(type, q)] as const));
        rendered.Resources = page.Resources.map((r) => projectors.get(r.meta.resourceType)!(store.view(r.meta.resourceType, r)));
      }
      return rendered;
    },

    get: existing,

    async create(type, body) {
      const prepared = protocol.prepareResource(registry, type, body, { mode: 'create' });
      return store.create(type, beforeWrite(type, 'create', prepared));
    },

    async replace(type, id, body, ifMatch) {
      const current = existing(type, id);
      // RFC 7644 §3.14: a stale version is refused before anything is validated or written.
      checkIfMatch(ifMatch, current.meta.version);
      const prepared = protocol.prepareResource(registry, type, body, { mode: 'replace', existing: current });
      return store.replace(type, id, beforeWrite(type, 'replace', prepared, current));
    },

    async patch(type, id, body, ifMatch) {
      const operations = protocol.readPatchRequest(body);
      quirks.runtime?.checkPatch({ resourceType: type, operations });
      const current = existing(type, id);
      checkIfMatch(ifMatch, current.meta.version);
      // Member adds/removes only: the store applies them as a delta, O(changed members) (store/member-delta).
      const memberSteps = type === 'Group' && store.patchMembers && !rewritesGroups(quirks.runtime) ? memberDelta(operations) : undefined;
      const delta = memberSteps && store.patchMembers!(id, memberSteps);
      if (delta) return delta;
      // RFC 7644 §3.5.2 (MUST): the operations apply atomically; applyPatch works on a copy and
      // the store only sees the result once it has passed validation.
      const patched = protocol.applyPatch(registry, type, current, operations);
      // Nothing changed (e.g. adding a member already present): no write, no new version.
      if (!patched.changed) return current;
      const prepared = protocol.prepareResource(registry, type, patched.resource, { mode: 'replace', existing: current });
      return store.replace(type, id, beforeWrite(type, 'patch', prepared, current));
    },

    async delete(type, id, ifMatch) {
      const current = existing(type, id);
      checkIfMatch(ifMatch, current.meta.version);
      if (quirks.runtime?.onDelete({ resourceType: type, existing: current }) === 'deactivate') {
        const patched = protocol.applyPatch(registry, type, current, DEACTIVATE);
        const prepared = protocol.prepareResource(registry, type, patched.resource, { mode: 'replace', existing: current });
        await store.replace(type, id, beforeWrite(type, 'patch', prepared, current));
        return;
      }
      await store.delete(type, id);
    },

    render(type, resource, projection = {}) {
      return projectorFor(type, projection)(resource);
    },

    resetCaches() {
      filters.clear();
    },
  };
}

/** softDeleteOnly: what a DELETE becomes. */
const DEACTIVATE = protocol.readPatchRequest({ schemas: [URN.PatchOp], Operations: [{ op: 'replace', path: 'active', value: false }] });

/** Quirks whose write step may change or refuse a group write: member PATCHes then take the general path. */
const GROUP_WRITE_QUIRKS = ['ignoreAttributes', 'truncate', 'requireFields', 'immutableAttributes', 'licenses'];
function rewritesGroups(runtime: QuirkRuntime | undefined): boolean {
  return runtime !== undefined && runtime.active.some((name) => GROUP_WRITE_QUIRKS.includes(name));
}
