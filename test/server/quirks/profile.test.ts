import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { activeQuirks, createQuirkRuntime, listBundledProfiles, loadQuirkProfile, validateQuirkProfile } from '../../../server/quirks/index.js';
import { profileSchema } from '../../../server/quirks/profile-schema.js';
import { profileSchemaJson } from '../../../server/quirks/profile-schema-json.js';
import { fixturePath } from '../../../util/package-root.js';

describe('server/quirks/profile', () => {
  describe('profile.schema.json (written from profile-schema.ts by npm run schema:quirks)', () => {
    it('should hold exactly the schema module, so editors and the validator read one schema', () => {
      const file = readFileSync(new URL('../../../server/quirks/profile.schema.json', import.meta.url), 'utf8');
      expect(file, 'stale: run npm run schema:quirks').to.equal(profileSchemaJson());
      expect(JSON.parse(file)).to.deep.equal(profileSchema);
    });
  });

  describe('bundled profiles (fixtures/quirks)', () => {
    const names = readdirSync(fixturePath('quirks')).map((f) => f.replace(/\.json$/, ''));

    it('should bundle the profiles the issue names, and at least three from real apps', async () => {
      const bundled = await listBundledProfiles();
      for (const name of ['strict-rfc', 'entra-lenient', 'slack-like', 'no-delete', 'seat-limited', 'throttled', 'flaky', 'case-sensitive', 'legacy-filter']) {
        expect(bundled).to.include(name);
      }
      const cited = bundled.filter((n) => /https:\/\//.test(JSON.parse(readFileSync(fixturePath('quirks', `${n}.json`), 'utf8')).description));
      expect(cited.length).to.be.at.least(3);
    });

    for (const name of names) {
      it(`should load '${name}' as a valid profile with a description`, async () => {
        const profile = await loadQuirkProfile(name);
        expect(profile.description).to.be.a('string').with.length.above(20);
      });
    }

    it('should turn nothing on in strict-rfc', async () => {
      expect(activeQuirks(await loadQuirkProfile('strict-rfc'))).to.deep.equal([]);
      expect(createQuirkRuntime(await loadQuirkProfile('strict-rfc')).active).to.deep.equal([]);
    });
  });

  describe('#validateQuirkProfile()', () => {
    it('should refuse an invalid profile with every bad key and why', () => {
      const result = validateQuirkProfile({
        truncate: { mode: 'chop', User: { nope: 3, 'name.givenName': -1 } },
        bogus: true,
        rateLimit: { requests: 0 },
        faults: { kinds: ['500'], probability: 0.5, every: 3 },
        licenses: { roles: { admin: 'premium' } },
        userNameFormat: { pattern: '(' },
        latencyMs: { min: 50, max: 10 },
      });
      expect(result.ok).to.equal(false);
      const errors = (result as { errors: string[] }).errors;
      expect(errors).to.include.members([
        "(root): must have required property 'description'",
        'bogus: must NOT have additional properties',
        'truncate.mode: must be equal to one of the allowed values',
        'truncate.User.name.givenName: must be >= 0',
        "truncate.User.nope: 'nope' is not an attribute of User",
        "rateLimit: must have required property 'windowMs'",
        'rateLimit.requests: must be >= 1',
        'faults: set exactly one of probability and every',
        'licenses: set seats, pools or both',
        "licenses.roles.admin: licence 'premium' has no entry in licenses.pools",
        'latencyMs: min must not exceed max',
      ]);
      expect(errors.some((e) => e.startsWith('userNameFormat.pattern: '))).to.equal(true);
    });

    it('should accept a profile with only a description and turn nothing on', () => {
      const result = validateQuirkProfile({ description: 'nothing' });
      expect(result).to.deep.equal({ ok: true, profile: { description: 'nothing' } });
    });

    it('should refuse attribute paths that are prototype keys', () => {
      const result = validateQuirkProfile({ description: 'x', ignoreAttributes: { User: ['__proto__'] } });
      expect(result.ok).to.equal(false);
    });

    it('should resolve URN-qualified extension paths and sub-attributes', () => {
      const result = validateQuirkProfile({
        description: 'x',
        requireFields: { User: ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'name.familyName'] },
      });
      expect(result.ok).to.equal(true);
    });
  });

  describe('#loadQuirkProfile()', () => {
    it('should name the bundled profiles when the name is unknown', async () => {
      const error = await loadQuirkProfile('no-such-profile').then(() => undefined, (e: Error) => e);
      expect(error?.message).to.match(/no bundled profile 'no-such-profile' \(try: .*strict-rfc/);
    });
  });
});
