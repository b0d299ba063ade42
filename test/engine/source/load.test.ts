import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { DirectoryReadError, loadDirectoryFile, parseDirectoryJson } from '../../../engine/source/index.js';
import { ConfigValidationError } from '../../../engine/mapping/validation-error.js';
import { problemsOf } from './support/problems.js';


const json = (value: unknown): string => JSON.stringify(value);

describe('engine/source/load', () => {
  describe('#parseDirectoryJson()', () => {
    it('should default the optional lists to empty and keep extra attributes', () => {
      const directory = parseDirectoryJson(json({ users: [{ id: 'u1', city: 'Oslo', extension_abc_costCenter: 42 }] }));
      expect(directory).to.deep.equal({
        users: [{ id: 'u1', city: 'Oslo', extension_abc_costCenter: 42 }],
        groups: [],
        appRoles: [],
        appRoleAssignments: [],
      });
    });

    it('should drop @odata annotations and refuse any other unknown top-level key', () => {
      expect(parseDirectoryJson(json({ '@odata.context': 'x', users: [] })).users).to.deep.equal([]);
      expect(problemsOf(() => parseDirectoryJson(json({ users: [], group: [] })))).to.deep.equal([
        'group: must NOT have additional properties',
      ]);
    });

    it('should list every schema problem at once with its path', () => {
      const problems = problemsOf(() =>
        parseDirectoryJson(
          json({
            users: [
              { id: 'u0' },
              { id: 7 },
              { id: 'u2', accountEnabled: 'yes' },
              { mail: 'x@contoso.com' },
              { id: 'u4', deletedDateTime: 'yesterday' },
            ],
            groups: [{ id: 'g1' }, { id: 'g2', displayName: 'G2', members: [3] }],
            appRoleAssignments: [{ principalId: 'u0', principalType: 'ServicePrincipal' }],
          }),
          'bad.json',
        ),
      );
      expect(problems).to.include.members([
        'users.1.id: must be string',
        'users.2.accountEnabled: must be boolean',
        "users.3: must have required property 'id'",
        'users.4.deletedDateTime: must match format "date-time"',
        "groups.0: must have required property 'displayName'",
        'groups.1.members.0: must be string',
        'appRoleAssignments.0.principalType: must be equal to one of the allowed values',
      ]);
    });

    it('should name the file in the error', () => {
      try {
        parseDirectoryJson(json({ users: [{}] }), 'tenant.json');
        expect.fail('no error');
      } catch (error) {
        expect(error).to.include({ name: 'ConfigValidationError', what: 'directory tenant.json' });
        expect((error as Error).message).to.equal("invalid directory tenant.json: users.0: must have required property 'id'");
      }
    });

    it('should refuse duplicate ids and dangling references, every one listed', () => {
      const problems = problemsOf(() =>
        parseDirectoryJson(
          json({
            users: [{ id: 'u1', manager: 'nobody' }, { id: 'u1' }, { id: 'u2', manager: 'u1' }],
            groups: [
              { id: 'g1', displayName: 'G', members: ['u2', 'ghost', 'g2'] },
              { id: 'g1', displayName: 'G again' },
              { id: 'g2', displayName: 'self', members: ['g2'] },
              { id: 'u2', displayName: 'clash' },
            ],
            appRoles: [{ id: 'r1' }],
            appRoleAssignments: [
              { principalId: 'missing', principalType: 'User' },
              { principalId: 'g1', principalType: 'User', appRoleId: 'r1' },
              { principalId: 'u1', principalType: 'Group' },
              { principalId: 'u2', principalType: 'User', appRoleId: 'r9' },
              { principalId: 'u2', principalType: 'User', appRoleId: '00000000-0000-0000-0000-000000000000' },
            ],
          }),
        ),
      );
      expect(problems).to.deep.equal([
        'users.1.id: duplicate id "u1" (first at users.0)',
        'groups.1.id: duplicate id "g1" (first at groups.0)',
        'groups.3.id: "u2" is also the id of users.2',
        'users.0.manager: no user with id "nobody"',
        'groups.0.members.1: no user or group with id "ghost"',
        'groups.2.members.0: a group cannot contain itself',
        'appRoleAssignments.0.principalId: no user or group with id "missing"',
        'appRoleAssignments.1.principalType: is User but "g1" is a group',
        'appRoleAssignments.2.principalType: is Group but "u1" is a user',
        'appRoleAssignments.3.appRoleId: no app role with id "r9"',
      ]);
    });

    it('should report shape and reference problems together', () => {
      const problems = problemsOf(() => parseDirectoryJson(json({ users: [{ id: 'u1', manager: 'x', surname: 5 }] })));
      expect(problems).to.deep.equal(['users.0.surname: must be string,null', 'users.0.manager: no user with id "x"']);
    });

    it('should refuse __proto__, constructor and prototype as keys at any depth', () => {
      const text = '{"users":[{"id":"u1","__proto__":{"admin":true}},{"id":"u2","address":{"constructor":1}}],"groups":[{"id":"g","displayName":"g","prototype":1}]}';
      expect(problemsOf(() => parseDirectoryJson(text))).to.deep.equal([
        'users.0.__proto__: reserved key refused',
        'users.1.address.constructor: reserved key refused',
        'groups.0.prototype: reserved key refused',
      ]);
      expect(({} as Record<string, unknown>).admin).to.equal(undefined);
    });

    it('should refuse a file cut short with one problem naming file, line and column', () => {
      const full = json({ users: [{ id: 'u1' }, { id: 'u2' }] });
      const cut = `${full.slice(0, 20)}`;
      expect(problemsOf(() => parseDirectoryJson(cut, 'cut.json'))).to.deep.equal([
        'cut.json:1:21: unexpected end of input (file cut short?)',
      ]);
      expect(problemsOf(() => parseDirectoryJson('', 'empty.json'))).to.deep.equal([
        'empty.json:1:1: unexpected end of input (file cut short?)',
      ]);
    });

    it('should locate a syntax error inside the file', () => {
      const [problem] = problemsOf(() => parseDirectoryJson('{\n  "users": [\n    {"id": "u1"}\n    {"id": "u2"}\n  ]\n}', 'bad.json'));
      expect(problem).to.match(/^bad\.json:4:5: /);
    });

    it('should accept a byte-order mark', () => {
      expect(parseDirectoryJson(`\ufeff${json({ users: [{ id: 'u1' }] })}`).users).to.have.length(1);
    });
  });

  describe('#loadDirectoryFile()', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'scimulator-source-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('should read JSON, and CSV by extension or by option', async () => {
      writeFileSync(join(dir, 'd.json'), json({ users: [{ id: 'u1' }] }));
      writeFileSync(join(dir, 'd.csv'), 'id,displayName\nu1,One\n');
      writeFileSync(join(dir, 'hr.txt'), 'id,displayName\nu1,One\n');
      expect((await loadDirectoryFile(join(dir, 'd.json'))).users).to.deep.equal([{ id: 'u1' }]);
      expect((await loadDirectoryFile(join(dir, 'd.csv'))).users).to.deep.equal([{ id: 'u1', displayName: 'One' }]);
      expect((await loadDirectoryFile(join(dir, 'hr.txt'), { format: 'csv' })).users).to.deep.equal([{ id: 'u1', displayName: 'One' }]);
    });

    it('should pass the groups column on to the CSV reader', async () => {
      writeFileSync(join(dir, 'teams.csv'), 'id,teams\nu1,Blue\n');
      const directory = await loadDirectoryFile(join(dir, 'teams.csv'), { groupsColumn: 'teams' });
      expect(directory.groups).to.deep.equal([{ id: 'group:Blue', displayName: 'Blue', members: ['u1'] }]);
    });

    it('should fail clearly on a file that cannot be read', async () => {
      const missing = join(dir, 'missing.json');
      for (const [path, reason] of [[missing, 'no such file'], [dir, 'is a directory']] as const) {
        try {
          await loadDirectoryFile(path);
          expect.fail('no error');
        } catch (error) {
          expect(error).to.be.instanceOf(DirectoryReadError);
          expect((error as Error).message).to.equal(`cannot read directory file ${path}: ${reason}`);
        }
      }
    });

    it('should refuse a truncated file instead of returning part of it', async () => {
      const text = json({ users: Array.from({ length: 50 }, (_, i) => ({ id: `u${i}` })) });
      writeFileSync(join(dir, 'cut.json'), text.slice(0, Math.floor(text.length / 2)));
      let thrown: unknown;
      const result = await loadDirectoryFile(join(dir, 'cut.json')).catch((error: unknown) => {
        thrown = error;
        return null;
      });
      expect(result).to.equal(null);
      expect(thrown).to.be.instanceOf(ConfigValidationError);
      expect((thrown as ConfigValidationError).problems).to.have.length(1);
    });
  });
});
