/**
 * The write, read and admin quirks through HTTP against the real createServer.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createQuirkRuntime, loadQuirkProfile } from '../../../server/quirks/index.js';
import type { QuirkProfile } from '../../../server/quirks/index.js';
import { createMemoryStore } from '../../../server/store/index.js';
import { BASE_URL, TOKEN, expectScim, expectScimError, patchOp, target, user } from '../helpers.js';

function withQuirks(profile: Omit<QuirkProfile, 'description'>, caseExactUserName = false) {
  const quirks = createQuirkRuntime({ description: 'test', ...profile });
  return target({ quirks, quirkProfile: { description: 'test', ...profile }, store: createMemoryStore({ baseUrl: BASE_URL, caseExactUserName }) });
}

const filter = (text: string) => `/Users?filter=${encodeURIComponent(text)}`;
const admin = (t: ReturnType<typeof target>, method: 'get' | 'put' | 'post' | 'delete', path: string) =>
  request(t.app)[method](`/_admin${path}`).set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'application/scim+json');

describe('server/quirks writes over HTTP', () => {
  describe('truncate', () => {
    it('should cut silently on create, replace and patch (Slack), and the next read shows the cut value', async () => {
      const t = withQuirks({ truncate: { User: { displayName: 4 } } });
      const created = await t.post('/Users', user('ada', { displayName: 'Ada Lovelace' }));
      expectScim(created, 201);
      expect(created.body.displayName).to.equal('Ada ');
      const id = created.body.id as string;
      expect((await t.put(`/Users/${id}`, user('ada', { displayName: 'Augusta' }))).body.displayName).to.equal('Augu');
      expect((await t.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Countess' }))).body.displayName).to.equal('Coun');
      expect((await t.get(`/Users/${id}`)).body.displayName).to.equal('Coun');
    });

    it("should answer 400 invalidValue in 'reject' mode and store nothing", async () => {
      const t = withQuirks({ truncate: { mode: 'reject', User: { userName: 5 } } });
      const res = await t.post('/Users', user('ada.lovelace'));
      expectScimError(res, 400, 'invalidValue');
      expect(res.body.detail).to.equal("Attribute 'userName' is longer than 5 characters");
      expect(t.store.count('User')).to.equal(0);
    });
  });

  describe('licenses', () => {
    it('should refuse the user beyond the seats like a real app, and a deactivation frees the seat', async () => {
      const t = withQuirks({ licenses: { seats: 1, refusal: { status: 403, detail: 'License limit reached ({seats} seats)' } } });
      const ada = await t.post('/Users', user('ada'));
      const refused = await t.post('/Users', user('bob'));
      expectScimError(refused, 403);
      expect(refused.body.detail).to.equal('License limit reached (1 seats)');
      await t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', path: 'active', value: false }));
      expectScim(await t.post('/Users', user('bob')), 201);
      const reactivate = await t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', path: 'active', value: true }));
      expectScimError(reactivate, 403);
    });

    it('should free the seat on DELETE', async () => {
      const t = withQuirks({ licenses: { seats: 1 } });
      const ada = await t.post('/Users', user('ada'));
      expect((await t.delete(`/Users/${ada.body.id}`)).status).to.equal(204);
      expectScim(await t.post('/Users', user('bob')), 201);
    });
  });

  describe('POST /_admin/signin', () => {
    it('should answer 200 for an active licensed user and 403 with the reason otherwise', async () => {
      const t = withQuirks({ licenses: { roles: { admin: 'premium' }, pools: { premium: 1 } } });
      await t.post('/Users', user('ada', { roles: [{ value: 'admin' }] }));
      await t.post('/Users', user('bob', { active: false }));
      const ok = await admin(t, 'post', '/signin').send({ userName: 'ADA' });
      expectScim(ok, 200);
      const disabled = await admin(t, 'post', '/signin').send({ userName: 'bob' });
      expectScimError(disabled, 403);
      expect(disabled.body.detail).to.equal("user 'bob' is deactivated (active=false)");
      expectScimError(await admin(t, 'post', '/signin').send({ userName: 'carol' }), 403);
    });
  });

  describe('softDeleteOnly', () => {
    it('should answer DELETE with 204 but keep the user, deactivated', async () => {
      const t = withQuirks({ softDeleteOnly: true });
      const ada = await t.post('/Users', user('ada'));
      expect((await t.delete(`/Users/${ada.body.id}`)).status).to.equal(204);
      const after = await t.get(`/Users/${ada.body.id}`);
      expectScim(after, 200);
      expect(after.body.active).to.equal(false);
    });
  });

  describe('filterSupport', () => {
    it('should answer an unsupported filter with 400 invalidFilter', async () => {
      const t = withQuirks({ filterSupport: { attributes: ['userName'], operators: ['eq'], unsupported: 'reject' } });
      expectScimError(await t.get(filter('externalId eq "x"')), 400, 'invalidFilter');
      expectScimError(await t.get(filter('userName co "a"')), 400, 'invalidFilter');
      expectScim(await t.get(filter('userName eq "a"')), 200);
    });

    it('should ignore an unsupported filter and return every resource (the dangerous case)', async () => {
      const t = withQuirks({ filterSupport: { attributes: ['userName'], unsupported: 'ignore' } });
      await t.post('/Users', user('ada', { externalId: 'e1' }));
      await t.post('/Users', user('bob', { externalId: 'e2' }));
      const res = await t.get(filter('externalId eq "e2"'));
      expectScim(res, 200);
      expect(res.body.totalResults).to.equal(2);
      expect(res.body.Resources[0].userName).to.equal('ada');
      expect((await t.get(filter('userName eq "bob"'))).body.totalResults).to.equal(1);
    });
  });

  describe('pageSizeMax', () => {
    it('should return at most pageSizeMax resources whatever count asks', async () => {
      const t = withQuirks({ pageSizeMax: 2 });
      for (const name of ['a', 'b', 'c']) await t.post('/Users', user(name));
      const res = await t.get('/Users?count=50');
      expectScim(res, 200);
      expect(res.body.totalResults).to.equal(3);
      expect(res.body.itemsPerPage).to.equal(2);
      expect(res.body.Resources).to.have.length(2);
    });
  });

  describe('patchSupport', () => {
    it('should refuse path-less operations and value-filter paths', async () => {
      const t = withQuirks({ patchSupport: { pathless: false, valueFilterPaths: false } });
      const ada = await t.post('/Users', user('ada', { emails: [{ type: 'work', value: 'a@x.io' }] }));
      const pathless = await t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', value: { active: false } }));
      expectScimError(pathless, 400, 'invalidPath');
      expect(pathless.body.detail).to.equal('operation 1: a path is required');
      expectScimError(await t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', path: 'emails[type eq "work"].value', value: 'b@x.io' })), 400, 'invalidPath');
      expectScim(await t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', path: 'active', value: false })), 200);
    });
  });

  describe('caseExactUserName', () => {
    it('should make userName uniqueness case-sensitive (UPN vs userName)', async () => {
      const t = withQuirks({ caseExactUserName: true }, true);
      expectScim(await t.post('/Users', user('Ada@Example.com')), 201);
      expectScim(await t.post('/Users', user('ada@example.com')), 201);
      expect((await t.get(filter('userName eq "Ada@Example.com"'))).body.Resources.map((u: { userName: string }) => u.userName)).to.include('Ada@Example.com');
    });

    it('should make userName filters case-sensitive: the other casing finds only its own user', async () => {
      const t = withQuirks({ caseExactUserName: true }, true);
      expectScim(await t.post('/Users', user('Ada@Example.com')), 201);
      const exact = await t.get(filter('userName eq "Ada@Example.com"'));
      expect(exact.body.Resources.map((u: { userName: string }) => u.userName)).to.deep.equal(['Ada@Example.com']);
      const other = await t.get(filter('userName eq "ada@example.com"'));
      expectScim(other, 200);
      expect(other.body.totalResults).to.equal(0);
    });

    it('should refuse the second casing as a duplicate without the quirk (RFC 7643 §4.1.1 caseExact false)', async () => {
      const t = withQuirks({});
      expectScim(await t.post('/Users', user('Ada@Example.com')), 201);
      expectScimError(await t.post('/Users', user('ada@example.com')), 409, 'uniqueness');
    });
  });

  describe('requireFields, ignoreAttributes, immutableAttributes, userNameFormat', () => {
    it('should refuse a user without a required field', async () => {
      const t = withQuirks({ requireFields: { User: ['name.familyName'] } });
      const res = await t.post('/Users', user('ada'));
      expectScimError(res, 400, 'invalidValue');
      expect(res.body.detail).to.equal("Attribute 'name.familyName' is required");
    });

    it('should drop ignored attributes silently', async () => {
      const t = withQuirks({ ignoreAttributes: { User: ['title'] } });
      const res = await t.post('/Users', user('ada', { title: 'Countess' }));
      expectScim(res, 201);
      expect(res.body).to.not.have.property('title');
    });

    it('should refuse changing an immutable attribute with 400 mutability', async () => {
      const t = withQuirks({ immutableAttributes: { User: ['externalId'] } });
      const ada = await t.post('/Users', user('ada', { externalId: 'e1' }));
      expectScimError(await t.patch(`/Users/${ada.body.id}`, patchOp({ op: 'replace', path: 'externalId', value: 'e2' })), 400, 'mutability');
    });

    it('should refuse a userName that is not an email', async () => {
      const t = withQuirks({ userNameFormat: 'email' });
      expectScimError(await t.post('/Users', user('ada')), 400, 'invalidValue');
      expectScim(await t.post('/Users', user('ada@example.com')), 201);
    });
  });

  describe('GET/PUT /_admin/quirks', () => {
    it('should swap the profile at runtime and refuse an invalid one with 400 listing every reason', async () => {
      const t = target();
      expectScim(await t.get('/Users'), 200);
      const bad = await admin(t, 'put', '/quirks').send({ description: 'x', bogus: 1, pageSizeMax: 0 });
      expectScimError(bad, 400, 'invalidValue');
      expect(bad.body.detail).to.contain('bogus: must NOT have additional properties').and.contain('pageSizeMax: must be >= 1');
      const ok = await admin(t, 'put', '/quirks').send(await loadQuirkProfile('no-delete'));
      expectScim(ok, 200);
      expect(ok.body.active).to.deep.equal(['operations']);
      const ada = await t.post('/Users', user('ada'));
      expectScimError(await t.delete(`/Users/${ada.body.id}`), 405);
      expect((await admin(t, 'get', '/quirks')).body.active).to.deep.equal(['operations']);
    });

    it('should drop the profile with DELETE, back to the plain target', async () => {
      const t = target();
      expectScim(await admin(t, 'put', '/quirks').send(await loadQuirkProfile('no-delete')), 200);
      const ada = await t.post('/Users', user('ada'));
      expectScimError(await t.delete(`/Users/${ada.body.id}`), 405);
      expect((await admin(t, 'delete', '/quirks')).status).to.equal(204);
      expect((await admin(t, 'get', '/quirks')).body).to.deep.equal({ active: [], profile: null });
      expect((await t.delete(`/Users/${ada.body.id}`)).status).to.equal(204);
      expect((await admin(t, 'delete', '/quirks')).status).to.equal(204);
    });
  });
});
