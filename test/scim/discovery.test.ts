import { expect } from 'chai';
import {
  resourceTypeResources,
  schemaResources,
  serviceProviderConfig,
} from '../../scim/discovery.js';
import { defaultSchemaRegistry } from '../../scim/schema/registry.js';
import { normalizeSchema } from '../../scim/schema/normalize.js';
import { withDefaultSubAttributes } from '../../scim/schema/default-sub-attributes.js';
import { RFC_SCHEMA_DATA } from '../../scim/schemas/bundled.js';
import { URN } from '../../scim/types.js';

const base = 'http://127.0.0.1:8080/scim/v2/';

/**
 * Every characteristic the RFC text gives appears unchanged in `served`; lists may go on past the
 * RFC's items (the §2.4 default sub-attributes are appended).
 */
function containsRfc(served: unknown, rfc: unknown, path: string): void {
  if (Array.isArray(rfc)) {
    expect(served, path).to.be.an('array');
    expect((served as unknown[]).length, path).to.be.at.least(rfc.length);
    rfc.forEach((item, i) => containsRfc((served as unknown[])[i], item, `${path}[${i}]`));
    return;
  }
  if (typeof rfc === 'object' && rfc !== null) {
    for (const [key, value] of Object.entries(rfc)) containsRfc((served as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  expect(served, path).to.equal(rfc);
}

describe('scim/discovery', () => {
  const registry = defaultSchemaRegistry();

  describe('#schemaResources()', () => {
    const served = schemaResources(registry, base);

    it('should serve the RFC 7643 §8.7.1 schemas unchanged apart from meta, §2.2 defaults and §2.4 default sub-attributes', () => {
      RFC_SCHEMA_DATA.forEach((rfc, i) => {
        const { schemas, meta, ...rest } = served[i]!;
        expect(schemas).to.deep.equal([URN.Schema]);
        expect(meta).to.deep.equal({ resourceType: 'Schema', location: `http://127.0.0.1:8080/scim/v2/Schemas/${rest.id}` });
        expect(rest).to.deep.equal(withDefaultSubAttributes(normalizeSchema(rfc)));
        containsRfc(rest, rfc, rest.id);
      });
    });

    it('should add only display and primary, per RFC 7643 §2.4, to multi-valued complex attributes', () => {
      const members = served[1]!.attributes.find((a) => a.name === 'members')!;
      expect(members.subAttributes!.map((s) => s.name)).to.deep.equal(['value', '$ref', 'type', 'display', 'primary']);
      const emails = served[0]!.attributes.find((a) => a.name === 'emails')!;
      expect(emails.subAttributes!.map((s) => s.name)).to.deep.equal(['value', 'display', 'type', 'primary']);
    });

    it('should list the RFC 7643 §8.7.2 service provider schemas after the resource schemas', () => {
      expect(served.map((s) => s.id)).to.deep.equal([
        ...RFC_SCHEMA_DATA.map((s) => (s as { id: string }).id),
        URN.ServiceProviderConfig,
        URN.ResourceType,
        URN.Schema,
      ]);
      expect(schemaResources(registry, base, { serviceProviderSchemas: false })).to.have.lengthOf(RFC_SCHEMA_DATA.length);
    });

    it('should print attributes in the RFC order of characteristics', () => {
      expect(Object.keys(served[0]!.attributes[0]!)).to.deep.equal([
        'name', 'type', 'multiValued', 'description', 'required', 'caseExact', 'mutability', 'returned', 'uniqueness',
      ]);
    });

    it('should not share mutable state with the registry', () => {
      (served[0]!.attributes[0] as { name: string }).name = 'changed';
      expect(registry.schemas()[0]!.attributes[0]!.name).to.equal('userName');
    });
  });

  describe('#resourceTypeResources()', () => {
    it('should serve User and Group as RFC 7643 §6 resources with meta', () => {
      expect(resourceTypeResources(registry, base)).to.deep.equal([
        {
          schemas: [URN.ResourceType], id: 'User', name: 'User', endpoint: '/Users', description: 'User Account',
          schema: URN.User, schemaExtensions: [{ schema: URN.EnterpriseUser, required: false }],
          meta: { resourceType: 'ResourceType', location: 'http://127.0.0.1:8080/scim/v2/ResourceTypes/User' },
        },
        {
          schemas: [URN.ResourceType], id: 'Group', name: 'Group', endpoint: '/Groups', description: 'Group', schema: URN.Group,
          meta: { resourceType: 'ResourceType', location: 'http://127.0.0.1:8080/scim/v2/ResourceTypes/Group' },
        },
      ]);
    });
  });

  describe('#serviceProviderConfig()', () => {
    it('should describe every RFC 7643 §5 feature with defaults and OAuth bearer tokens as primary', () => {
      expect(serviceProviderConfig({ baseUrl: base })).to.deep.equal({
        schemas: [URN.ServiceProviderConfig],
        patch: { supported: true },
        bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
        filter: { supported: true, maxResults: 200 },
        changePassword: { supported: false },
        sort: { supported: false },
        etag: { supported: false },
        authenticationSchemes: [{
          type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'Authentication scheme using the OAuth Bearer Token Standard',
          specUri: 'https://www.rfc-editor.org/info/rfc6750', primary: true,
        }],
        meta: { resourceType: 'ServiceProviderConfig', location: 'http://127.0.0.1:8080/scim/v2/ServiceProviderConfig' },
      });
    });

    it('should take options for bulk, filter, sort, etag, RFC 9865 pagination and basic auth', () => {
      const config = serviceProviderConfig({
        patch: false, bulk: { supported: true, maxOperations: 100, maxPayloadSize: 1_048_576 }, filter: { supported: true, maxResults: 50 },
        changePassword: true, sort: true, etag: true, documentationUri: 'https://example.com/docs',
        pagination: { cursor: true, index: true, defaultPaginationMethod: 'index', defaultPageSize: 20, maxPageSize: 50, cursorTimeout: 600 },
        authenticationSchemes: ['httpbasic', 'oauthbearertoken'],
      });
      expect(config).to.deep.include({
        documentationUri: 'https://example.com/docs', patch: { supported: false }, bulk: { supported: true, maxOperations: 100, maxPayloadSize: 1_048_576 },
        filter: { supported: true, maxResults: 50 }, changePassword: { supported: true }, sort: { supported: true }, etag: { supported: true },
        pagination: { cursor: true, index: true, defaultPaginationMethod: 'index', defaultPageSize: 20, maxPageSize: 50, cursorTimeout: 600 },
      });
      expect(config.authenticationSchemes.map((s) => [s.type, s.primary])).to.deep.equal([['httpbasic', true], ['oauthbearertoken', undefined]]);
      expect(config.meta).to.deep.equal({ resourceType: 'ServiceProviderConfig' });
    });
  });
});
