/** Builders shared by the store tests. */
import { URN } from '../../../../scim/types.js';
import type { ScimResource } from '../../../../scim/types.js';
import { parseFilter } from '../../../../scim/filter/parse.js';
import { compileFilter } from '../../../../scim/filter/evaluate.js';
import { defaultSchemaRegistry } from '../../../../scim/schema/registry.js';
import type { QueryOptions, ResourceTypeName, StoreOptions } from '../../../../server/store/types.js';

export const BASE_URL = 'http://127.0.0.1:8080/scim/v2';

/** Deterministic ids and a clock that ticks one second per call. */
export function fixedOptions(extra: Partial<StoreOptions> = {}): StoreOptions {
  let id = 0;
  let t = Date.parse('2025-01-01T00:00:00.000Z');
  return {
    baseUrl: BASE_URL,
    newId: () => `id-${++id}`,
    clock: () => new Date((t += 1000)),
    ...extra,
  };
}

export function user(userName: string, extra: Record<string, unknown> = {}): ScimResource {
  return { schemas: [URN.User], userName, ...extra };
}

export function group(displayName: string, members: string[] = [], extra: Record<string, unknown> = {}): ScimResource {
  return { schemas: [URN.Group], displayName, members: members.map((value) => ({ value })), ...extra };
}

const registry = defaultSchemaRegistry();

/** What the routes pass: the parsed filter and its compiled predicate. */
export function filterQuery(type: ResourceTypeName, text: string): Required<QueryOptions> {
  const filter = parseFilter(text);
  return { filter, predicate: compileFilter(filter, registry.resolver(type)) };
}
