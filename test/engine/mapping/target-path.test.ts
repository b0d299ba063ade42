import { expect } from 'chai';
import { parseTargetPath } from '../../../engine/mapping/index.js';

describe('engine/mapping/target-path', () => {
  describe('#parseTargetPath()', () => {
    const cases: [string, unknown][] = [
      ['userName', { attribute: 'userName' }],
      ['name.givenName', { attribute: 'name', subAttribute: 'givenName' }],
      ['emails[type eq "work"].value', { attribute: 'emails', filter: { attribute: 'type', value: 'work' }, subAttribute: 'value' }],
      ['roles[primary eq "True"].display', { attribute: 'roles', filter: { attribute: 'primary', value: 'True' }, subAttribute: 'display' }],
      [
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
        { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'department' },
      ],
      ['urn:ietf:params:scim:schemas:core:2.0:User:userName', { attribute: 'userName' }],
      ['__proto__', undefined],
      ['name.constructor', undefined],
      ['emails[type eq work]', undefined],
    ];
    for (const [name, expected] of cases) {
      it(`should read ${name}`, () => {
        expect(parseTargetPath(name)).to.deep.equal(expected);
      });
    }
  });
});
