import { expect } from 'chai';
import request from 'supertest';
import { createServer } from '../../server/index.js';
import { createMemoryStore } from '../../server/store/index.js';
import { BASE, BASE_URL, TOKEN, expectScimError, target } from './helpers.js';

describe('server/middleware/auth', () => {
  describe('RFC 7644 §2: bearer token', () => {
    it('should answer 401 with a SCIM error and a Bearer challenge when the header is missing', async () => {
      const { app } = target();
      const res = await request(app).get(`${BASE}/Users`);
      expectScimError(res, 401);
      expect(res.headers['www-authenticate']).to.equal('Bearer realm="scimulator"');
    });

    it('should answer 401 for a wrong token of the same length and of another length', async () => {
      const { app } = target();
      for (const token of ['test-tokem', 'x', `${TOKEN}${TOKEN}`]) {
        const res = await request(app).get(`${BASE}/Users`).set('Authorization', `Bearer ${token}`);
        expectScimError(res, 401);
      }
    });

    it('should accept the token with any capitalisation of the scheme (RFC 7235 §2.1)', async () => {
      const { app } = target();
      const res = await request(app).get(`${BASE}/Users`).set('Authorization', `bearer ${TOKEN}`);
      expect(res.status).to.equal(200);
    });

    it('should require the token on discovery endpoints too', async () => {
      const { app } = target();
      for (const path of ['/ServiceProviderConfig', '/Schemas', '/ResourceTypes']) {
        expectScimError(await request(app).get(`${BASE}${path}`), 401);
      }
    });

    it('should require the token on the admin API', async () => {
      const { app } = target();
      expectScimError(await request(app).post('/_admin/reset'), 401);
    });

    it('should answer 401 before 404 on unknown paths, so paths do not leak', async () => {
      const { app } = target();
      expectScimError(await request(app).get('/nothing-here'), 401);
    });

    it('should accept any of several configured tokens', async () => {
      const { app } = target({ auth: { bearer: ['one', 'two'] } });
      expect((await request(app).get(`${BASE}/Users`).set('Authorization', 'Bearer two')).status).to.equal(200);
      expect((await request(app).get(`${BASE}/Users`).set('Authorization', 'Bearer one')).status).to.equal(200);
    });
  });

  describe('HTTP Basic when configured', () => {
    const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

    it('should accept the configured credentials and refuse others', async () => {
      const { app } = target({ auth: { bearer: [TOKEN], basic: [{ user: 'admin', pass: 's3cret' }] } });
      expect((await request(app).get(`${BASE}/Users`).set('Authorization', basic('admin', 's3cret'))).status).to.equal(200);
      expectScimError(await request(app).get(`${BASE}/Users`).set('Authorization', basic('admin', 'wrong')), 401);
      expectScimError(await request(app).get(`${BASE}/Users`).set('Authorization', 'Basic !!!'), 401);
    });

    it('should refuse Basic when only bearer tokens are configured', async () => {
      const { app } = target();
      expectScimError(await request(app).get(`${BASE}/Users`).set('Authorization', basic('test', 'token')), 401);
    });
  });

  it('should refuse to build a server without any credentials', () => {
    expect(() => createServer({ store: createMemoryStore({ baseUrl: BASE_URL }), auth: {} })).to.throw(TypeError);
  });
});
