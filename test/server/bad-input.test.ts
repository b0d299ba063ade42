import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { BASE, GROUP_URN, TOKEN, USER_URN, expectScim, expectScimError, target } from './helpers.js';

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  raw?: string;
  oversize?: number;
  deep?: number;
  contentType?: string;
  status: number;
  scimType?: string;
}

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'bad-input.json'), 'utf8')) as { cases: Case[] };

function payload(c: Case, ids: Record<string, string>): string | undefined {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? `{${k}}`);
  if (c.raw !== undefined) return fill(c.raw);
  if (c.oversize !== undefined) return JSON.stringify({ schemas: [USER_URN], userName: 'victim', displayName: 'x'.repeat(c.oversize) });
  if (c.deep !== undefined) {
    const nested = `${'['.repeat(c.deep)}${']'.repeat(c.deep)}`;
    return `{"schemas":["${USER_URN}"],"userName":"victim","name":{"givenName":${nested}}}`;
  }
  return c.body === undefined ? undefined : fill(JSON.stringify(c.body));
}

describe('server bad input (RFC 7644 §3.12): refused, nothing half-applied, still answering', () => {
  for (const c of fixture.cases) {
    it(`should answer ${c.status}${c.scimType ? ` ${c.scimType}` : ''} to ${c.name}`, async () => {
      const t = target({ maxBodyBytes: 64 * 1024 });
      const victim = (await t.post('/Users', { schemas: [USER_URN], userName: 'victim', displayName: 'Original', active: true })).body;
      const other = (await t.post('/Users', { schemas: [USER_URN], userName: 'other' })).body;
      const group = (await t.post('/Groups', { schemas: [GROUP_URN], displayName: 'Victims', members: [{ value: victim.id }] })).body;
      const ids = { userId: victim.id, otherId: other.id, groupId: group.id };
      const before = { users: t.store.query('User'), groups: t.store.query('Group') };

      const path = `${BASE}${c.path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k as keyof typeof ids])}`;
      let req = request(t.app)[c.method.toLowerCase() as 'get'](path).set('Authorization', `Bearer ${TOKEN}`);
      const body = payload(c, ids);
      if (body !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/scim+json').send(body);
      const res = await req;

      expectScimError(res, c.status, c.scimType);
      expect(t.store.query('User')).to.deep.equal(before.users);
      expect(t.store.query('Group')).to.deep.equal(before.groups);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expectScim(await t.get('/ServiceProviderConfig'), 200);
    });
  }
});
