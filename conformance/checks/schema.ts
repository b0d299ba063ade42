/**
 * @module conformance/checks/schema
 * Schema-driven checks: what /Schemas says about each attribute is what the target does
 * (RFC 7643 §2.2, §7): required attributes are enforced, `returned: never` stays hidden, and
 * every writable simple attribute — core, enterprise or custom — round-trips.
 * https://datatracker.ietf.org/doc/html/rfc7643#section-7
 */
import { URN } from '../../scim/types.js';
import type { AttributeDefinition, SchemaDefinition } from '../../scim/types.js';
import { attr, expect4xx, expectEqual, fail } from '../assert.js';
import type { Check, CheckContext } from '../types.js';
import { RFC, read } from './helpers.js';

/** Attributes the fixture user builder or other checks already own, or that the server derives. */
const SKIP = new Set(['id', 'externalid', 'username', 'password', 'active', 'displayname']);
const KNOWN_SCHEMAS = new Set<string>([URN.User, URN.Group, URN.EnterpriseUser]);
const SAMPLE: Record<string, unknown> = { locale: 'en-US', preferredlanguage: 'en-US', timezone: 'America/Los_Angeles', usertype: 'Employee' };

function userSchemas(ctx: CheckContext): SchemaDefinition[] {
  const ids = [URN.User as string, ...ctx.discovery.userExtensions];
  return ctx.discovery.schemas.filter((s) => ids.includes(s.id));
}

function writableSimple(a: AttributeDefinition): boolean {
  return !a.multiValued && a.type !== 'complex' && a.type !== 'reference' && a.type !== 'binary'
    && (a.mutability ?? 'readWrite') === 'readWrite' && (a.returned ?? 'default') !== 'never' && a.uniqueness !== 'server' && a.uniqueness !== 'global';
}

function sample(a: AttributeDefinition, ctx: CheckContext): unknown {
  if (a.canonicalValues?.length) return a.canonicalValues[0];
  switch (a.type) {
    case 'boolean': return true;
    case 'integer': return 42;
    case 'decimal': return 4.5;
    case 'dateTime': return '2024-05-06T07:08:09Z';
    default: return SAMPLE[a.name.toLowerCase()] ?? `v-${a.name}-${ctx.prefix}`;
  }
}

/** One body setting every writable simple attribute of the given schemas; the paths and values to check. */
function roundTripBody(ctx: CheckContext, schemas: SchemaDefinition[]): { body: Record<string, unknown>; expected: [string, unknown][] } {
  const body = ctx.userBody();
  const expected: [string, unknown][] = [];
  for (const schema of schemas) {
    const core = schema.id === URN.User;
    const target = core ? body : ((body[schema.id] as Record<string, unknown> | undefined) ?? (body[schema.id] = {}) as Record<string, unknown>);
    if (!core) body.schemas = [...(body.schemas as string[]), schema.id];
    for (const a of schema.attributes ?? []) {
      if (!core && a.type === 'complex' && !a.multiValued) continue;
      if (SKIP.has(a.name.toLowerCase()) || !writableSimple(a)) continue;
      const value = sample(a, ctx);
      target[a.name] = value;
      expected.push([core ? a.name : `${schema.id}:${a.name}`, value]);
    }
  }
  return { body, expected };
}

async function roundTrip(ctx: CheckContext, schemas: SchemaDefinition[]): Promise<void> {
  const { body, expected } = roundTripBody(ctx, schemas);
  if (!expected.length) ctx.skip('no writable simple attributes in these schemas');
  const got = await read(ctx, '/Users', (await ctx.createUser(body)).id);
  const wrong = expected.filter(([path, value]) => JSON.stringify(attr(got, path)) !== JSON.stringify(value));
  if (wrong.length) fail(`${wrong.length} attribute(s) did not round-trip`, Object.fromEntries(wrong), Object.fromEntries(wrong.map(([p]) => [p, attr(got, p)])));
}

export const schemaChecks: Check[] = [
  {
    id: 'schema-core-attributes-round-trip', title: 'every writable simple User attribute in /Schemas round-trips', area: 'schema',
    spec: 'RFC 7643 §4.1', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const core = userSchemas(ctx).filter((s) => s.id === URN.User);
      if (!core.length) ctx.skip('/Schemas does not describe the User schema');
      await roundTrip(ctx, core);
    },
  },
  {
    id: 'schema-extension-attributes-round-trip', title: 'every writable simple attribute of the User extensions round-trips', area: 'schema',
    spec: 'RFC 7643 §3.3', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const ext = userSchemas(ctx).filter((s) => s.id !== URN.User);
      if (!ext.length) ctx.skip('not advertised: User schema extensions');
      await roundTrip(ctx, ext);
    },
  },
  {
    id: 'schema-custom-attributes-round-trip', title: 'custom attributes found in /Schemas round-trip', area: 'schema',
    spec: 'RFC 7643 §3.3', level: 'SHOULD', profiles: RFC, mutating: true,
    async run(ctx) {
      const custom = userSchemas(ctx).filter((s) => !KNOWN_SCHEMAS.has(s.id));
      if (!custom.length) ctx.skip('no custom User schema advertised');
      await roundTrip(ctx, custom);
    },
  },
  {
    id: 'schema-required-enforced', title: 'every required writable User attribute is enforced on create', area: 'schema',
    spec: 'RFC 7643 §2.2', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const core = userSchemas(ctx).find((s) => s.id === URN.User);
      if (!core) return ctx.skip('/Schemas does not describe the User schema');
      const required = (core.attributes ?? []).filter((a) => a.required && (a.mutability ?? 'readWrite') !== 'readOnly' && a.name !== 'id');
      for (const a of required) {
        const body: Record<string, unknown> = ctx.userBody();
        for (const key of Object.keys(body)) if (key.toLowerCase() === a.name.toLowerCase()) delete body[key];
        const res = await ctx.post('/Users', body as never);
        expect4xx(res, `POST /Users without the required ${a.name}`);
      }
    },
  },
  {
    id: 'schema-returned-never', title: 'attributes declared returned "never" are not returned', area: 'schema',
    spec: 'RFC 7643 §7', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const never = userSchemas(ctx).flatMap((s) => (s.attributes ?? []).filter((a) => a.returned === 'never' && a.type === 'string' && !a.multiValued).map((a) => ({ a, s })));
      if (!never.length) ctx.skip('no attribute declared returned "never"');
      const body: Record<string, unknown> = ctx.userBody();
      for (const { a, s } of never) {
        if (s.id === URN.User) body[a.name] = `Secret-${ctx.prefix}-1aA!`;
      }
      const user = await ctx.createUser(body);
      const got = await read(ctx, '/Users', user.id);
      const leaked = never.filter(({ a, s }) => attr(got, s.id === URN.User ? a.name : `${s.id}:${a.name}`) !== undefined || attr(user, a.name) !== undefined);
      if (leaked.length) fail('returned-never attributes came back', 'absent', leaked.map(({ a }) => a.name));
    },
  },
  {
    id: 'schema-attribute-names-case-insensitive', title: 'attribute names in requests are case-insensitive', area: 'schema',
    spec: 'RFC 7643 §2.1', level: 'MUST', profiles: RFC, mutating: true,
    async run(ctx) {
      const { userName, ...rest } = ctx.userBody();
      const user = await ctx.createUser({ ...rest, USERNAME: userName, userName: undefined, NickName: 'Cased' });
      const got = await read(ctx, '/Users', user.id);
      expectEqual([attr(got, 'userName'), attr(got, 'nickName')], [userName, 'Cased'], 'userName, nickName');
    },
  },
];
