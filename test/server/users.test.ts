import { expect } from 'chai';
import { ENTERPRISE_URN, USER_URN, expectScim, expectScimError, target, user } from './helpers.js';

describe('server /Users', () => {
  describe('RFC 7644 §3.3 create', () => {
    it('should answer 201 with the resource, Location = meta.location and ETag = meta.version', async () => {
      const t = target();
      const res = await t.post('/Users', user('bjensen', { name: { givenName: 'Barbara', familyName: 'Jensen' } }));
      expectScim(res, 201);
      expect(res.body.id).to.be.a('string');
      expect(res.body.userName).to.equal('bjensen');
      expect(res.body.name).to.deep.equal({ givenName: 'Barbara', familyName: 'Jensen' });
      expect(res.body.meta.resourceType).to.equal('User');
      expect(res.headers.location).to.equal(res.body.meta.location);
      expect(res.headers.location).to.equal(`http://scim.test/scim/v2/Users/${res.body.id}`);
      expect(res.headers.etag).to.equal(res.body.meta.version);
    });

    it('should ignore a client-supplied id and meta (readOnly, RFC 7643 §3.1)', async () => {
      const t = target();
      const res = await t.post('/Users', user('bjensen', { id: 'mine', meta: { created: '2000-01-01T00:00:00Z' } }));
      expectScim(res, 201);
      expect(res.body.id).to.not.equal('mine');
      expect(res.body.meta.created).to.not.equal('2000-01-01T00:00:00Z');
    });

    it('should answer 409 uniqueness for a userName already taken, compared case-insensitively', async () => {
      const t = target();
      expectScim(await t.post('/Users', user('bjensen')), 201);
      expectScimError(await t.post('/Users', user('BJENSEN')), 409, 'uniqueness');
      expect(t.store.count('User')).to.equal(1);
    });

    it('should answer 400 invalidValue when userName is missing (required)', async () => {
      const t = target();
      expectScimError(await t.post('/Users', { schemas: [USER_URN], displayName: 'x' }), 400, 'invalidValue');
    });

    it('should accept "True"/"False" strings for booleans (Entra default dialect, ENTRA-SPEC §6.5)', async () => {
      const t = target();
      const res = await t.post('/Users', user('emp1', { active: 'True' }));
      expectScim(res, 201);
      expect(res.body.active).to.equal(true);
    });

    it('should store the enterprise extension under its URN', async () => {
      const t = target();
      const res = await t.post('/Users', { schemas: [USER_URN, ENTERPRISE_URN], userName: 'e1', [ENTERPRISE_URN]: { department: 'R&D' } });
      expectScim(res, 201);
      expect(res.body[ENTERPRISE_URN]).to.deep.equal({ department: 'R&D' });
      expect(res.body.schemas).to.include(ENTERPRISE_URN);
    });

    it('should never return the password (returned: never, RFC 7643 §4.1.1)', async () => {
      const t = target();
      const res = await t.post('/Users', user('pw', { password: 'hunter2' }));
      expectScim(res, 201);
      expect(res.body).to.not.have.property('password');
      const got = await t.get(`/Users/${res.body.id}`);
      expect(got.body).to.not.have.property('password');
    });
  });

  describe('RFC 7644 §3.4.1 retrieve', () => {
    it('should answer 200 with the resource and its ETag', async () => {
      const t = target();
      const created = (await t.post('/Users', user('bjensen'))).body;
      const res = await t.get(`/Users/${created.id}`);
      expectScim(res, 200);
      expect(res.body).to.deep.equal(created);
      expect(res.headers.etag).to.equal(created.meta.version);
    });

    it('should answer 404 with a SCIM error for an unknown id', async () => {
      expectScimError(await target().get('/Users/does-not-exist'), 404);
    });

    it('should keep active=false users visible to GET and filters (ENTRA-SPEC §6.6 soft delete)', async () => {
      const t = target();
      const created = (await t.post('/Users', user('disabled', { active: false }))).body;
      expectScim(await t.get(`/Users/${created.id}`), 200);
      const list = await t.get(`/Users?filter=${encodeURIComponent('userName eq "disabled"')}`);
      expectScim(list, 200);
      expect(list.body.totalResults).to.equal(1);
      expect(list.body.Resources[0].active).to.equal(false);
    });
  });

  describe('RFC 7644 §3.5.1 replace', () => {
    it('should replace every attribute and keep id and meta.created', async () => {
      const t = target();
      const created = (await t.post('/Users', user('bjensen', { displayName: 'Babs', title: 'Boss' }))).body;
      const res = await t.put(`/Users/${created.id}`, user('bjensen', { displayName: 'Barbara' }));
      expectScim(res, 200);
      expect(res.body.id).to.equal(created.id);
      expect(res.body.displayName).to.equal('Barbara');
      expect(res.body).to.not.have.property('title');
      expect(res.body.meta.created).to.equal(created.meta.created);
      expect(res.body.meta.version).to.not.equal(created.meta.version);
      expect(res.headers.etag).to.equal(res.body.meta.version);
    });

    it('should answer 404 for an unknown id', async () => {
      expectScimError(await target().put('/Users/nope', user('x')), 404);
    });

    it('should answer 409 when the new userName belongs to another user', async () => {
      const t = target();
      await t.post('/Users', user('taken'));
      const other = (await t.post('/Users', user('other'))).body;
      expectScimError(await t.put(`/Users/${other.id}`, user('TAKEN')), 409, 'uniqueness');
      expect((await t.get(`/Users/${other.id}`)).body.userName).to.equal('other');
    });
  });

  describe('RFC 7644 §3.6 delete', () => {
    it('should answer 204, then 404 on GET and on a second DELETE', async () => {
      const t = target();
      const created = (await t.post('/Users', user('bjensen'))).body;
      const res = await t.delete(`/Users/${created.id}`);
      expect(res.status).to.equal(204);
      expect(res.text).to.equal('');
      expectScimError(await t.get(`/Users/${created.id}`), 404);
      expectScimError(await t.delete(`/Users/${created.id}`), 404);
    });
  });
});
