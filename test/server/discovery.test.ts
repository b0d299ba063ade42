import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_URN, expectScim, expectScimError, target } from './helpers.js';

const SCHEMAS_DIR = join(import.meta.dirname, '..', '..', 'scim', 'schemas');

describe('server discovery endpoints (RFC 7644 §4)', () => {
  it('should advertise patch, bulk limits, filter maxResults, sort and etag in /ServiceProviderConfig', async () => {
    const t = target({ bulk: { maxOperations: 7, maxPayloadSize: 4096 }, pageSize: 50 });
    const res = await t.get('/ServiceProviderConfig');
    expectScim(res, 200);
    expect(res.body.schemas).to.deep.equal(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
    expect(res.body.patch).to.deep.equal({ supported: true });
    expect(res.body.bulk).to.deep.equal({ supported: true, maxOperations: 7, maxPayloadSize: 4096 });
    expect(res.body.filter).to.deep.equal({ supported: true, maxResults: 50 });
    expect(res.body.sort.supported).to.equal(true);
    expect(res.body.etag.supported).to.equal(true);
    expect(res.body.changePassword.supported).to.equal(false);
    expect(res.body.authenticationSchemes.map((s: { type: string }) => s.type)).to.deep.equal(['oauthbearertoken']);
  });

  it('should list httpbasic when Basic credentials are configured', async () => {
    const t = target({ auth: { bearer: ['test-token'], basic: [{ user: 'u', pass: 'p' }] } });
    const res = await t.get('/ServiceProviderConfig');
    expect(res.body.authenticationSchemes.map((s: { type: string }) => s.type)).to.deep.equal(['oauthbearertoken', 'httpbasic']);
  });

  it('should list User and Group resource types with the /Users endpoint first', async () => {
    const res = await target().get('/ResourceTypes');
    expectScim(res, 200);
    expect(res.body.schemas).to.deep.equal([LIST_URN]);
    expect(res.body.Resources.map((r: { endpoint: string }) => r.endpoint)).to.deep.equal(['/Users', '/Groups']);
    expect(res.body.Resources[0].meta.location).to.equal('http://scim.test/scim/v2/ResourceTypes/User');
  });

  it('should serve one resource type by id and 404 for an unknown one', async () => {
    const t = target();
    const res = await t.get('/ResourceTypes/Group');
    expectScim(res, 200);
    expect(res.body.schema).to.equal('urn:ietf:params:scim:schemas:core:2.0:Group');
    expectScimError(await t.get('/ResourceTypes/Widget'), 404);
  });

  it('should serve the RFC 7643 §8.7.1 schemas with their attribute definitions', async () => {
    const res = await target().get('/Schemas');
    expectScim(res, 200);
    const ids = res.body.Resources.map((s: { id: string }) => s.id);
    expect(ids).to.include.members([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
    const rfcUser = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'user.json'), 'utf8')) as { attributes: { name: string }[] };
    const served = res.body.Resources.find((s: { id: string }) => s.id === 'urn:ietf:params:scim:schemas:core:2.0:User');
    expect(served.name).to.equal('User');
    expect(served.attributes.map((a: { name: string }) => a.name)).to.deep.equal(rfcUser.attributes.map((a) => a.name));
  });

  it('should list the RFC 7643 §8.7.2 schemas of ServiceProviderConfig, ResourceType and Schema too', async () => {
    const t = target();
    const res = await t.get('/Schemas');
    const ids = res.body.Resources.map((s: { id: string }) => s.id);
    expect(ids).to.include.members([
      'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
      'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
      'urn:ietf:params:scim:schemas:core:2.0:Schema',
    ]);
    expect(res.body.totalResults).to.equal(ids.length);
    const one = await t.get('/Schemas/urn:ietf:params:scim:schemas:core:2.0:ResourceType');
    expectScim(one, 200);
    expect(one.body.attributes.map((a: { name: string }) => a.name)).to.include('endpoint');
  });

  it('should serve one schema by URN', async () => {
    const res = await target().get('/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group');
    expectScim(res, 200);
    expect(res.body.id).to.equal('urn:ietf:params:scim:schemas:core:2.0:Group');
    expect(res.body.meta.resourceType).to.equal('Schema');
  });

  it('should answer 405 to any write on a discovery endpoint', async () => {
    const t = target();
    expectScimError(await t.put('/ServiceProviderConfig', {}), 405);
    expectScimError(await t.post('/Schemas', {}), 405);
    expectScimError(await t.delete('/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'), 405);
    expectScimError(await t.patch('/ResourceTypes/User', {}), 405);
    expectScimError(await t.post('/ResourceTypes', {}), 405);
  });
});
