import { expect } from 'chai';
import request from 'supertest';
import { BASE, TOKEN, expectScim, expectScimError, target, user } from './helpers.js';

describe('server content types and error responses', () => {
  describe('RFC 7644 §8.1: media types', () => {
    it('should accept application/scim+json and answer with it', async () => {
      const t = target();
      const res = await t.post('/Users', user('bjensen'));
      expectScim(res, 201);
    });

    it('should accept application/json with a charset', async () => {
      const { app } = target();
      const res = await request(app)
        .post(`${BASE}/Users`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify(user('bjensen')));
      expectScim(res, 201);
    });

    it('should answer 415 to a body of another media type', async () => {
      const { app } = target();
      const res = await request(app)
        .post(`${BASE}/Users`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(user('bjensen')));
      expectScimError(res, 415);
    });

    it('should read a body without Content-Type as JSON', async () => {
      const { app } = target();
      const res = await request(app)
        .post(`${BASE}/Users`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', '')
        .send(Buffer.from(JSON.stringify(user('bjensen'))));
      expectScim(res, 201);
    });
  });

  describe('RFC 7644 §3.12: errors', () => {
    it('should answer malformed JSON with 400 invalidSyntax', async () => {
      const { app } = target();
      const res = await request(app)
        .post(`${BASE}/Users`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/scim+json')
        .send('{"userName": ');
      expectScimError(res, 400, 'invalidSyntax');
    });

    it('should answer a body above maxBodyBytes with 413', async () => {
      const t = target({ maxBodyBytes: 1024 });
      const res = await t.post('/Users', user('bjensen', { displayName: 'x'.repeat(2048) }));
      expectScimError(res, 413);
    });

    it('should answer an unknown path with 404', async () => {
      const t = target();
      expectScimError(await t.get('/Widgets'), 404);
      expectScimError(await request(t.app).get('/elsewhere').set('Authorization', `Bearer ${TOKEN}`), 404);
    });

    it('should answer /Me with 501 (RFC 7644 §3.11 is optional)', async () => {
      const t = target();
      expectScimError(await t.get('/Me'), 501);
    });

    it('should answer a method the endpoint lacks with 405', async () => {
      const t = target();
      expectScimError(await t.delete('/Users'), 405);
      expectScimError(await t.put('/Users', user('x')), 405);
    });

    it('should never send x-powered-by', async () => {
      const res = await target().get('/Users');
      expect(res.headers).to.not.have.property('x-powered-by');
    });
  });
});
