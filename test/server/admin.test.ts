import { expect } from 'chai';
import request from 'supertest';
import { TOKEN, USER_URN, expectScim, expectScimError, target } from './helpers.js';

function admin(app: Parameters<typeof request>[0], method: 'get' | 'post', path: string, body?: unknown) {
  const t = request(app)[method](`/_admin${path}`).set('Authorization', `Bearer ${TOKEN}`);
  return body === undefined ? t : t.set('Content-Type', 'application/json').send(JSON.stringify(body));
}

describe('server/routes/admin', () => {
  describe('POST /_admin/reset', () => {
    it('should drop every resource and answer 204', async () => {
      const t = target();
      await t.store.create('User', { schemas: [USER_URN], userName: 'bjensen' });
      const res = await admin(t.app, 'post', '/reset');
      expect(res.status).to.equal(204);
      expect(t.store.count('User')).to.equal(0);
      const list = await t.get('/Users');
      expectScim(list, 200);
      expect(list.body.totalResults).to.equal(0);
    });
  });

  describe('POST /_admin/signin without quirks', () => {
    it('should answer 200 for an existing active user, matching userName case-insensitively', async () => {
      const t = target();
      await t.store.create('User', { schemas: [USER_URN], userName: 'bjensen@example.com', active: true });
      const res = await admin(t.app, 'post', '/signin', { userName: 'BJensen@example.com' });
      expectScim(res, 200);
      expect(res.body).to.deep.equal({ userName: 'BJensen@example.com', signin: 'ok' });
    });

    it('should answer 403 with the reason for a disabled user', async () => {
      const t = target();
      await t.store.create('User', { schemas: [USER_URN], userName: 'off', active: false });
      const res = await admin(t.app, 'post', '/signin', { userName: 'off' });
      expectScimError(res, 403);
      expect(res.body.detail).to.equal("user 'off' is deactivated (active=false)");
    });

    it('should answer 403 with the reason for an unknown user', async () => {
      const t = target();
      const res = await admin(t.app, 'post', '/signin', { userName: 'ghost' });
      expectScimError(res, 403);
      expect(res.body.detail).to.equal("no user with userName 'ghost'");
    });

    it('should answer 400 invalidValue without a userName', async () => {
      const t = target();
      expectScimError(await admin(t.app, 'post', '/signin', { user: 'x' }), 400, 'invalidValue');
    });
  });

  describe('GET /_admin/quirks and /_admin/requests without quirks or journal', () => {
    it('should report no active quirks', async () => {
      // explicitly without a profile, even when the suite runs under SCIMULATOR_TEST_QUIRKS
      const t = target({ quirks: undefined });
      const res = await admin(t.app, 'get', '/quirks');
      expectScim(res, 200);
      expect(res.body).to.deep.equal({ active: [], profile: null });
    });

    it('should answer 404 for the journal when it is off', async () => {
      const t = target();
      expectScimError(await admin(t.app, 'get', '/requests'), 404);
    });
  });
});
