import { expect } from 'chai';
import { compareForSort, sortResources } from '../../scim/sort.js';
import type { ScimResource } from '../../scim/types.js';
import { typedResolver } from './support/typed-resolver.js';
import { userResolver, userUrns, users } from './support/users.js';

const order = (sortBy: string, sortOrder?: 'ascending' | 'descending', resources: ScimResource[] = users(), resolver = userResolver) =>
  sortResources(resources, sortBy, sortOrder, resolver, { knownUrns: userUrns }).map((r) => r.id);

describe('scim/sort', () => {
  describe('#sortResources()', () => {
    it('should sort ascending by default (RFC 7644 §3.4.2.3)', () => {
      expect(order('userName')).to.deep.equal(['u1', 'u3', 'u2']);
    });
    it('should sort case-insensitively a caseExact false attribute and case-sensitively a caseExact one', () => {
      const things = [{ schemas: [], id: 'a', name: 'b', code: 'b' }, { schemas: [], id: 'b', name: 'A', code: 'A' }, { schemas: [], id: 'c', name: 'C', code: 'C' }];
      expect(order('name', undefined, things, typedResolver)).to.deep.equal(['b', 'a', 'c']);
      expect(order('code', undefined, things, typedResolver)).to.deep.equal(['b', 'c', 'a']);
    });
    it('should sort numbers by value and dateTimes as instants', () => {
      const things = [{ schemas: [], id: 'a', count: 10, when: '2020-01-01T02:00:00+03:00' }, { schemas: [], id: 'b', count: 9, when: '2020-01-01T00:00:00Z' }];
      expect(order('count', undefined, things, typedResolver)).to.deep.equal(['b', 'a']);
      expect(order('when', undefined, things, typedResolver)).to.deep.equal(['a', 'b']);
      expect(order('meta.lastModified', 'descending')).to.deep.equal(['u3', 'u1', 'u2']);
    });
    it('should order resources without a value last when ascending and first when descending (RFC 7644 §3.4.2.3)', () => {
      expect(order('title')).to.deep.equal(['u1', 'u2', 'u3']);
      expect(order('title', 'descending')).to.deep.equal(['u2', 'u3', 'u1']);
      expect(order('name.givenName')).to.deep.equal(['u1', 'u2', 'u3']);
      expect(order('name.givenName', 'descending')).to.deep.equal(['u3', 'u2', 'u1']);
    });
    it('should sort a multi-valued attribute by its primary value, else its first (RFC 7644 §3.4.2.3)', () => {
      const people = [
        { schemas: [], id: 'p', emails: [{ value: 'z@x' }, { value: 'a@x', primary: true }] },
        { schemas: [], id: 'q', emails: [{ value: 'm@x' }, { value: 'b@x' }] },
      ];
      expect(order('emails.value', undefined, people)).to.deep.equal(['p', 'q']);
      expect(order('emails', undefined, people)).to.deep.equal(['p', 'q']);
      expect(order('tags', undefined, [{ schemas: [], id: 'x', tags: ['b', 'a'] }, { schemas: [], id: 'y', tags: ['a'] }], typedResolver)).to.deep.equal(['y', 'x']);
    });
    it('should sort by URN-qualified extension attributes', () => {
      expect(order('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber')).to.deep.equal(['u1', 'u2', 'u3']);
    });
    it('should be stable for equal keys', () => {
      expect(order('userType')).to.deep.equal(['u1', 'u3', 'u2']);
      expect(order('userType', 'descending')).to.deep.equal(['u2', 'u1', 'u3']);
    });
  });

  describe('#compareForSort()', () => {
    it('should work as an Array.prototype.sort comparator', () => {
      expect(users().sort(compareForSort('userName', 'descending', userResolver)).map((r) => r.id)).to.deep.equal(['u2', 'u3', 'u1']);
    });
    it('should refuse unknown attributes, complex attributes without sub-attribute and bad sortOrder with invalidValue', () => {
      for (const [sortBy, sortOrder] of [['nope', 'ascending'], ['name', 'ascending'], ['__proto__', undefined], ['userName', 'up']] as const) {
        expect(() => compareForSort(sortBy, sortOrder as 'ascending', userResolver)).to.throw().that.includes({ name: 'ScimError', status: 400, scimType: 'invalidValue' });
      }
    });
  });
});
