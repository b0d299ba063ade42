import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { applyPatch } from '../../../scim/patch/apply.js';
import type { ScimResource } from '../../../scim/types.js';
import { groupResolver, userResolver, userUrns } from '../support/users.js';

interface PatchCase {
  name: string;
  rfc: string;
  source: string;
  entra?: boolean;
  body?: unknown;
  operations: unknown[];
  expected?: Record<string, unknown>;
  changed?: boolean;
  error?: { status: number; scimType: string };
}

const fixture = JSON.parse(readFileSync(new URL('./patch.json', import.meta.url), 'utf8')) as {
  resources: Record<string, ScimResource>;
  cases: PatchCase[];
};

function run(c: PatchCase) {
  const source = structuredClone(fixture.resources[c.source]);
  const resolver = source.schemas.includes('urn:ietf:params:scim:schemas:core:2.0:Group') ? groupResolver : userResolver;
  const body = c.body ?? { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: c.operations };
  return { source, call: () => applyPatch(source, body, { resolver, knownUrns: userUrns, ...(c.entra !== undefined ? { entra: c.entra } : {}) }) };
}

describe('scim/patch/apply', () => {
  describe('#applyPatch() vectors (test/scim/patch/patch.json)', () => {
    for (const c of fixture.cases) {
      it(`should follow ${c.rfc}: ${c.name}`, () => {
        const { source, call } = run(c);
        const before = structuredClone(source);
        if (c.error) {
          expect(call).to.throw().that.includes({ name: 'ScimError', status: c.error.status, scimType: c.error.scimType });
          expect(source).to.deep.equal(before);
          return;
        }
        const { resource, changed } = call();
        expect(source, 'the input is never mutated').to.deep.equal(before);
        for (const [key, value] of Object.entries(c.expected ?? {})) {
          if (value === null) expect(resource, key).not.to.have.property(key);
          else expect(resource[key], key).to.deep.equal(value);
        }
        const untouched = Object.keys(before).filter((k) => !(k in (c.expected ?? {})));
        for (const key of untouched) expect(resource[key], `${key} is untouched`).to.deep.equal(before[key]);
        expect(changed).to.equal(c.changed ?? true);
      });
    }
  });

  describe('#applyPatch() errors', () => {
    it('should name the operation in the detail (RFC 7644 §3.12)', () => {
      const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'title', value: 'x' }, { op: 'add', path: 'nickName' }] };
      expect(() => applyPatch(fixture.resources.user, body, { resolver: userResolver })).to.throw().that.includes({
        name: 'ScimError', status: 400, scimType: 'invalidValue', message: "operation 2: missing 'value' for 'add'",
      });
    });
    it('should refuse bodies that are not PatchOp messages with invalidSyntax', () => {
      for (const body of [null, [], 'x', { Operations: [] }, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: {} }, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [5] }]) {
        expect(() => applyPatch(fixture.resources.user, body, { resolver: userResolver })).to.throw().that.includes({ name: 'ScimError', scimType: 'invalidSyntax' });
      }
    });
    it('should never pollute Object.prototype', () => {
      const body = JSON.parse('{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":{"name":{"__proto__":{"polluted":1}}}}]}');
      expect(() => applyPatch(fixture.resources.user, body, { resolver: userResolver })).to.throw().that.includes({ scimType: 'invalidValue' });
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  });
});
