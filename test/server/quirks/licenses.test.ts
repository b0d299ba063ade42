import { expect } from 'chai';
import { ScimError } from '../../../scim/errors.js';
import type { ScimResource } from '../../../scim/types.js';
import { createQuirkRuntime } from '../../../server/quirks/index.js';
import type { QuirkProfile, QuirkRuntime } from '../../../server/quirks/index.js';
import { createMemoryStore } from '../../../server/store/index.js';
import type { ResourceStore } from '../../../server/store/types.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const user = (userName: string, extra: Record<string, unknown> = {}): ScimResource => ({ schemas: [USER], userName, ...extra });

/** Creates through the quirk, as the server does: beforeWrite, then the store. */
async function create(runtime: QuirkRuntime, store: ResourceStore, resource: ScimResource) {
  return store.create('User', runtime.beforeWrite({ resourceType: 'User', operation: 'create', resource, store }));
}

function setUp(licenses: QuirkProfile['licenses']) {
  return { runtime: createQuirkRuntime({ description: 't', licenses }), store: createMemoryStore({ baseUrl: 'http://scim.test/scim/v2' }) };
}

describe('server/quirks/licenses', () => {
  it('should refuse creating an active user beyond the seat count with 403 and the reason', async () => {
    const { runtime, store } = setUp({ seats: 2 });
    await create(runtime, store, user('a'));
    await create(runtime, store, user('b'));
    const error = await create(runtime, store, user('c')).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ScimError);
    expect((error as ScimError).status).to.equal(403);
    expect((error as ScimError).message).to.equal('No licence available: all 2 seats are in use');
    expect(store.count('User')).to.equal(2);
  });

  it('should let inactive users in without a seat and refuse re-activating one beyond the count', async () => {
    const { runtime, store } = setUp({ seats: 1 });
    await create(runtime, store, user('a'));
    const b = await create(runtime, store, user('b', { active: false }));
    const reactivate = () => runtime.beforeWrite({ resourceType: 'User', operation: 'replace', existing: b, resource: user('b', { active: true }), store });
    expect(reactivate).to.throw(ScimError, 'No licence available');
  });

  it('should free the seat when a user is deactivated or deleted', async () => {
    const { runtime, store } = setUp({ seats: 1 });
    const a = await create(runtime, store, user('a'));
    await store.replace('User', a.id, runtime.beforeWrite({ resourceType: 'User', operation: 'patch', existing: a, resource: user('a', { active: false }), store }));
    const b = await create(runtime, store, user('b'));
    await store.delete('User', b.id);
    await create(runtime, store, user('c'));
    expect(store.count('User')).to.equal(2);
  });

  it('should let an already licensed user be updated when the seats are full', async () => {
    const { runtime, store } = setUp({ seats: 1 });
    const a = await create(runtime, store, user('a'));
    expect(() => runtime.beforeWrite({ resourceType: 'User', operation: 'replace', existing: a, resource: user('a', { displayName: 'A' }), store })).to.not.throw();
  });

  it('should refuse a role whose licence has run out, with the configured status, scimType and detail', async () => {
    const { runtime, store } = setUp({
      roles: { Admin: 'premium' }, pools: { premium: 1 },
      refusal: { status: 409, scimType: 'uniqueness', detail: 'No {licence} licence left for {userName} ({seats} total)' },
    });
    await create(runtime, store, user('a', { roles: [{ value: 'admin' }] }));
    await create(runtime, store, user('b', { roles: [{ value: 'reader' }] }));
    const error = await create(runtime, store, user('c', { roles: [{ value: 'Admin' }] })).then(() => undefined, (e: unknown) => e as ScimError);
    expect(error?.toJSON()).to.deep.equal({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'uniqueness', detail: 'No premium licence left for c (1 total)',
    });
  });

  it('should read roles from a configured attribute', async () => {
    const { runtime, store } = setUp({ roleAttribute: 'title', roles: { boss: 'exec' }, pools: { exec: 0 } });
    const error = await create(runtime, store, user('a', { title: 'Boss' })).then(() => undefined, (e: unknown) => e as ScimError);
    expect(error?.message).to.equal("No 'exec' licence available: all 0 are assigned");
  });

  describe('#signin()', () => {
    it('should answer ok for an active licensed user and give the reason otherwise', async () => {
      const { runtime, store } = setUp({ seats: 1 });
      await create(runtime, store, user('Ada'));
      await create(runtime, store, user('bob', { active: false }));
      expect(runtime.signin('ada', store)).to.deep.equal({ ok: true });
      expect(runtime.signin('bob', store)).to.deep.equal({ ok: false, reason: "user 'bob' is deactivated (active=false)" });
      expect(runtime.signin('carol', store)).to.deep.equal({ ok: false, reason: "no user with userName 'carol'" });
    });

    it('should give licences to the earliest-created active users when the limit drops below them', async () => {
      const store = createMemoryStore({ baseUrl: 'http://scim.test/scim/v2' });
      const open = createQuirkRuntime({ description: 'open' });
      await create(open, store, user('a'));
      await create(open, store, user('b'));
      const limited = createQuirkRuntime({ description: 't', licenses: { seats: 1 } });
      expect(limited.signin('a', store)).to.deep.equal({ ok: true });
      expect(limited.signin('b', store)).to.deep.equal({ ok: false, reason: "user 'b' holds no licence: no seat: all 1 seats are held by other users" });
    });

    it('should match userName case-sensitively under caseExactUserName', async () => {
      const runtime = createQuirkRuntime({ description: 't', caseExactUserName: true });
      const store = createMemoryStore({ baseUrl: 'http://scim.test/scim/v2', caseExactUserName: true });
      await create(runtime, store, user('Ada'));
      expect(runtime.signin('Ada', store)).to.deep.equal({ ok: true });
      expect(runtime.signin('ada', store).ok).to.equal(false);
    });
  });
});
