import { expect } from 'chai';
import { assignmentIndex, groupSourceObject, guestOriginalAddress, parseDirectoryJson, userSourceObject } from '../../../engine/source/index.js';
import { evaluate } from '../../../engine/expressions/index.js';

const directory = parseDirectoryJson(
  JSON.stringify({
    users: [
      { id: 'u1', userPrincipalName: 'ana@contoso.com', givenName: 'Ana', manager: 'u2', city: 'Oslo' },
      { id: 'u2', userPrincipalName: 'jose.munoz_fabrikam.com#EXT#@contoso.com', accountEnabled: false },
      { id: 'u3' },
    ],
    groups: [{ id: 'g1', displayName: 'Sales', mailNickname: 'sales', members: ['u1', 'u2'] }],
    appRoles: [
      { id: 'r-user', value: 'User', displayName: 'User' },
      { id: 'r-admin', value: 'Admin', displayName: 'Administrator' },
    ],
    appRoleAssignments: [
      { principalId: 'g1', principalType: 'Group', appRoleId: 'r-user' },
      { principalId: 'u1', principalType: 'User', appRoleId: 'r-admin' },
      { principalId: 'u3', principalType: 'User' },
    ],
  }),
);
const index = assignmentIndex(directory);
const [ana, guest, plain] = directory.users;

describe('engine/source/source-object', () => {
  describe('#userSourceObject()', () => {
    it('should give every attribute plus objectId, IsSoftDeleted, accountEnabled and the role assignments', () => {
      expect(userSourceObject(ana!, { isSoftDeleted: false, index })).to.deep.equal({
        id: 'u1',
        objectId: 'u1',
        userPrincipalName: 'ana@contoso.com',
        originalUserPrincipalName: 'ana@contoso.com',
        givenName: 'Ana',
        manager: 'u2',
        city: 'Oslo',
        accountEnabled: true,
        IsSoftDeleted: false,
        appRoleAssignments: [
          { id: 'r-user', appRoleId: 'r-user', value: 'User', displayName: 'User' },
          { id: 'r-admin', appRoleId: 'r-admin', value: 'Admin', displayName: 'Administrator' },
        ],
      });
    });

    it('should carry the IsSoftDeleted the engine decided and keep accountEnabled false', () => {
      const object = userSourceObject(guest!, { isSoftDeleted: true, index });
      expect(object).to.include({ IsSoftDeleted: true, accountEnabled: false });
      expect(evaluate('Switch([IsSoftDeleted], , "False", "True", "True", "False")', object).value).to.equal('False');
    });

    it('should give a B2B guest its own address as userPrincipalName and keep the raw UPN (ENTRA-SPEC §2.4)', () => {
      const object = userSourceObject(guest!, { isSoftDeleted: false, index });
      expect(object).to.include({
        userPrincipalName: 'jose.munoz@fabrikam.com',
        originalUserPrincipalName: 'jose.munoz_fabrikam.com#EXT#@contoso.com',
      });
    });

    it('should feed the role functions of the expression language', () => {
      const object = userSourceObject(ana!, { isSoftDeleted: false, index });
      expect(evaluate('SingleAppRoleAssignment([appRoleAssignments])', object).value).to.equal('User');
      expect(evaluate('AppRoleAssignmentsComplex([appRoleAssignments])', object).value).to.deep.equal([
        { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'User', value: 'User' },
        { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Administrator', value: 'Admin' },
      ]);
    });

    it('should give a Default Access user an assignment without a role value, which role functions skip', () => {
      const object = userSourceObject(plain!, { isSoftDeleted: false, index });
      expect(object.appRoleAssignments).to.deep.equal([
        { id: '00000000-0000-0000-0000-000000000000', appRoleId: '00000000-0000-0000-0000-000000000000', value: null, displayName: 'Default Access' },
      ]);
      expect(evaluate('SingleAppRoleAssignment([appRoleAssignments])', object).value).to.equal(null);
      expect(object).to.not.have.property('userPrincipalName');
    });

    it('should not change the directory user', () => {
      userSourceObject(guest!, { isSoftDeleted: false, index });
      expect(guest!.userPrincipalName).to.equal('jose.munoz_fabrikam.com#EXT#@contoso.com');
    });
  });

  describe('#guestOriginalAddress()', () => {
    it('should split at the last underscore before #EXT#', () => {
      expect(guestOriginalAddress('john_smith_fabrikam.com#EXT#@contoso.onmicrosoft.com')).to.equal('john_smith@fabrikam.com');
      expect(guestOriginalAddress('a_b.org#ext#@contoso.com')).to.equal('a@b.org');
    });

    it('should leave any other UPN alone', () => {
      for (const upn of ['ana@contoso.com', 'ana_fabrikam.com@contoso.com', '#EXT#@contoso.com', 'x_#EXT#@contoso.com']) {
        expect(guestOriginalAddress(upn), upn).to.equal(null);
      }
    });
  });

  describe('#groupSourceObject()', () => {
    it('should give displayName, objectId, members and the group attributes', () => {
      const object = groupSourceObject(directory.groups[0]!);
      expect(object).to.deep.equal({
        id: 'g1',
        objectId: 'g1',
        displayName: 'Sales',
        mailNickname: 'sales',
        members: ['u1', 'u2'],
        IsSoftDeleted: false,
      });
      expect(object.members).to.not.equal(directory.groups[0]!.members);
    });

    it('should take IsSoftDeleted from the caller, else from deletedDateTime, and default members to []', () => {
      expect(groupSourceObject({ id: 'g', displayName: 'G' })).to.include({ IsSoftDeleted: false }).and.deep.include({ members: [] });
      expect(groupSourceObject({ id: 'g', displayName: 'G', deletedDateTime: '2025-01-01T00:00:00Z' })).to.include({ IsSoftDeleted: true });
      expect(groupSourceObject({ id: 'g', displayName: 'G' }, { isSoftDeleted: true })).to.include({ IsSoftDeleted: true });
    });
  });
});
