/**
 * @module conformance/checks/discovery
 * Service provider configuration, schemas and resource types: RFC 7644 §4, RFC 7643 §5–§7.
 * https://datatracker.ietf.org/doc/html/rfc7644#section-4
 */
import { URN } from '../../scim/types.js';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from '../../scim/types.js';
import { expect4xx, expectListResponse, expectResource, expectScimError, expectStatus, fail } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { RFC, RFC_ENTRA } from './helpers.js';

const TYPES = new Set(['string', 'boolean', 'decimal', 'integer', 'dateTime', 'binary', 'reference', 'complex']);
const MUTABILITY = new Set(['readOnly', 'readWrite', 'immutable', 'writeOnly']);
const RETURNED = new Set(['always', 'never', 'default', 'request']);
const UNIQUENESS = new Set(['none', 'server', 'global']);

async function spc(ctx: CheckContext): Promise<Record<string, unknown>> {
  const res = await ctx.client.serviceProviderConfig();
  expectStatus(res, 200, 'GET /ServiceProviderConfig');
  return expectResource(res, 'GET /ServiceProviderConfig');
}

async function schemas(ctx: CheckContext): Promise<SchemaDefinition[]> {
  const res = await ctx.client.schemas();
  return expectListResponse(res, 'GET /Schemas').Resources as unknown as SchemaDefinition[];
}

async function resourceTypes(ctx: CheckContext): Promise<ResourceTypeDefinition[]> {
  const res = await ctx.client.resourceTypes();
  return expectListResponse(res, 'GET /ResourceTypes').Resources as unknown as ResourceTypeDefinition[];
}

function attributeProblems(attrs: readonly AttributeDefinition[], where: string): string[] {
  const problems: string[] = [];
  for (const a of attrs) {
    const at = `${where}.${a.name ?? '?'}`;
    if (typeof a.name !== 'string' || !a.name) problems.push(`${at}: no name`);
    if (!TYPES.has(a.type)) problems.push(`${at}: type ${JSON.stringify(a.type)}`);
    if (typeof a.multiValued !== 'boolean') problems.push(`${at}: multiValued not boolean`);
    if (a.mutability !== undefined && !MUTABILITY.has(a.mutability)) problems.push(`${at}: mutability ${JSON.stringify(a.mutability)}`);
    if (a.returned !== undefined && !RETURNED.has(a.returned)) problems.push(`${at}: returned ${JSON.stringify(a.returned)}`);
    if (a.uniqueness !== undefined && !UNIQUENESS.has(a.uniqueness)) problems.push(`${at}: uniqueness ${JSON.stringify(a.uniqueness)}`);
    if (a.type === 'complex' && Array.isArray(a.subAttributes)) problems.push(...attributeProblems(a.subAttributes, at));
  }
  return problems;
}

function writeRejected(id: string, path: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'): Check {
  return {
    id, title: `${method} ${path} is refused with 405`, area: 'discovery', spec: 'RFC 7644 §4', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const res = await ctx.client.request(method, path, method === 'DELETE' ? {} : { body: { schemas: [URN.ServiceProviderConfig] } });
      expectStatus(res, 405, `${method} ${path}`);
    },
  };
}

