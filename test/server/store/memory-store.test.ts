import { expect } from 'chai';
import { createMemoryStore } from '../../../server/store/memory-store.js';
import { ScimError } from '../../../scim/errors.js';
import { BASE_URL, fixedOptions, group, user } from './support/fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<ScimError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error('expected a rejection');
}

describe('server/store/memory-store', () => {
  describe('#create()', () => {
    it('should assign id and meta (RFC 7643 §3.1) with a weak version', async () => {
      const store = createMemoryStore(fixedOptions());
      const created = await store.create('User', user('alice@example.com', { id: 'client-id', meta: { version: 'x' } }));
      expect(created).to.deep.equal({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        id: 'id-1',
        userName: 'alice@example.com',
        meta: {
          resourceType: 'User',
          created: '2025-01-01T00:00:01.000Z',
          lastModified: '2025-01-01T00:00:01.000Z',
          location: `${BASE_URL}/Users/id-1`,
          version: 'W/"1"',
        },
      });
    });

    it('should use crypto.randomUUID ids when none is injected', async () => {
      const store = createMemoryStore({ baseUrl: BASE_URL });
      const created = await store.create('User', user('bob'));
      expect(created.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('should reject a duplicate userName case-insensitively with 409 uniqueness (RFC 7643 §8.7.1)', async () => {
      const store = createMemoryStore(fixedOptions());
      await store.create('User', user('Alice@Example.com'));
      const error = await rejection(store.create('User', user('alice@example.COM')));
      expect({ status: error.status, scimType: error.scimType }).to.deep.equal({ status: 409, scimType: 'uniqueness' });
      expect(store.count('User')).to.equal(1);
    });

    it('should compare userName exactly when caseExactUserName is set', async () => {
      const store = createMemoryStore(fixedOptions({ caseExactUserName: true }));
      await store.create('User', user('Alice'));
      await store.create('User', user('alice'));
      const error = await rejection(store.create('User', user('alice')));
      expect(error.status).to.equal(409);
      expect(store.count('User')).to.equal(2);
    });

    it('should reject a duplicate group displayName with 409 (ENTRA-SPEC §6.6)', async () => {
      const store = createMemoryStore(fixedOptions());
      await store.create('Group', group('Sales'));
      const error = await rejection(store.create('Group', group('SALES')));
      expect({ status: error.status, scimType: error.scimType }).to.deep.equal({ status: 409, scimType: 'uniqueness' });
    });

    it('should allow duplicate group displayNames when uniqueGroupDisplayName is false', async () => {
      const store = createMemoryStore(fixedOptions({ uniqueGroupDisplayName: false }));
      await store.create('Group', group('Sales'));
      await store.create('Group', group('Sales'));
      expect(store.count('Group')).to.equal(2);
    });

    it('should refuse a missing userName and a prototype-polluting key with 400 invalidValue', async () => {
      const store = createMemoryStore(fixedOptions());
      const missing = await rejection(store.create('User', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] }));
      expect({ status: missing.status, scimType: missing.scimType }).to.deep.equal({ status: 400, scimType: 'invalidValue' });
      const polluted = await rejection(store.create('User', user('eve', JSON.parse('{"name":{"__proto__":{"x":1}}}'))));
      expect({ status: polluted.status, scimType: polluted.scimType }).to.deep.equal({ status: 400, scimType: 'invalidValue' });
      expect(store.count('User')).to.equal(0);
      expect(({} as Record<string, unknown>).x).to.equal(undefined);
    });

    it('should not store the read-only groups attribute a client sends (RFC 7643 §4.1.2)', async () => {
      const store = createMemoryStore(fixedOptions());
      const created = await store.create('User', user('carol', { groups: [{ value: 'g-1' }] }));
      expect(created).to.not.have.property('groups');
    });
  });

  describe('returned resources', () => {
    it('should not let a caller change stored state through a returned object or its input', async () => {
      const store = createMemoryStore(fixedOptions());
      const input = user('dave', { name: { givenName: 'Dave' } });
      const created = await store.create('User', input);
      (input.name as Record<string, unknown>).givenName = 'Mallory';
      expect(() => {
        (created.name as Record<string, unknown>).givenName = 'Mallory';
      }).to.throw(TypeError);
      expect(() => {
        created.meta.version = 'W/"9"';
      }).to.throw(TypeError);
      expect(store.get('User', created.id)!.name).to.deep.equal({ givenName: 'Dave' });
    });
  });

  describe('#replace()', () => {
    it('should keep id and meta.created, bump version and lastModified', async () => {
      const store = createMemoryStore(fixedOptions());
      const created = await store.create('User', user('erin'));
      const replaced = await store.replace('User', created.id, user('erin', { title: 'Boss', id: 'other' }));
      expect(replaced.id).to.equal(created.id);
      expect(replaced.title).to.equal('Boss');
      expect(replaced.meta).to.deep.equal({ ...created.meta, lastModified: '2025-01-01T00:00:02.000Z', version: 'W/"2"' });
    });

    it('should allow a resource to keep its own userName in another case but not take another one', async () => {
      const store = createMemoryStore(fixedOptions());
      const a = await store.create('User', user('frank'));
      await store.create('User', user('grace'));
      expect((await store.replace('User', a.id, user('FRANK'))).userName).to.equal('FRANK');
      const error = await rejection(store.replace('User', a.id, user('Grace')));
      expect(error.status).to.equal(409);
      expect(store.get('User', a.id)!.userName).to.equal('FRANK');
    });

    it('should answer 404 for an unknown id', async () => {
      const store = createMemoryStore(fixedOptions());
      expect((await rejection(store.replace('User', 'nope', user('x')))).status).to.equal(404);
    });
  });

  describe('#delete()', () => {
    it('should answer 404 for an unknown id (RFC 7644 §3.6)', async () => {
      const store = createMemoryStore(fixedOptions());
      expect((await rejection(store.delete('Group', 'nope'))).status).to.equal(404);
    });
  });

  describe('#reset()', () => {
    it('should empty the store and its indexes', async () => {
      const store = createMemoryStore(fixedOptions());
      const u = await store.create('User', user('henry'));
      await store.create('Group', group('Ops', [u.id]));
      await store.reset();
      expect([store.count('User'), store.count('Group')]).to.deep.equal([0, 0]);
      await store.create('User', user('henry'));
      await store.create('Group', group('Ops'));
      expect(store.count('User')).to.equal(1);
    });
  });

  describe('#createMany()', () => {
    it('should create all or nothing, checking uniqueness inside the batch', async () => {
      const store = createMemoryStore(fixedOptions());
      const error = await rejection(store.createMany!('User', [user('ivy'), user('jack'), user('IVY')]));
      expect({ status: error.status, scimType: error.scimType }).to.deep.equal({ status: 409, scimType: 'uniqueness' });
      expect(store.count('User')).to.equal(0);
      const created = await store.createMany!('User', [user('ivy'), user('jack')]);
      expect(created.map((u) => u.userName)).to.deep.equal(['ivy', 'jack']);
    });
  });
});
