/**
 * A profile that is off changes nothing: the same representative requests against a plain target
 * and one under strict-rfc give the same responses (ids, timestamps and versions normalised).
 */
import { expect } from 'chai';
import type { Response } from 'supertest';
import { createQuirkRuntime, loadQuirkProfile } from '../../../server/quirks/index.js';
import { createMemoryStore } from '../../../server/store/index.js';
import { BASE_URL, group, patchOp, target, user } from '../helpers.js';
import type { TestTarget } from '../helpers.js';

interface Seen { status: number; type: string | undefined; headers: Record<string, string | undefined>; body: unknown }

/** Replaces every id the server made with its order of first appearance, and times with a marker. */
function normaliser(): (res: Response) => Seen {
  const ids = new Map<string, string>();
  const swap = (text: string): string =>
    text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
      return ids.get(id)!;
    }).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME');
  return (res) => ({
    status: res.status,
    type: res.headers['content-type'],
    headers: { location: res.headers.location && swap(res.headers.location), etag: res.headers.etag, allow: res.headers.allow, 'retry-after': res.headers['retry-after'] },
    body: JSON.parse(swap(JSON.stringify(res.body ?? null))),
  });
}

async function script(t: TestTarget): Promise<Seen[]> {
  const seen = normaliser();
  const out: Seen[] = [];
  const step = async (req: PromiseLike<Response>) => out.push(seen(await req));
  const ada = await t.post('/Users', user('ada@example.com', { displayName: 'Ada Lovelace', name: { givenName: 'Ada', familyName: 'Lovelace' }, emails: [{ type: 'work', value: 'ada@example.com', primary: true }] }));
  out.push(seen(ada));
  await step(t.post('/Users', user('bob@example.com', { active: false, externalId: 'b-1' })));
  await step(t.post('/Users', user('ADA@example.com')));
  await step(t.post('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] }));
  await step(t.get(`/Users/${ada.body.id}`));
  await step(t.get('/Users/does-not-exist'));
  await step(t.get('/Users?filter=' + encodeURIComponent('userName eq "ADA@EXAMPLE.COM"')));
  await step(t.get('/Users?filter=' + encodeURIComponent('externalId eq "b-1" or displayName co "Love"') + '&sortBy=userName'));
  await step(t.get('/Users?filter=' + encodeURIComponent('userName eq')));
  await step(t.get('/Users?count=1&startIndex=2&attributes=userName'));
  await step(t.put(`/Users/${ada.body.id}`, user('ada@example.com', { displayName: 'Countess' })));
  await step(t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', path: 'title', value: 'Analyst' })));
  await step(t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', value: { active: false } })));
  const g = await t.post('/Groups', group('Engineers', { members: [{ value: ada.body.id }] }));
  out.push(seen(g));
  await step(t.get('/Groups'));
  await step(t.delete(`/Groups/${g.body.id}`));
  await step(t.delete(`/Users/${ada.body.id}`));
  await step(t.get(`/Users/${ada.body.id}`));
  await step(t.get('/ServiceProviderConfig'));
  return out;
}

describe('server/quirks strict-rfc profile', () => {
  it('should answer a representative set of requests exactly like the plain server', async () => {
    const plain = await script(target({ store: createMemoryStore({ baseUrl: BASE_URL }) }));
    const profile = await loadQuirkProfile('strict-rfc');
    const strict = await script(target({ quirks: createQuirkRuntime(profile), quirkProfile: profile, store: createMemoryStore({ baseUrl: BASE_URL }) }));
    expect(strict).to.have.length(plain.length);
    plain.forEach((p, i) => expect(strict[i], `request ${i + 1}`).to.deep.equal(p));
    expect(new Set(plain.map((p) => p.status)).size).to.be.above(4);
  });

  it('should mount a bare next() as the gate and give back the very resource it was given', async () => {
    const runtime = createQuirkRuntime(await loadQuirkProfile('strict-rfc'));
    let called = 0;
    runtime.gate({} as never, {} as never, () => void (called += 1));
    expect(called).to.equal(1);
    const resource = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'x' };
    expect(runtime.beforeWrite({ resourceType: 'User', operation: 'create', resource, store: createMemoryStore({ baseUrl: BASE_URL }) })).to.equal(resource);
    expect(runtime.onDelete({ resourceType: 'User', existing: {} as never })).to.equal('delete');
    expect(runtime.pageSizeMax).to.equal(undefined);
    expect(runtime.caseExactUserName).to.equal(false);
  });
});
