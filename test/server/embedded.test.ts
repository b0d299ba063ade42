import { expect } from 'chai';
import { startEmbeddedTarget } from '../../server/embedded.js';
import type { EmbeddedTarget } from '../../server/embedded.js';
import { createManualClock } from '../../util/clock.js';

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';

function client(target: EmbeddedTarget) {
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${target.token}`, ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  };
  return {
    createUser: (userName: string) => call('POST', `${target.url}/Users`, { schemas: [USER_URN], userName }),
    findUser: (userName: string) => call('GET', `${target.url}/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`),
    signin: (userName: string) => call('POST', `${target.adminUrl}/signin`, { userName }),
    call,
  };
}

describe('server/embedded startEmbeddedTarget', () => {
  const started: EmbeddedTarget[] = [];
  const start = async (options?: Parameters<typeof startEmbeddedTarget>[0]) => {
    const target = await startEmbeddedTarget(options);
    started.push(target);
    return target;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((t) => t.close()));
  });

  it('should serve SCIM and the admin API on one ephemeral port behind the token, journalling requests', async () => {
    const target = await start({ token: 'pilot-token' });
    expect(target.token).to.equal('pilot-token');
    expect(target.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    expect(target.adminUrl).to.equal(`${new URL(target.url).origin}/_admin`);
    const api = client(target);
    expect((await api.createUser('ada@contoso.com')).status).to.equal(201);
    expect((await api.signin('ada@contoso.com')).status).to.equal(200);
    expect(target.store.count('User')).to.equal(1);
    const unauthorised = await fetch(`${target.url}/Users`);
    expect(unauthorised.status).to.equal(401);
    expect(target.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).to.deep.equal([
      'POST /scim/v2/Users 201',
      'POST /_admin/signin 200',
      'GET /scim/v2/Users 401',
    ]);
    const first = target.requests()[0]!.seq;
    expect(target.requests({ since: first }).map((r) => r.path)).to.deep.equal(['/_admin/signin', '/scim/v2/Users']);
  });

  it('should keep only the ring size given, and nothing when the journal is off', async () => {
    const small = await start({ journal: 2 });
    for (const name of ['a', 'b', 'c']) await client(small).createUser(name);
    expect(small.requests().map((r) => r.requestBody)).to.deep.equal([
      { schemas: [USER_URN], userName: 'b' },
      { schemas: [USER_URN], userName: 'c' },
    ]);
    const off = await start({ journal: false });
    await client(off).createUser('a');
    expect(off.requests()).to.deep.equal([]);
  });

  it('should load a bundled profile by name', async () => {
    const api = client(await start({ quirks: 'case-sensitive' }));
    expect((await api.createUser('Ada@Contoso.com')).status).to.equal(201);
    expect((await api.createUser('ada@contoso.com')).status).to.equal(201);
  });

  it('should refuse an unknown profile name and an invalid profile object, naming the problem', async () => {
    let error: unknown;
    await startEmbeddedTarget({ quirks: 'no-such-profile' }).catch((e: unknown) => (error = e));
    expect(String(error)).to.include("no bundled profile 'no-such-profile'");
    error = undefined;
    await startEmbeddedTarget({ quirks: { description: 'x', rateLimit: { requests: -1, windowMs: 1 } } }).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/invalid quirk profile: .*rateLimit/);
  });

  it('should run the quirks on the injected clock: a rate-limit window passes when the clock advances', async () => {
    const time = createManualClock(Date.UTC(2026, 0, 1));
    const target = await start({ clock: time.clock, quirks: { description: 'two a second', rateLimit: { requests: 2, windowMs: 1000 } } });
    const api = client(target);
    expect((await api.createUser('a')).status).to.equal(201);
    expect((await api.createUser('b')).status).to.equal(201);
    const throttled = await api.createUser('c');
    expect(throttled.status).to.equal(429);
    expect(Number(throttled.headers.get('retry-after'))).to.be.greaterThan(0);
    // real time does not move the window; the manual clock does
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await api.createUser('c')).status).to.equal(429);
    time.advance(1000);
    const created = await api.createUser('c');
    expect(created.status).to.equal(201);
    expect(created.body!.meta.created).to.equal('2026-01-01T00:00:01.000Z');
    expect(target.requests().at(-1)!.time).to.equal('2026-01-01T00:00:01.000Z');
  });

  describe('setQuirks mid-run', () => {
    it('should make caseExactUserName change filters, uniqueness and sign-in together when turned on', async () => {
      const target = await start();
      const api = client(target);
      expect((await api.createUser('Ada@Contoso.com')).status).to.equal(201);
      expect((await api.createUser('ada@contoso.com')).status).to.equal(409);
      await target.setQuirks('case-sensitive');
      // the filter finds nothing for the other casing, so the create must succeed (not 409)
      expect((await api.findUser('ada@contoso.com')).body!.totalResults).to.equal(0);
      expect((await api.createUser('ada@contoso.com')).status).to.equal(201);
      expect((await api.findUser('ada@contoso.com')).body!.totalResults).to.equal(1);
      expect((await api.signin('ADA@contoso.com')).status).to.equal(403);
    });

    it('should restore case-insensitive uniqueness when the profile is swapped back to none', async () => {
      const target = await start({ quirks: 'case-sensitive' });
      const api = client(target);
      expect((await api.createUser('Bob@Contoso.com')).status).to.equal(201);
      expect((await api.createUser('bob@contoso.com')).status).to.equal(201);
      await target.setQuirks(null);
      const dup = await api.createUser('BOB@contoso.com');
      expect(dup.status).to.equal(409);
      expect(dup.body!.scimType).to.equal('uniqueness');
      expect((await api.findUser('BOB@contoso.com')).body!.totalResults).to.equal(2);
    });

    it('should start an outage and end it: a profile object swapped in, then none', async () => {
      const target = await start();
      const api = client(target);
      await target.setQuirks({ description: 'outage', operations: { status: 501, User: { create: false } } });
      expect((await api.createUser('a')).status).to.equal(501);
      await target.setQuirks(null);
      expect((await api.createUser('a')).status).to.equal(201);
      const admin = await api.call('GET', `${target.adminUrl}/quirks`);
      expect(admin.body!.active).to.deep.equal([]);
    });

    it('should refuse an invalid profile and keep the one in force', async () => {
      const target = await start({ quirks: 'case-sensitive' });
      let error: unknown;
      await target.setQuirks({ description: 'bad', truncate: { User: { userName: -3 } } } as never).catch((e: unknown) => (error = e));
      expect(String(error)).to.include('refused the quirk profile: 400');
      const api = client(target);
      expect((await api.createUser('Eve@x.io')).status).to.equal(201);
      expect((await api.createUser('eve@x.io')).status).to.equal(201);
    });
  });
});