export const discoveryChecks: Check[] = [
  {
    id: 'discovery-spc-get', title: 'GET /ServiceProviderConfig answers 200 with the configuration', area: 'discovery',
    spec: 'RFC 7644 §4', level: 'MUST', profiles: RFC_ENTRA, mutating: false,
    async run(ctx) { await spc(ctx); },
  },
  {
    id: 'discovery-spc-schema', title: 'ServiceProviderConfig carries its schema URN', area: 'discovery',
    spec: 'RFC 7643 §5', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const body = await spc(ctx);
      const s = body.schemas;
      if (!Array.isArray(s) || !s.includes(URN.ServiceProviderConfig)) fail('schemas must include the ServiceProviderConfig URN', URN.ServiceProviderConfig, s);
    },
  },
  {
    id: 'discovery-spc-features', title: 'ServiceProviderConfig states patch, bulk, filter, changePassword, sort and etag support', area: 'discovery',
    spec: 'RFC 7643 §5', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const body = await spc(ctx);
      const missing = ['patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag'].filter((f) => {
        const v = body[f] as { supported?: unknown } | undefined;
        return !v || typeof v !== 'object' || typeof v.supported !== 'boolean';
      });
      if (missing.length) fail('each feature needs {"supported": boolean}', 'patch, bulk, filter, changePassword, sort, etag', `missing or malformed: ${missing.join(', ')}`);
    },
  },
  {
    id: 'discovery-spc-bulk-limits', title: 'advertised bulk states maxOperations and maxPayloadSize', area: 'discovery',
    spec: 'RFC 7643 §5', level: 'MUST', profiles: RFC, requires: ['bulk'], mutating: false,
    async run(ctx) {
      const bulk = (await spc(ctx)).bulk as { maxOperations?: unknown; maxPayloadSize?: unknown };
      if (!Number.isInteger(bulk.maxOperations) || !Number.isInteger(bulk.maxPayloadSize)) fail('bulk limits must be integers', 'maxOperations and maxPayloadSize integers', bulk);
    },
  },
  {
    id: 'discovery-spc-filter-max', title: 'advertised filtering states maxResults', area: 'discovery',
    spec: 'RFC 7643 §5', level: 'MUST', profiles: RFC, requires: ['filter'], mutating: false,
    async run(ctx) {
      const filter = (await spc(ctx)).filter as { maxResults?: unknown };
      if (!Number.isInteger(filter.maxResults)) fail('filter.maxResults must be an integer', 'integer', filter.maxResults);
    },
  },
  {
    id: 'discovery-spc-auth-schemes', title: 'ServiceProviderConfig lists authentication schemes with type, name and description', area: 'discovery',
    spec: 'RFC 7643 §5', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const schemes = (await spc(ctx)).authenticationSchemes;
      if (!Array.isArray(schemes) || schemes.length === 0) fail('authenticationSchemes must be a non-empty list', 'at least one scheme', schemes);
      const bad = schemes.filter((s: Record<string, unknown>) => typeof s?.type !== 'string' || typeof s?.name !== 'string' || typeof s?.description !== 'string');
      if (bad.length) fail('every scheme needs type, name and description', 'strings', bad);
    },
  },
  {
    id: 'discovery-schemas-list', title: 'GET /Schemas answers a ListResponse', area: 'discovery',
    spec: 'RFC 7644 §4', level: 'MUST', profiles: RFC_ENTRA, mutating: false,
    async run(ctx) { await schemas(ctx); },
  },
  {
    id: 'discovery-schemas-user', title: '/Schemas describes the User schema with userName', area: 'discovery',
    spec: 'RFC 7643 §7', level: 'MUST', profiles: RFC_ENTRA, mutating: false,
    async run(ctx) {
      const user = (await schemas(ctx)).find((s) => s.id === URN.User);
      if (!user) fail('the User schema is missing', URN.User, 'absent');
      if (!user.attributes?.some((a) => a.name?.toLowerCase() === 'username')) fail('the User schema lacks userName', 'userName', user.attributes?.map((a) => a.name));
    },
  },
  {
    id: 'discovery-schemas-group', title: '/Schemas describes the Group schema with displayName and members', area: 'discovery',
    spec: 'RFC 7643 §7', level: 'MUST', profiles: RFC, requires: ['groups'], mutating: false,
    async run(ctx) {
      const group = (await schemas(ctx)).find((s) => s.id === URN.Group);
      if (!group) fail('the Group schema is missing', URN.Group, 'absent');
      const names = (group.attributes ?? []).map((a) => a.name?.toLowerCase());
      if (!names.includes('displayname') || !names.includes('members')) fail('the Group schema lacks displayName or members', 'displayName, members', names);
    },
  },
  {
    id: 'discovery-schemas-attributes', title: 'every schema attribute has a valid name, type, multiValued and characteristics', area: 'discovery',
    spec: 'RFC 7643 §7', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const problems = (await schemas(ctx)).flatMap((s) => {
        if (typeof s.id !== 'string' || !s.id.startsWith('urn:')) return [`schema ${JSON.stringify(s.id)}: id is not a URN`];
        if (!Array.isArray(s.attributes)) return [`${s.id}: no attributes list`];
        return attributeProblems(s.attributes, s.id);
      });
      if (problems.length) fail(`${problems.length} malformed attribute definition(s)`, 'valid RFC 7643 §7 characteristics', problems.slice(0, 10));
    },
  },
  {
    id: 'discovery-schemas-by-id', title: 'GET /Schemas/{User URN} returns that schema', area: 'discovery',
    spec: 'RFC 7644 §4', level: 'SHOULD', profiles: RFC, mutating: false,
    async run(ctx) {
      const res = await ctx.client.request('GET', `/Schemas/${URN.User}`);
      expectStatus(res, 200, 'GET /Schemas/{id}');
      const body = expectResource(res, 'GET /Schemas/{id}');
      if (body.id !== URN.User) fail('wrong schema returned', URN.User, body.id, res);
    },
  },
  {
    id: 'discovery-schemas-meta-schemas', title: '/Schemas also describes ServiceProviderConfig, ResourceType and Schema', area: 'discovery',
    spec: 'RFC 7643 §8.7.2', level: 'MAY', profiles: RFC, mutating: false,
    async run(ctx) {
      const ids = (await schemas(ctx)).map((s) => s.id);
      const missing = [URN.ServiceProviderConfig, URN.ResourceType, URN.Schema].filter((u) => !ids.includes(u));
      if (missing.length) fail('meta-schemas missing', 'all three', `missing ${missing.join(', ')}`);
    },
  },
  {
    id: 'discovery-schemas-unknown-404', title: 'an unknown schema URN answers 404 with a SCIM error', area: 'discovery',
    spec: 'RFC 7644 §3.12', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const res = await ctx.client.request('GET', `/Schemas/urn:example:params:scim:schemas:${ctx.prefix}`);
      expectScimError(res, 404, 'GET /Schemas/{unknown}');
    },
  },
  {
    id: 'discovery-resource-types-list', title: 'GET /ResourceTypes answers a ListResponse including User', area: 'discovery',
    spec: 'RFC 7644 §4', level: 'MUST', profiles: RFC_ENTRA, mutating: false,
    async run(ctx) {
      const types = await resourceTypes(ctx);
      if (!types.some((t) => t.name === 'User')) fail('no User resource type', 'User', types.map((t) => t.name));
    },
  },
  {
    id: 'discovery-resource-types-user', title: 'the User resource type has endpoint /Users and the User schema', area: 'discovery',
    spec: 'RFC 7643 §6', level: 'MUST', profiles: RFC, mutating: false,
    async run(ctx) {
      const user = (await resourceTypes(ctx)).find((t) => t.name === 'User');
      if (!user || user.endpoint !== '/Users' || user.schema !== URN.User) fail('User resource type malformed', { endpoint: '/Users', schema: URN.User }, user);
    },
  },
  {
    id: 'discovery-resource-types-group', title: 'the Group resource type has endpoint /Groups and the Group schema', area: 'discovery',
    spec: 'RFC 7643 §6', level: 'MUST', profiles: RFC, requires: ['groups'], mutating: false,
    async run(ctx) {
      const group = (await resourceTypes(ctx)).find((t) => t.name === 'Group');
      if (!group || group.endpoint !== '/Groups' || group.schema !== URN.Group) fail('Group resource type malformed', { endpoint: '/Groups', schema: URN.Group }, group);
    },
  },
  {
    id: 'discovery-resource-types-schemas-described', title: 'every schema and extension a resource type names is described in /Schemas', area: 'discovery',
    spec: 'RFC 7643 §6', level: 'SHOULD', profiles: RFC, mutating: false,
    async run(ctx) {
      const described = new Set((await schemas(ctx)).map((s) => s.id));
      const named = (await resourceTypes(ctx)).flatMap((t) => [t.schema, ...(t.schemaExtensions ?? []).map((e) => e.schema)]);
      const missing = named.filter((n) => !described.has(n));
      if (missing.length) fail('schemas named but not described', 'all described', missing);
    },
  },
  {
    id: 'discovery-resource-types-by-id', title: 'GET /ResourceTypes/User returns that resource type', area: 'discovery',
    spec: 'RFC 7644 §4', level: 'SHOULD', profiles: RFC, mutating: false,
    async run(ctx) {
      const res = await ctx.client.request('GET', '/ResourceTypes/User');
      expectStatus(res, 200, 'GET /ResourceTypes/User');
      const body = expectResource(res, 'GET /ResourceTypes/User');
      if (body.name !== 'User' && body.id !== 'User') fail('wrong resource type', 'User', body.name, res);
    },
  },
  {
    id: 'discovery-resource-types-unknown-404', title: 'an unknown resource type answers 404 with a SCIM error', area: 'discovery',
    spec: 'RFC 7644 §3.12', level: 'SHOULD', profiles: RFC, mutating: false,
    async run(ctx) { expectScimError(await ctx.client.request('GET', `/ResourceTypes/${ctx.prefix}`), 404, 'GET /ResourceTypes/{unknown}'); },
  },
  writeRejected('discovery-spc-post-405', '/ServiceProviderConfig', 'POST'),
  writeRejected('discovery-schemas-put-405', '/Schemas', 'PUT'),
  writeRejected('discovery-resource-types-delete-405', '/ResourceTypes', 'DELETE'),
  {
    id: 'discovery-writes-not-5xx', title: 'PATCH on discovery endpoints is refused with a 4xx', area: 'discovery',
    spec: 'RFC 7644 §4', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      for (const path of ['/ServiceProviderConfig', '/Schemas', '/ResourceTypes']) {
        expect4xx(await ctx.client.request('PATCH', path, { body: { schemas: [URN.PatchOp], Operations: [] } }), `PATCH ${path}`);
      }
    },
  },
];

