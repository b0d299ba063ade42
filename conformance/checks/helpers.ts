/**
 * @module conformance/checks/helpers
 * Steps several checks share: profile lists, GET-after-write, PATCH-then-read, and the shared
 * fixtures (a small set of users with known values for filter, paging and sort checks).
 */
import type { PatchOperation, ScimResource } from '../../scim/types.js';
import { URN } from '../../scim/types.js';
import { eqFilter } from '../../scim/filter/build.js';
import { describeResponse, expectResource, expectStatus, fail } from '../assert.js';
import type { CheckContext, ProfileName } from '../types.js';

export const ALL: readonly ProfileName[] = ['rfc', 'entra', 'okta'];
export const RFC: readonly ProfileName[] = ['rfc'];
export const RFC_OKTA: readonly ProfileName[] = ['rfc', 'okta'];
export const RFC_ENTRA: readonly ProfileName[] = ['rfc', 'entra'];
export const ENTRA: readonly ProfileName[] = ['entra'];

export const ENTERPRISE = URN.EnterpriseUser;

/** GET by id, expecting 200 and a resource. */
export async function read(ctx: CheckContext, endpoint: '/Users' | '/Groups', id: string, query: { attributes?: string; excludedAttributes?: string } = {}): Promise<ScimResource> {
  const res = await ctx.client.get(endpoint, id, query);
  expectStatus(res, 200, `GET ${endpoint}/{id}`);
  return expectResource(res, `GET ${endpoint}/{id}`);
}

/** PATCH expecting 200 or 204 (RFC 7644 §3.5.2), then the resource as GET shows it. */
export async function patchThenRead(ctx: CheckContext, endpoint: '/Users' | '/Groups', id: string, operations: PatchOperation[], what = 'PATCH'): Promise<ScimResource> {
  const res = await ctx.client.patch(endpoint, id, operations);
  expectStatus(res, [200, 204], what);
  return read(ctx, endpoint, id);
}

export function requireEnterprise(ctx: CheckContext): void {
  if (!ctx.discovery.userExtensions.includes(ENTERPRISE)) ctx.skip('not advertised: enterprise User extension');
}

export interface FilterSet {
  /** filter that matches exactly this set: `userName sw "<prefix>-fset-"` */
  scope: string;
  a: ScimResource & { id: string };
  b: ScimResource & { id: string };
  c: ScimResource & { id: string };
}

/**
 * Three users whose userNames sort a < b < c: a (Alpha, title Engineer, active), b (Bravo,
 * title Manager, inactive), c (Charlie, no title, active).
 */
export function filterSet(ctx: CheckContext): Promise<FilterSet> {
  return ctx.shared('filter-set', async () => {
    const make = (key: string, given: string, extra: Record<string, unknown>) => {
      const userName = `${ctx.prefix}-fset-${key}@example.com`;
      return ctx.createUser({
        userName, externalId: `ext-${ctx.prefix}-fset-${key}`,
        name: { givenName: given, familyName: `Fam${key}${ctx.prefix}` },
        emails: [{ value: userName, type: 'work', primary: true }], ...extra,
      });
    };
    const a = await make('a', 'Alpha', { title: 'Engineer', active: true });
    const b = await make('b', 'Bravo', { title: 'Manager', active: false });
    const c = await make('c', 'Charlie', { active: true });
    return { scope: compare('userName', 'sw', `${ctx.prefix}-fset-`), a, b, c };
  });
}

/** Five users `<prefix>-page-1 … -5` for paging and sorting. */
export function pageSet(ctx: CheckContext): Promise<{ scope: string; users: (ScimResource & { id: string })[] }> {
  return ctx.shared('page-set', async () => {
    const users = [];
    for (let i = 1; i <= 5; i++) users.push(await ctx.createUser({ userName: `${ctx.prefix}-page-${i}@example.com` }));
    return { scope: compare('userName', 'sw', `${ctx.prefix}-page-`), users };
  });
}

/** The ids a filtered list returns, sorted, for set comparisons. */
export async function filterIds(ctx: CheckContext, filter: string, endpoint: '/Users' | '/Groups' = '/Users'): Promise<string[]> {
  const res = await ctx.client.list(endpoint, { filter });
  expectStatus(res, 200, `GET ${endpoint}?filter=${filter}`);
  const body = res.body as { Resources?: unknown };
  if (body && typeof body === 'object' && body.Resources !== undefined && !Array.isArray(body.Resources)) fail('Resources must be an array', 'array', describeResponse(res), res);
  const resources = (body?.Resources ?? []) as ScimResource[];
  return resources.map((r) => String(r.id)).sort();
}

export async function expectFilter(ctx: CheckContext, filter: string, expected: readonly { id: string }[], endpoint: '/Users' | '/Groups' = '/Users'): Promise<void> {
  const res = await ctx.client.list(endpoint, { filter });
  expectStatus(res, 200, `filter ${filter}`);
  const resources = ((res.body as { Resources?: ScimResource[] } | undefined)?.Resources ?? []);
  const got = Array.isArray(resources) ? resources.map((r) => String(r.id)).sort() : [];
  const want = expected.map((e) => e.id).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) fail(`filter ${filter} returned the wrong resources`, want, got, res);
}

/**
 * `path op value` with the value written as eqFilter writes it (a JSON literal, so quotes and
 * backslashes in a name cannot break the filter), for the operators other than eq; `op` is sent
 * as given, so a check can send `EQ` on purpose.
 */
export function compare(path: string, op: string, value: string): string {
  return `${path} ${op} ${eqFilter(path, value).slice(path.trim().length + ' eq '.length)}`;
}
