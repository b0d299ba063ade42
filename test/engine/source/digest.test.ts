import { expect } from 'chai';
import fc from 'fast-check';
import { assignmentIndex, canonicalJson, detectChanges, digestDirectory, digestOf, parseDirectoryJson } from '../../../engine/source/index.js';
import type { Directory } from '../../../engine/source/index.js';

const base = {
  users: [
    { id: 'u1', displayName: 'Ana', department: 'Sales', manager: 'u2' },
    { id: 'u2', displayName: 'Bo', address: { city: 'Oslo', zip: '0150' } },
    { id: 'u3', displayName: 'Cy' },
  ],
  groups: [
    { id: 'g1', displayName: 'Sales', members: ['u1', 'u2'] },
    { id: 'g2', displayName: 'Other', members: ['u3'] },
  ],
  appRoles: [
    { id: 'r1', value: 'User', displayName: 'User' },
    { id: 'r2', value: 'Admin', displayName: 'Admin' },
  ],
  appRoleAssignments: [{ principalId: 'g1', principalType: 'Group', appRoleId: 'r1' }],
};

type Doc = typeof base & { appRoleAssignments: Record<string, unknown>[] };

function digests(edit: (doc: Doc) => void = () => {}): ReturnType<typeof digestDirectory> {
  const doc = structuredClone(base) as Doc;
  edit(doc);
  const directory: Directory = parseDirectoryJson(JSON.stringify(doc));
  return digestDirectory(directory, assignmentIndex(directory));
}

