/**
 * @module conformance/checks/filter
 * Filtering, RFC 7644 §3.4.2.2: each operator, logical operators and grouping, complex attribute
 * filters, case-insensitive attribute names, operators and userName (RFC 7643 §4.1 caseExact
 * false), zero results, invalid filters. Checks scope their filters to the run's own users.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-3.4.2.2
 */
import { expectEqual, expectListResponse, expectScimError, expectStatus } from '../assert.js';
import type { ScimResource } from '../../scim/types.js';
import { URN } from '../../scim/types.js';
import type { Check, CheckContext } from '../types.js';
import type { FilterSet } from './helpers.js';
import { ALL, ENTERPRISE, RFC, RFC_ENTRA, RFC_OKTA, compare, expectFilter, filterSet, requireEnterprise } from './helpers.js';
import { eqFilter } from '../../scim/filter/build.js';

type Pick = (s: FilterSet) => { filter: string; expected: { id: string }[] };

function filterCheck(id: string, title: string, pick: Pick, extra: Partial<Check> = {}): Check {
  return {
    id, title, area: 'filter', spec: 'RFC 7644 §3.4.2.2', level: 'MUST', profiles: RFC, requires: ['filter'], mutating: true, ...extra,
    async run(ctx: CheckContext) {
      const { filter, expected } = pick(await filterSet(ctx));
      await expectFilter(ctx, filter, expected);
    },
  };
}

const un = (u: ScimResource) => String(u.userName);

