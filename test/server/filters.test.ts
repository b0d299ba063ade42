import { expect } from 'chai';
import { ENTERPRISE_URN, USER_URN, expectScim, expectScimError, target, user } from './helpers.js';
import type { TestTarget } from './helpers.js';

async function seeded(): Promise<TestTarget> {
  const t = target();
  await t.post('/Users', user('bjensen', { externalId: 'ext-1', displayName: 'Babs', emails: [{ type: 'work', value: 'bjensen@example.com' }, { type: 'home', value: 'babs@home.example' }] }));
  await t.post('/Users', user('jsmith', { externalId: 'ext-2', displayName: 'John', active: false, emails: [{ type: 'work', value: 'jsmith@example.org' }] }));
  await t.post('/Users', { schemas: [USER_URN, ENTERPRISE_URN], userName: 'amaker', displayName: 'Ann', [ENTERPRISE_URN]: { department: 'Tech' } });
  return t;
}

function names(body: { Resources: { userName: string }[] }): string[] {
  return body.Resources.map((r) => r.userName).sort();
}

async function filter(t: TestTarget, text: string) {
  return t.get(`/Users?filter=${encodeURIComponent(text)}`);
}

describe('server filters over HTTP (RFC 7644 §3.4.2.2)', () => {
  it('should answer an eq on userName case-insensitively (caseExact false)', async () => {
    const t = await seeded();
    const res = await filter(t, 'userName eq "BJENSEN"');
    expectScim(res, 200);
    expect(res.body.totalResults).to.equal(1);
    expect(names(res.body)).to.deep.equal(['bjensen']);
  });

  it('should answer 200 with an empty ListResponse for no match (Entra probe, ENTRA-SPEC §6.3)', async () => {
    const t = await seeded();
    const res = await filter(t, 'userName eq "7c4c7e3b-0000-4000-8000-000000000000"');
    expectScim(res, 200);
    expect(res.body.totalResults).to.equal(0);
    expect(res.body.Resources).to.deep.equal([]);
  });

  it('should answer externalId eq and the Entra form emails[type eq "work"].value eq', async () => {
    const t = await seeded();
    expect(names((await filter(t, 'externalId eq "ext-2"')).body)).to.deep.equal(['jsmith']);
    expect(names((await filter(t, 'emails[type eq "work"].value eq "bjensen@example.com"')).body)).to.deep.equal(['bjensen']);
    expect((await filter(t, 'emails[type eq "work"].value eq "babs@home.example"')).body.totalResults).to.equal(0);
  });

  it('should combine with and / or / not and match co, sw, pr', async () => {
    const t = await seeded();
    expect(names((await filter(t, 'userName sw "j" or displayName eq "Ann"')).body)).to.deep.equal(['amaker', 'jsmith']);
    expect(names((await filter(t, 'emails co "example.org" and active eq false')).body)).to.deep.equal(['jsmith']);
    expect(names((await filter(t, 'not (emails pr)')).body)).to.deep.equal(['amaker']);
  });

  it('should filter on an extension attribute by its URN path', async () => {
    const t = await seeded();
    const res = await filter(t, `${ENTERPRISE_URN}:department eq "Tech"`);
    expect(names(res.body)).to.deep.equal(['amaker']);
  });

  it('should answer 400 invalidFilter to a malformed filter and to an unknown attribute', async () => {
    const t = await seeded();
    expectScimError(await filter(t, 'userName eq'), 400, 'invalidFilter');
    expectScimError(await filter(t, 'userName zz "x"'), 400, 'invalidFilter');
    expectScimError(await filter(t, 'noSuchAttribute eq "x"'), 400, 'invalidFilter');
  });

  it('should answer the same through POST /Users/.search (RFC 7644 §3.4.3)', async () => {
    const t = await seeded();
    const res = await t.post('/Users/.search', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'userName eq "jsmith"',
      attributes: ['userName'],
    });
    expectScim(res, 200);
    expect(res.body.totalResults).to.equal(1);
    expect(res.body.Resources[0]).to.include({ userName: 'jsmith' });
    expect(res.body.Resources[0]).to.not.have.property('displayName');
  });

  it('should search every resource type at the root /.search', async () => {
    const t = await seeded();
    await t.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Ann' });
    const res = await t.post('/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'displayName eq "Ann"' });
    expectScim(res, 200);
    expect(res.body.totalResults).to.equal(2);
    expect(res.body.Resources.map((r: { meta: { resourceType: string } }) => r.meta.resourceType).sort()).to.deep.equal(['Group', 'User']);
  });

  it('should answer 400 invalidSyntax to a SearchRequest without its schema', async () => {
    const t = await seeded();
    expectScimError(await t.post('/Users/.search', { filter: 'userName eq "x"' }), 400, 'invalidSyntax');
  });
});

describe('server root /.search with a type-specific attribute', () => {
  it('should match users on userName and skip groups, which lack it', async () => {
    const t = target();
    await t.post('/Users', user('solo'));
    await t.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'G' });
    const res = await t.post('/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'userName eq "solo"' });
    expectScim(res, 200);
    expect(res.body.totalResults).to.equal(1);
  });
});