/** The same JSON value with object keys in another order, at every depth. */
function shuffled(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffled(item, order));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // defineProperty: a generated "__proto__" key stays an own key
  for (const key of order(Object.keys(value))) {
    Object.defineProperty(out, key, { value: shuffled((value as Record<string, unknown>)[key], order), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

describe('engine/source/digest', () => {
  const before = digests();

  describe('#canonicalJson()', () => {
    it('should sort keys at every depth and drop undefined members', () => {
      expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }, undefined], c: null } })).to.equal('{"a":{"c":null,"d":[2,{"z":1},null]},"b":1}');
    });

    it('should write the same data as JSON.stringify (property)', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(JSON.parse(canonicalJson(value))).to.deep.equal(JSON.parse(JSON.stringify(value)));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('#digestDirectory()', () => {
    it('should give one sha256 hex digest per user and group', () => {
      expect([...before.users.keys()]).to.deep.equal(['u1', 'u2', 'u3']);
      expect([...before.groups.keys()]).to.deep.equal(['g1', 'g2']);
      for (const digest of [...before.users.values(), ...before.groups.values()]) expect(digest).to.match(/^[0-9a-f]{64}$/);
      expect(new Set(before.users.values()).size).to.equal(3);
    });

    it('should be stable across runs and key order', () => {
      expect(digests()).to.deep.equal(before);
      const reversed = digests((doc) => {
        doc.users = shuffled(doc.users, (keys) => keys.reverse()) as Doc['users'];
      });
      expect(reversed).to.deep.equal(before);
    });

    it('should change for any attribute change, including nested ones and new attributes', () => {
      const edits: ((doc: Doc) => void)[] = [
        (doc) => void (doc.users[0]!.displayName = 'Anna'),
        (doc) => void (doc.users[0]!.manager = 'u3'),
        (doc) => void (doc.users[1]!.address!.zip = '0151'),
        (doc) => void Object.assign(doc.users[0]!, { accountEnabled: false }),
        (doc) => void Object.assign(doc.users[0]!, { deletedDateTime: '2025-01-01T00:00:00Z' }),
        (doc) => void Object.assign(doc.users[0]!, { mail: null }),
      ];
      for (const edit of edits) {
        const after = digests(edit);
        const changed = [...after.users].filter(([id, d]) => before.users.get(id) !== d).map(([id]) => id);
        expect(changed, edit.toString()).to.have.length(1);
      }
    });

    it('should change a user digest when its assignment or roles change', () => {
      const unassigned = digests((doc) => void (doc.appRoleAssignments = []));
      expect(unassigned.users.get('u1')).to.not.equal(before.users.get('u1'));
      expect(unassigned.users.get('u3')).to.equal(before.users.get('u3'));
      const otherRole = digests((doc) => void (doc.appRoleAssignments[0]!.appRoleId = 'r2'));
      expect(otherRole.users.get('u1')).to.not.equal(before.users.get('u1'));
      const renamedRole = digests((doc) => void (doc.appRoles[0]!.value = 'Member'));
      expect(renamedRole.users.get('u1')).to.not.equal(before.users.get('u1'));
      const direct = digests((doc) => void doc.appRoleAssignments.push({ principalId: 'u3', principalType: 'User' }));
      expect(direct.users.get('u3')).to.not.equal(before.users.get('u3'));
    });

    it('should change a group digest with its members or assignment, but not member order', () => {
      expect(digests((doc) => void doc.groups[0]!.members.push('u3')).groups.get('g1')).to.not.equal(before.groups.get('g1'));
      expect(digests((doc) => void doc.groups[0]!.members.pop()).groups.get('g1')).to.not.equal(before.groups.get('g1'));
      expect(digests((doc) => void doc.groups[0]!.members.reverse()).groups.get('g1')).to.equal(before.groups.get('g1'));
      expect(digests((doc) => void (doc.appRoleAssignments = [])).groups.get('g1')).to.not.equal(before.groups.get('g1'));
      expect(digests((doc) => void (doc.groups[1]!.displayName = 'Else')).groups.get('g2')).to.not.equal(before.groups.get('g2'));
    });

    it('should give the same digest whatever the key order (property)', () => {
      const json = fc.letrec((tie) => ({
        value: fc.oneof(
          { depthSize: 'small' },
          fc.string(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.array(tie('value'), { maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 4 }),
        ),
      })).value;
      fc.assert(
        fc.property(fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 6 }), fc.integer(), (attributes, seed) => {
          const user = { ...attributes, id: 'u1' };
          const order = (keys: string[]): string[] => {
            const rotated = [...keys].sort();
            const n = rotated.length ? Math.abs(seed) % rotated.length : 0;
            return seed % 2 === 0 ? [...rotated.slice(n), ...rotated.slice(0, n)] : rotated.reverse();
          };
          expect(digestOf(shuffled(user, order))).to.equal(digestOf(user));
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('engine/source/changes', () => {
  describe('#detectChanges()', () => {
    it('should list added, changed and removed ids and count the unchanged', () => {
      const previous = new Map([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]);
      const current = new Map([['e', '9'], ['b', '2'], ['a', '7'], ['d', '4']]);
      expect(detectChanges(previous, current)).to.deep.equal({ added: ['e'], changed: ['a'], removed: ['c'], unchanged: 2 });
    });

    it('should see everything as added on a first cycle and nothing when nothing changed', () => {
      const current = new Map([['a', '1'], ['b', '2']]);
      expect(detectChanges(new Map(), current)).to.deep.equal({ added: ['a', 'b'], changed: [], removed: [], unchanged: 0 });
      expect(detectChanges(current, new Map(current))).to.deep.equal({ added: [], changed: [], removed: [], unchanged: 2 });
    });

    it('should find a directory edit between two cycles', () => {
      const before = digests();
      const after = digests((doc) => {
        doc.users[0]!.displayName = 'Anna';
        doc.users.splice(2, 1);
        doc.groups[1]!.members = [];
        doc.users.push({ id: 'u4', displayName: 'Di' });
      });
      expect(detectChanges(before.users, after.users)).to.deep.equal({ added: ['u4'], changed: ['u1'], removed: ['u3'], unchanged: 1 });
      expect(detectChanges(before.groups, after.groups)).to.deep.equal({ added: [], changed: ['g2'], removed: [], unchanged: 1 });
    });
  });
});
