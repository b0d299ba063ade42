/**
 * sortBy on a `returned: "never"` attribute (issue 11): an order by password would disclose the
 * passwords by comparison, so the target refuses it like an unknown sortBy (RFC 7644 §3.4.2.3
 * says the named attribute SHALL order the results, so ignoring it would answer another order).
 */
import { expect } from 'chai';
import { expectScim, expectScimError, target, user } from './helpers.js';

const SECRETS = ['aaa-first-Secret1', 'zzz-last-Secret1', 'mmm-middle-Secret1'];
const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

describe('server: sortBy on a returned:never attribute', () => {
  it('should refuse sortBy=password with 400 invalidValue on GET and .search, and sort by other attributes', async () => {
    const t = target();
    for (const [i, password] of SECRETS.entries()) await t.post('/Users', user(`user${i}`, { password })).expect(201);

    for (const sortBy of ['password', 'PASSWORD', 'urn:ietf:params:scim:schemas:core:2.0:User:password']) {
      for (const sortOrder of ['ascending', 'descending']) {
        const res = await t.get(`/Users?sortBy=${encodeURIComponent(sortBy)}&sortOrder=${sortOrder}`);
        expectScimError(res, 400, 'invalidValue');
        expect(res.body.detail).to.match(/never returned/);
        for (const secret of SECRETS) expect(res.text).to.not.include(secret);
      }
    }
    const search = await t.post('/Users/.search', { schemas: [SEARCH_URN], sortBy: 'password', sortOrder: 'descending' });
    expectScimError(search, 400, 'invalidValue');

    // the same request by a returned attribute still sorts
    const byName = await t.get('/Users?sortBy=userName&sortOrder=descending');
    expectScim(byName, 200);
    expect(byName.body.Resources.map((r: { userName: string }) => r.userName)).to.deep.equal(['user2', 'user1', 'user0']);
  });
});
