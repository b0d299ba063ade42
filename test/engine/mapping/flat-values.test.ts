import { expect } from 'chai';
import { flatValues } from '../../../engine/mapping/flat-values.js';
import type { ScimResource } from '../../../scim/types.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const user: ScimResource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  id: 't1',
  externalId: 'e1',
  UserName: 'bjensen@example.com',
  active: 'False',
  name: { givenName: 'Barbara', familyName: null },
  emails: [
    { type: 'home', value: 'home@example.com' },
    { type: 'Work', value: 'work@example.com', primary: true },
  ],
  addresses: [{ type: 'work', locality: 'Hollywood', region: 'CA' }],
  roles: [{ primary: false, value: 'reader' }, { primary: true, value: 'admin' }],
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'm1', displayName: 'Boss' } },
};

describe('engine/mapping/flat-values', () => {
  const cases: [string, unknown][] = [
    ['userName', 'bjensen@example.com'],
    ['USERNAME', 'bjensen@example.com'],
    ['externalId', 'e1'],
    ['active', false],
    ['name.givenName', 'Barbara'],
    ['name.familyName', undefined],
    ['name.formatted', undefined],
    ['emails[type eq "work"].value', 'work@example.com'],
    ['emails[type eq "work"].primary', true],
    ['emails[type eq "other"].value', undefined],
    ['addresses[type eq "work"].locality', 'Hollywood'],
    ['addresses[type eq "home"].locality', undefined],
    ['roles[primary eq "True"].value', 'admin'],
    [`${ENTERPRISE}:employeeNumber`, '701984'],
    [`${ENTERPRISE.toLowerCase()}:EmployeeNumber`, '701984'],
    [`${ENTERPRISE}:manager`, 'm1'],
    [`${ENTERPRISE}:manager.displayName`, 'Boss'],
    [`${ENTERPRISE}:department`, undefined],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName', 'bjensen@example.com'],
    ['emails.value', ['home@example.com', 'work@example.com']],
    ['nickName', undefined],
    ['not a path', undefined],
  ];
  for (const [name, expected] of cases) {
    it(`should read ${name} as ${JSON.stringify(expected)}`, () => {
      expect(flatValues(user, [name])).to.deep.equal({ [name]: expected });
    });
  }

  it('should read many names at once, one entry per name', () => {
    const values = flatValues(user, ['userName', 'active', `${ENTERPRISE}:manager`]);
    expect(values).to.deep.equal({ userName: 'bjensen@example.com', active: false, [`${ENTERPRISE}:manager`]: 'm1' });
  });

  it('should read a manager stored as a plain string and an active stored as a boolean', () => {
    const other: ScimResource = { schemas: [], active: true, [ENTERPRISE]: { manager: 'm2' } };
    expect(flatValues(other, ['active', `${ENTERPRISE}:manager`])).to.deep.equal({ active: true, [`${ENTERPRISE}:manager`]: 'm2' });
  });

  it('should read a filtered element of a single object and miss when the extension is not an object', () => {
    const odd: ScimResource = { schemas: [], emails: { type: 'work', value: 'w@x' }, [ENTERPRISE]: 'oops' };
    expect(flatValues(odd, ['emails[type eq "work"].value', `${ENTERPRISE}:employeeNumber`]))
      .to.deep.equal({ 'emails[type eq "work"].value': 'w@x', [`${ENTERPRISE}:employeeNumber`]: undefined });
  });

  it('should not create prototype keys', () => {
    const values = flatValues(user, ['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(values)).to.equal(Object.prototype);
    expect(Object.keys(values)).to.deep.equal([]);
  });
});
