/**
 * The gate quirks through HTTP against the real createServer: what a client sees on the wire.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createQuirkRuntime } from '../../../server/quirks/index.js';
import type { QuirkProfile, QuirkRuntime, Timers } from '../../../server/quirks/index.js';
import { BASE, TOKEN, expectScimError, group, target, user } from '../helpers.js';

function withQuirks(profile: Omit<QuirkProfile, 'description'>, options: Parameters<typeof createQuirkRuntime>[1] = {}) {
  const quirks = createQuirkRuntime({ description: 'test', ...profile }, options);
  return { quirks, t: target({ quirks, auth: { bearer: [TOKEN, 'other-token'] } }) };
}

function fakeClock(start = 1_000_000): { clock: () => Date; advance(ms: number): void } {
  let now = start;
  return { clock: () => new Date(now), advance: (ms) => (now += ms) };
}

describe('server/quirks gate over HTTP', () => {
  describe('rateLimit (RFC 6585 §4)', () => {
    it('should answer 429 with Retry-After and a SCIM error once the window is used up, per token', async () => {
      const time = fakeClock();
      const { t } = withQuirks({ rateLimit: { requests: 2, windowMs: 60_000 } }, { clock: time.clock });
      expect((await t.get('/Users')).status).to.equal(200);
      expect((await t.get('/Users')).status).to.equal(200);
      const refused = await t.get('/Users');
      expectScimError(refused, 429);
      expect(refused.headers['retry-after']).to.equal('60');
      expect(refused.body.detail).to.equal('Too many requests');
      const other = await request(t.app).get(`${BASE}/Users`).set('Authorization', 'Bearer other-token');
      expect(other.status).to.equal(200);
      time.advance(30_000);
      expect((await t.get('/Users')).headers['retry-after']).to.equal('30');
      time.advance(30_000);
      expect((await t.get('/Users')).status).to.equal(200);
    });
  });

  describe('faults', () => {
    it('should inject 500, 502 and 503 (with Retry-After) on every Nth request', async () => {
      const { t } = withQuirks({ faults: { kinds: ['500', '502', '503'], every: 2, retryAfterSeconds: 7 } });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await t.get('/ServiceProviderConfig');
        statuses.push(res.status);
        if (res.status === 503) expect(res.headers['retry-after']).to.equal('7');
      }
      expect(statuses).to.deep.equal([200, 500, 200, 502, 200, 503]);
    });

    it('should answer with a SCIM error body', async () => {
      const { t } = withQuirks({ faults: { kinds: ['502'], every: 1 } });
      const res = await t.get('/Users');
      expectScimError(res, 502);
      expect(res.body.detail).to.equal('Bad Gateway');
    });

    it('should reset the connection without an answer', async () => {
      const { t } = withQuirks({ faults: { kinds: ['reset'], every: 1 } });
      const error = await t.get('/Users').then(() => undefined, (e: NodeJS.ErrnoException) => e);
      expect(error?.code ?? error?.message).to.match(/ECONNRESET|socket hang up/);
    });

    it('should hang until the client gives up', async () => {
      const { t, quirks } = withQuirks({ faults: { kinds: ['hang'], every: 1 } });
      try {
        const error = await t.get('/Users').timeout(300).then(() => undefined, (e: { timeout?: number }) => e);
        expect(error?.timeout).to.equal(300);
      } finally {
        quirks.close?.();
      }
    });

    it('should give the same fault sequence for the same seed (determinism)', async () => {
      const statuses = async (seed: number): Promise<number[]> => {
        const { t } = withQuirks({ faults: { kinds: ['500', '503'], probability: 0.4, seed } });
        const out: number[] = [];
        for (let i = 0; i < 25; i++) out.push((await t.get('/ServiceProviderConfig')).status);
        return out;
      };
      const first = await statuses(2024);
      expect(await statuses(2024)).to.deep.equal(first);
      expect(first.filter((s) => s !== 200).length).to.be.above(0);
      expect(await statuses(7)).to.not.deep.equal(first);
    });
  });

  describe('throttled + flaky together', () => {
    it('should count throttled requests before injecting faults, and fault only admitted ones', async () => {
      const time = fakeClock();
      const { t } = withQuirks({ rateLimit: { requests: 3, windowMs: 1_000 }, faults: { kinds: ['503'], every: 2 } }, { clock: time.clock });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.get('/Users')).status);
      expect(statuses).to.deep.equal([200, 503, 200, 429, 429]);
      time.advance(1_000);
      const after: number[] = [];
      for (let i = 0; i < 2; i++) after.push((await t.get('/Users')).status);
      expect(after).to.deep.equal([503, 200]);
    });
  });

  describe('operations', () => {
    it('should answer an unsupported DELETE with 405, an Allow header and a SCIM error', async () => {
      const { t } = withQuirks({ operations: { User: { delete: false } } });
      const created = await t.post('/Users', user('ada'));
      const res = await t.delete(`/Users/${created.body.id}`);
      expectScimError(res, 405);
      expect(res.headers.allow).to.equal('GET, PUT, PATCH');
      expect(res.body.detail).to.equal('DELETE (delete) is not supported for User resources');
      expect((await t.get(`/Users/${created.body.id}`)).status).to.equal(200);
    });

    it('should use the configured status and detail, per operation and resource type', async () => {
      const { t } = withQuirks({ operations: { status: 501, detail: 'Not available in this plan', User: { replace: false, filter: false }, Group: { patch: false } } });
      const created = await t.post('/Users', user('ada'));
      expectScimError(await t.put(`/Users/${created.body.id}`, user('ada')), 501);
      const filtered = await t.get('/Users?filter=userName%20eq%20%22ada%22');
      expectScimError(filtered, 501);
      expect(filtered.body.detail).to.equal('Not available in this plan');
      expect((await t.get('/Users')).status).to.equal(200);
      const g = await t.post('/Groups', group('g'));
      expect(g.status).to.equal(201);
      expectScimError(await t.patch(`/Groups/${g.body.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: 'h' }] }), 501);
    });

    it('should treat POST /Users/.search with a filter as filtering', async () => {
      const { t } = withQuirks({ operations: { status: 403, User: { filter: false } } });
      const res = await t.post('/Users/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'userName eq "a"' });
      expectScimError(res, 403);
    });
  });

  describe('groupsUnsupported', () => {
    it('should refuse every /Groups request (501 by default) and leave /Users alone', async () => {
      const { t } = withQuirks({ groupsUnsupported: true });
      const res = await t.get('/Groups');
      expectScimError(res, 501);
      expect(res.body.detail).to.equal('Group provisioning is not supported');
      expect((await t.post('/Users', user('ada'))).status).to.equal(201);
    });

    it('should answer with the configured status', async () => {
      const { t } = withQuirks({ groupsUnsupported: { status: 404, detail: 'No such endpoint' } });
      expectScimError(await t.post('/Groups', group('g')), 404);
    });
  });

  describe('latencyMs', () => {
    function recordingTimers(): Timers & { delays: number[] } {
      const delays: number[] = [];
      return { delays, schedule: (fn, ms) => (delays.push(ms), setImmediate(fn), () => undefined) };
    }

    it('should delay the answer by the endpoint delay, then answer normally', async () => {
      const timers = recordingTimers();
      const { t } = withQuirks({ latencyMs: { default: 10, endpoints: { 'POST /Users': 300 } } }, { timers });
      expect((await t.post('/Users', user('ada'))).status).to.equal(201);
      expect((await t.get('/Users')).status).to.equal(200);
      expect(timers.delays).to.deep.equal([300, 10]);
    });

    it('should delay refusals too (a slow app is slow to say no)', async () => {
      const timers = recordingTimers();
      const { t } = withQuirks({ latencyMs: 40, groupsUnsupported: true }, { timers });
      expectScimError(await t.get('/Groups'), 501);
      expect(timers.delays).to.deep.equal([40]);
    });

    it('should leave no timer behind after close()', async () => {
      const cancelled: number[] = [];
      const timers: Timers = { schedule: (_fn, ms) => () => cancelled.push(ms) };
      const quirks: QuirkRuntime = createQuirkRuntime({ description: 't', latencyMs: 5_000 }, { timers });
      const t = target({ quirks });
      const pending = t.get('/Users').then(() => undefined, (e: Error) => e);
      await new Promise((resolve) => setTimeout(resolve, 50));
      quirks.close?.();
      expect(cancelled).to.deep.equal([5_000]);
      const error = await pending;
      expect(error).to.be.instanceOf(Error);
    });
  });
});
