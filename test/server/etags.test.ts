import { expect } from 'chai';
import { expectScim, expectScimError, patchOp, target, user } from './helpers.js';

describe('server resource versions (RFC 7644 §3.14)', () => {
  async function created() {
    const t = target();
    const body = (await t.post('/Users', user('bjensen', { displayName: 'Babs' }))).body;
    return { t, id: body.id as string, version: body.meta.version as string };
  }

  it('should answer 304 to a GET whose If-None-Match names the current version', async () => {
    const { t, id, version } = await created();
    const res = await t.get(`/Users/${id}`).set('If-None-Match', version);
    expect(res.status).to.equal(304);
    expect(res.headers.etag).to.equal(version);
    expect(res.text).to.equal('');
  });

  it('should answer 200 to a GET whose If-None-Match names an old version', async () => {
    const { t, id } = await created();
    const res = await t.get(`/Users/${id}`).set('If-None-Match', 'W/"stale"');
    expectScim(res, 200);
  });

  it('should answer 412 to a PUT whose If-Match is stale, and change nothing', async () => {
    const { t, id } = await created();
    expectScimError(await t.put(`/Users/${id}`, user('bjensen', { displayName: 'New' })).set('If-Match', 'W/"stale"'), 412);
    expect((await t.get(`/Users/${id}`)).body.displayName).to.equal('Babs');
  });

  it('should answer 412 to a PATCH or DELETE whose If-Match is stale', async () => {
    const { t, id } = await created();
    expectScimError(await t.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'x' })).set('If-Match', '"nope"'), 412);
    expectScimError(await t.delete(`/Users/${id}`).set('If-Match', '"nope"'), 412);
    expectScim(await t.get(`/Users/${id}`), 200);
  });

  it('should apply a PUT whose If-Match is current (weak or strong form) or *', async () => {
    const { t, id, version } = await created();
    const first = await t.put(`/Users/${id}`, user('bjensen', { displayName: 'One' })).set('If-Match', version);
    expectScim(first, 200);
    const strong = first.body.meta.version.replace(/^W\//, '');
    expectScim(await t.put(`/Users/${id}`, user('bjensen', { displayName: 'Two' })).set('If-Match', strong), 200);
    expectScim(await t.put(`/Users/${id}`, user('bjensen', { displayName: 'Three' })).set('If-Match', '*'), 200);
  });

  it('should change the ETag on every write', async () => {
    const { t, id, version } = await created();
    const res = await t.put(`/Users/${id}`, user('bjensen', { displayName: 'Changed' }));
    expect(res.headers.etag).to.be.a('string').and.not.equal(version);
  });
});
