import { expect } from 'chai';
import { createMemoryStore } from '../../../server/store/memory-store.js';
import { seedUsers } from '../../../server/seed/seed-users.js';
import { createRandom } from '../../../server/seed/prng.js';
import { URN } from '../../../scim/types.js';
import type { ResourceStore } from '../../../server/store/types.js';

function store(): ResourceStore {
  let id = 0;
  return createMemoryStore({ baseUrl: 'http://x/scim/v2', newId: () => `id-${++id}`, clock: () => new Date(0) });
}

describe('server/seed/seed-users', () => {
  it('should create n unique users and about n/100 groups whose members all exist', async () => {
    const s = store();
    const result = await seedUsers(s, 1000, { seed: 3, chunk: 300 });
    expect({ users: result.users, groups: result.groups }).to.deep.equal({ users: 1000, groups: 10 });
    expect([s.count('User'), s.count('Group')]).to.deep.equal([1000, 10]);
    const names = s.query('User').map((u) => (u.userName as string).toLowerCase());
    expect(new Set(names).size).to.equal(1000);
    const members = s.query('Group').flatMap((g) => g.members as { value: string }[]);
    expect(members).to.have.length(result.memberships);
    expect(members.every((m) => s.get('User', m.value) !== undefined)).to.equal(true);
  });

  it('should give realistic users: email userName, name, work email, enterprise extension with existing managers', async () => {
    const s = store();
    await seedUsers(s, 500, { seed: 11, chunk: 100 });
    const users = s.query('User');
    for (const u of users) {
      expect(u.userName).to.match(/^[a-z]+\.[a-z]+\d*@[a-z.]+$/);
      expect(u.emails).to.deep.include({ value: u.userName, type: 'work', primary: true });
      expect(u.name).to.have.keys('givenName', 'familyName', 'formatted');
    }
    const enterprise = users.map((u) => u[URN.EnterpriseUser] as Record<string, { value: string }> | undefined).filter((e) => e !== undefined);
    expect(enterprise.length).to.be.within(250, 450);
    const managers = enterprise.map((e) => e.manager?.value).filter((v) => v !== undefined);
    expect(managers.length).to.be.greaterThan(100);
    expect(managers.every((id) => s.get('User', id) !== undefined)).to.equal(true);
    expect(users.filter((u) => u.active === true).length).to.be.within(440, 499);
  });

  it('should produce the same directory for the same seed and a different one for another seed', async () => {
    const [a, b, c] = [store(), store(), store()];
    await seedUsers(a, 200, { seed: 5 });
    await seedUsers(b, 200, { seed: 5 });
    await seedUsers(c, 200, { seed: 6 });
    expect(b.query('User')).to.deep.equal(a.query('User'));
    expect(b.query('Group')).to.deep.equal(a.query('Group'));
    expect(c.query('User').map((u) => u.userName)).to.not.deep.equal(a.query('User').map((u) => u.userName));
  });

  it('should draw from a seeded generator, never Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    try {
      const r = createRandom(42);
      const draws = Array.from({ length: 5 }, () => r.next());
      expect(draws).to.deep.equal(Array.from({ length: 5 }, ((g) => () => g.next())(createRandom(42))));
      expect(draws.every((d) => d >= 0 && d < 1)).to.equal(true);
    } finally {
      Math.random = original;
    }
  });
});
