import { expect } from 'chai';
import { parseDirectoryCsv } from '../../../engine/source/index.js';
import { problemsOf } from './support/problems.js';


describe('engine/source/csv', () => {
  describe('#parseDirectoryCsv()', () => {
    it('should read one user per row with empty cells absent', () => {
      const directory = parseDirectoryCsv('id,displayName,mail,jobTitle\r\nu1,Ana,,"Director, Sales"\r\nu2,"Bo ""B""",bo@contoso.com,\r\n');
      expect(directory.users).to.deep.equal([
        { id: 'u1', displayName: 'Ana', jobTitle: 'Director, Sales' },
        { id: 'u2', displayName: 'Bo "B"', mail: 'bo@contoso.com' },
      ]);
    });

    it('should parse accountEnabled as a boolean in any case', () => {
      const rows = ['true', 'FALSE', '1', '0', 'Yes', 'no', ''].map((v, i) => `u${i},${v}`).join('\n');
      const directory = parseDirectoryCsv(`id,accountEnabled\n${rows}\n`);
      expect(directory.users.map((u) => u.accountEnabled)).to.deep.equal([true, false, true, false, true, false, undefined]);
    });

    it('should list bad booleans and bad dates by line', () => {
      const problems = problemsOf(() =>
        parseDirectoryCsv('id,accountEnabled,assigned,deletedDateTime\nu1,maybe,,\nu2,true,sure,\nu3,,,last week\n'),
      );
      expect(problems).to.deep.equal([
        'line 2 accountEnabled: must be true/false/1/0/yes/no, got "maybe"',
        'line 3 assigned: must be true/false/1/0/yes/no, got "sure"',
        'line 4 deletedDateTime: must match format "date-time"',
      ]);
    });

    it('should create groups from the names with a stable id and make the users direct members', () => {
      const directory = parseDirectoryCsv('id,groups\nu1,Sales; SCIM Pilot\nu2,Sales;;\nu3,\nu4,SCIM Pilot;SCIM Pilot\n');
      expect(directory.groups).to.deep.equal([
        { id: 'group:Sales', displayName: 'Sales', members: ['u1', 'u2'] },
        { id: 'group:SCIM Pilot', displayName: 'SCIM Pilot', members: ['u1', 'u4'] },
      ]);
      expect(directory.users).to.deep.equal([{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }, { id: 'u4' }]);
    });

    it('should read groups from another column when told', () => {
      const directory = parseDirectoryCsv('id,teams,groups\nu1,Blue,kept\n', { groupsColumn: 'teams' });
      expect(directory.groups).to.deep.equal([{ id: 'group:Blue', displayName: 'Blue', members: ['u1'] }]);
      expect(directory.users).to.deep.equal([{ id: 'u1', groups: 'kept' }]);
      expect(problemsOf(() => parseDirectoryCsv('id\nu1\n', { groupsColumn: 'teams' }))).to.deep.equal([
        'line 1: no "teams" column (groupsColumn)',
      ]);
    });

    it('should assign every user directly unless the assigned column says no', () => {
      const directory = parseDirectoryCsv('id,assigned\nu1,\nu2,no\nu3,TRUE\n');
      expect(directory.appRoleAssignments).to.deep.equal([
        { principalId: 'u1', principalType: 'User' },
        { principalId: 'u3', principalType: 'User' },
      ]);
      expect(directory.users).to.deep.equal([{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }]);
    });

    it('should refuse an unterminated quote with its line', () => {
      const problems = problemsOf(() => parseDirectoryCsv('id,displayName\nu1,Ana\nu2,"Bo\nu3,Cy\n', { file: 'hr.csv' }));
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(/^hr\.csv:4: Quote Not Closed/);
    });

    it('should refuse a row with the wrong number of cells, as in a file cut mid-row', () => {
      const full = 'id,displayName,mail\nu1,Ana,ana@contoso.com\nu2,Bo,bo@contoso.com\n';
      const cut = full.slice(0, full.indexOf('Bo,') + 2);
      const problems = problemsOf(() => parseDirectoryCsv(cut, { file: 'hr.csv' }));
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(/^hr\.csv:3: Invalid Record Length: expect 3, got 2/);
      expect(problemsOf(() => parseDirectoryCsv('id,displayName\nu1,Ana,extra\n'))[0]).to.match(/^\(text\):2: Invalid Record Length/);
    });

    it('should refuse an empty file rather than read it as a directory without users', () => {
      expect(problemsOf(() => parseDirectoryCsv('', { file: 'hr.csv' }))).to.deep.equal(['hr.csv: empty file, no header row']);
      expect(problemsOf(() => parseDirectoryCsv('\n\n'))).to.deep.equal(['(text): empty file, no header row']);
    });

    it('should check the header: id column, empty, duplicate and reserved names', () => {
      expect(problemsOf(() => parseDirectoryCsv('mail,,mail,__proto__\na,b,c,d\n'))).to.deep.equal([
        'line 1 column 2: empty column name',
        'line 1 column 3: duplicate column "mail"',
        'line 1 column 4: reserved column name "__proto__" refused',
        'line 1: no "id" column',
      ]);
    });

    it('should refuse a row without id, duplicate ids and unknown managers, by line', () => {
      const problems = problemsOf(() => parseDirectoryCsv('id,manager\nu1,\n,u1\nu1,\nu3,boss\n'));
      expect(problems).to.deep.equal([
        'line 3 id: must not be empty',
        'line 4 id: duplicate id "u1" (first on line 2)',
        'line 5 manager: no user with id "boss"',
      ]);
    });

    it('should accept a byte-order mark and blank lines', () => {
      expect(parseDirectoryCsv('\ufeffid,displayName\n\nu1,Ana\n\n').users).to.deep.equal([{ id: 'u1', displayName: 'Ana' }]);
    });
  });
});
