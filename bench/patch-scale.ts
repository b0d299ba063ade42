/**
 * @module bench/patch-scale
 * PATCH costs that grow with what a resource already holds (not a test: numbers, no assertions):
 * many values added in one PATCH (phoneNumbers, new members) and one member added to or removed
 * from a large group. Each request goes over HTTP to an in-process target (memory store by
 * default, `--durable` for the durable store), and the event loop's worst stall is reported.
 *   node --import tsx bench/patch-scale.ts [--group 50000] [--durable]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/start.js';
import { createDurableStore, createMemoryStore } from '../server/store/index.js';
import type { ResourceStore } from '../server/store/index.js';

const args = process.argv.slice(2);
const GROUP = Number(args[args.indexOf('--group') + 1] || 50_000) || 50_000;
const DURABLE = args.includes('--durable');
const TOKEN = 'bench-token';
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const dir = mkdtempSync(join(tmpdir(), 'scimulator-patch-scale-'));
const server = await startServer({
  port: 0,
  auth: { bearer: [TOKEN] },
  store: (baseUrl): ResourceStore | Promise<ResourceStore> =>
    DURABLE ? createDurableStore({ baseUrl, file: join(dir, 'db.json') }) : createMemoryStore({ baseUrl }),
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; ms: number; json: unknown }> {
  const started = performance.now();
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { status: res.status, ms, json: text ? JSON.parse(text) : undefined };
}

const patch = (op: string, path: string, value?: unknown) => ({ schemas: [PATCH_URN], Operations: [{ op, path, ...(value === undefined ? {} : { value }) }] });
const report = (name: string, ms: number) => process.stdout.write(`${name.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms\n`);

try {
  const total = GROUP + 5_001;
  const users = await server.store.createMany!('User', Array.from({ length: total }, (_, i) => ({ schemas: [USER_URN], userName: `u${i}@example.com` })));
  const ids = users.map((u) => u.id);
  const one = ids[0]!;

  for (const n of [10_000, 20_000]) {
    const phones = Array.from({ length: n }, (_, i) => ({ type: 'work', value: `+1 555 ${String(i).padStart(7, '0')}` }));
    report(`add ${n} phoneNumbers in one PATCH`, (await call('PATCH', `/Users/${one}`, patch('add', 'phoneNumbers', phones))).ms);
    await call('PATCH', `/Users/${one}`, patch('remove', 'phoneNumbers'));
  }

  const created = await call('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'big', members: ids.slice(0, GROUP).map((value) => ({ value })) });
  const gid = (created.json as { id: string }).id;
  report(`create a ${GROUP}-member group`, created.ms);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    times.push((await call('PATCH', `/Groups/${gid}`, patch('add', 'members', [{ value: ids[GROUP + i]! }]))).ms);
  }
  times.sort((a, b) => a - b);
  report(`add 1 member to ${GROUP} (median of 20)`, times[10]!);
  const removes: number[] = [];
  for (let i = 0; i < 20; i++) {
    removes.push((await call('PATCH', `/Groups/${gid}`, patch('remove', `members[value eq "${ids[GROUP + i]!}"]`))).ms);
  }
  removes.sort((a, b) => a - b);
  report(`remove 1 member from ${GROUP} (median of 20)`, removes[10]!);
  report(`add 5000 new members to ${GROUP}`, (await call('PATCH', `/Groups/${gid}`, patch('add', 'members', ids.slice(GROUP, GROUP + 5_000).map((value) => ({ value }))))).ms);
  const bulk = {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
    Operations: Array.from({ length: 100 }, (_, i) => ({ method: 'PATCH', path: `/Groups/${gid}`, data: patch(i % 2 ? 'remove' : 'add', 'members', [{ value: ids[i]! }]) })),
  };
  report(`Bulk of 100 member PATCHes on ${GROUP + 5000}`, (await call('POST', '/Bulk', bulk)).ms);
  report(`GET the group (${GROUP + 5000} members)`, (await call('GET', `/Groups/${gid}`)).ms);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
