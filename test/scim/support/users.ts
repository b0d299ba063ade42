/** Three users shaped after the RFC 7643 §8.2 example, for filter and sort tests. */
import { defaultSchemaRegistry } from '../../../scim/schema/registry.js';
import type { ScimResource } from '../../../scim/types.js';

export const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const registry = defaultSchemaRegistry();
export const userResolver = registry.resolver('User');
export const groupResolver = registry.resolver('Group');
export const userUrns = registry.schemaUrns('User');

export function users(): ScimResource[] {
  return [
    {
      schemas: [CORE, ENTERPRISE], id: 'u1', externalId: 'EXT-1', userName: 'bjensen', active: true,
      name: { familyName: 'Jensen', givenName: 'Barbara' }, userType: 'Employee', title: 'Tour Guide',
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }, { value: 'babs@jensen.org', type: 'home' }],
      meta: { created: '2010-01-23T04:56:22Z', lastModified: '2011-05-13T04:42:34Z' },
      [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'u3' } },
    },
    {
      schemas: [CORE], id: 'u2', userName: 'Jsmith', active: false,
      name: { familyName: "O'Malley", givenName: 'John' }, userType: 'Intern', title: '',
      emails: [{ value: 'js@example.net', type: 'work' }], ims: [{ value: 'js@foo.com', type: 'xmpp' }],
      meta: { created: '2011-01-01T00:00:00Z', lastModified: '2011-05-13T06:42:34+02:00' },
    },
    {
      schemas: [CORE], id: 'u3', userName: 'JaneManager', active: true, userType: 'Employee', title: null,
      name: {}, emails: [{ value: 'jane@example.org', type: 'work' }], phoneNumbers: [],
      meta: { created: '2012-01-01T00:00:00Z', lastModified: '2012-01-01T00:00:00Z' },
    },
  ];
}