export const filterChecks: Check[] = [
  filterCheck('filter-eq-username', 'userName eq returns exactly that user', (s) => ({ filter: eqFilter('userName', un(s.a)), expected: [s.a] }), { profiles: ALL }),
  filterCheck('filter-username-case-insensitive', 'userName eq matches regardless of case', (s) => ({ filter: eqFilter('userName', un(s.a).toUpperCase()), expected: [s.a] }), { spec: 'RFC 7643 §4.1', profiles: ALL }),
  {
    id: 'filter-zero-results', title: 'a filter that matches nothing answers 200 with totalResults 0', area: 'filter',
    spec: 'RFC 7644 §3.4.2', level: 'MUST', profiles: ALL, mutating: false,
    async run(ctx) {
      const list = expectListResponse(await ctx.client.list('/Users', { filter: eqFilter('userName', `${ctx.prefix}-nobody@example.com`) }), 'filter with no match');
      expectEqual([list.totalResults, list.Resources.length], [0, 0], 'totalResults, Resources');
    },
  },
  filterCheck('filter-external-id-eq', 'externalId eq returns exactly that user', (s) => ({ filter: eqFilter('externalId', String(s.a.externalId)), expected: [s.a] }), { profiles: RFC_ENTRA }),
  filterCheck('filter-external-id-case-exact', 'externalId is compared case-exactly', (s) => ({ filter: eqFilter('externalId', String(s.a.externalId).toUpperCase()), expected: [] }), { spec: 'RFC 7643 §3.1', level: 'SHOULD' }),
  filterCheck('filter-ne', 'ne excludes the matching user', (s) => ({ filter: `${s.scope} and ${compare('userName', 'ne', un(s.a))}`, expected: [s.b, s.c] })),
  filterCheck('filter-co', 'co matches a substring', (s) => ({ filter: `${s.scope} and name.givenName co "lph"`, expected: [s.a] })),
  filterCheck('filter-sw', 'sw matches a prefix', (s) => ({ filter: s.scope, expected: [s.a, s.b, s.c] }), { profiles: RFC_OKTA }),
  filterCheck('filter-ew', 'ew matches a suffix', (s) => ({ filter: `${s.scope} and userName ew "fset-b@example.com"`, expected: [s.b] })),
  filterCheck('filter-pr', 'pr matches users that have the attribute', (s) => ({ filter: `${s.scope} and title pr`, expected: [s.a, s.b] })),
  filterCheck('filter-gt', 'gt compares strings lexicographically', (s) => ({ filter: `${s.scope} and ${compare('userName', 'gt', un(s.a))}`, expected: [s.b, s.c] })),
  filterCheck('filter-ge', 'ge includes the boundary', (s) => ({ filter: `${s.scope} and ${compare('userName', 'ge', un(s.b))}`, expected: [s.b, s.c] })),
  filterCheck('filter-lt', 'lt compares strings lexicographically', (s) => ({ filter: `${s.scope} and ${compare('userName', 'lt', un(s.b))}`, expected: [s.a] })),
  filterCheck('filter-le', 'le includes the boundary', (s) => ({ filter: `${s.scope} and ${compare('userName', 'le', un(s.b))}`, expected: [s.a, s.b] })),
  filterCheck('filter-date-gt', 'gt compares dateTime values (meta.lastModified)', (s) => ({ filter: `${s.scope} and meta.lastModified gt "2000-01-01T00:00:00Z"`, expected: [s.a, s.b, s.c] })),
  filterCheck('filter-boolean', 'active eq false matches inactive users', (s) => ({ filter: `${s.scope} and active eq false`, expected: [s.b] })),
  // Entra combines matching attributes with `and` (ENTRA-SPEC §6.6), never name.givenName: the RFC and Entra share this shape
  filterCheck('filter-and', 'and requires both conditions', (s) => ({ filter: `${eqFilter('externalId', String(s.a.externalId))} and ${eqFilter('userName', un(s.a))}`, expected: [s.a] }), { profiles: RFC_ENTRA }),
  filterCheck('filter-and-both', 'and with one condition unmet matches nothing', (s) => ({ filter: `${eqFilter('externalId', String(s.b.externalId))} and ${eqFilter('userName', un(s.a))}`, expected: [] }), { profiles: RFC_ENTRA }),
  filterCheck('filter-or', 'or with parentheses matches either condition', (s) => ({ filter: `${s.scope} and (name.givenName eq "Alpha" or name.givenName eq "Charlie")`, expected: [s.a, s.c] })),
  filterCheck('filter-not', 'not negates a grouped condition', (s) => ({ filter: `${s.scope} and not (name.givenName eq "Alpha")`, expected: [s.b, s.c] })),
  filterCheck('filter-sub-attribute', 'a sub-attribute path filters (name.familyName eq)', (s) => ({ filter: eqFilter('name.familyName', String((s.a.name as { familyName: string }).familyName)), expected: [s.a] })),
  filterCheck('filter-multi-valued', 'emails.value eq matches any email', (s) => ({ filter: eqFilter('emails.value', un(s.b)), expected: [s.b] })),
  filterCheck('filter-value-path', 'a complex attribute filter (emails[type eq "work" and value co …]) matches', (s) => ({ filter: `emails[type eq "work" and value co "fset-c@"] and ${s.scope}`, expected: [s.c] })),
  filterCheck('filter-operator-case-insensitive', 'operators are case-insensitive (EQ, Sw)', (s) => ({ filter: compare('userName', 'EQ', un(s.a)), expected: [s.a] })),
  filterCheck('filter-attribute-case-insensitive', 'attribute names are case-insensitive (USERNAME)', (s) => ({ filter: eqFilter('USERNAME', un(s.c)), expected: [s.c] })),
  {
    id: 'filter-enterprise-urn', title: 'a URN-qualified enterprise attribute filters', area: 'filter',
    spec: 'RFC 7644 §3.10', level: 'SHOULD', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      requireEnterprise(ctx);
      const user = await ctx.createUser({ schemas: [URN.User, ENTERPRISE], [ENTERPRISE]: { employeeNumber: `EN-${ctx.prefix}` } });
      await expectFilter(ctx, `${ENTERPRISE}:employeeNumber eq "EN-${ctx.prefix}"`, [user]);
    },
  },
  {
    id: 'filter-invalid-400', title: 'an invalid filter answers 400 invalidFilter', area: 'filter',
    spec: 'RFC 7644 §3.4.2.2', level: 'MUST', profiles: RFC, requires: ['filter'], mutating: false,
    async run(ctx) { expectScimError(await ctx.client.list('/Users', { filter: 'userName eq' }), 400, 'filter "userName eq"', 'invalidFilter'); },
  },
  {
    id: 'filter-group-display-name', title: 'displayName eq finds the group', area: 'filter',
    spec: 'RFC 7644 §3.4.2.2', level: 'MUST', profiles: ALL, requires: ['filter', 'groups'], mutating: true,
    async run(ctx) {
      const group = await ctx.createGroup();
      await expectFilter(ctx, eqFilter('displayName', String(group.displayName)), [group], '/Groups');
    },
  },
  {
    id: 'filter-group-member', title: 'members[value eq "id"] finds the groups of a user', area: 'filter',
    spec: 'RFC 7644 §3.4.2.2', level: 'SHOULD', profiles: RFC, requires: ['filter', 'groups'], mutating: true,
    async run(ctx) {
      const user = await ctx.createUser();
      const group = await ctx.createGroup({ members: [{ value: user.id }] });
      await ctx.createGroup();
      await expectFilter(ctx, `members[${eqFilter('value', user.id)}]`, [group], '/Groups');
    },
  },
  {
    id: 'filter-search-post', title: 'POST /Users/.search with a filter answers the matching users', area: 'filter',
    spec: 'RFC 7644 §3.4.3', level: 'SHOULD', profiles: RFC, requires: ['filter'], mutating: true,
    async run(ctx) {
      const s = await filterSet(ctx);
      const res = await ctx.client.search('/Users', { filter: eqFilter('userName', un(s.b)) });
      expectStatus(res, 200, 'POST /Users/.search');
      expectEqual(expectListResponse(res, 'POST /Users/.search').Resources.map((r) => r.id), [s.b.id], 'ids');
    },
  },
];
