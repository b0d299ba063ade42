import { expect } from 'chai';
import fc from 'fast-check';
import { CHUNK_CHARS, serialise } from '../../server/respond.js';
import { createMemoryStore } from '../../server/store/index.js';
import { seedUsers } from '../../server/seed/index.js';
import { createRequestJournal } from '../../server/journal/index.js';
import { BASE_URL, target } from './helpers.js';

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const listResponse = fc.record({
  schemas: fc.constant(['urn:ietf:params:scim:api:messages:2.0:ListResponse']),
  totalResults: fc.nat(),
  Resources: fc.array(fc.dictionary(fc.string(), jsonValue, { maxKeys: 6 }), { maxLength: 40 }),
  startIndex: fc.option(fc.nat(), { nil: undefined }),
  extra: fc.option(jsonValue, { nil: undefined }),
});

describe('server/respond: a body serialised in pieces', () => {
  it('should give exactly the text JSON.stringify gives, whatever the key order and values', () => {
    fc.assert(fc.property(listResponse, fc.boolean(), (body, resourcesFirst) => {
      const { Resources, ...rest } = body;
      const ordered = resourcesFirst ? { Resources, ...rest } : { ...rest, Resources };
      expect(serialise(ordered).join('')).to.equal(JSON.stringify(ordered));
    }), { numRuns: 300 });
  });

  it('should keep every piece within CHUNK_CHARS unless one resource alone is longer', () => {
    const big = 'x'.repeat(CHUNK_CHARS / 4);
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 9, Resources: Array.from({ length: 9 }, (_, i) => ({ id: String(i), big })) };
    const chunks = serialise(body);
    expect(chunks.length).to.be.greaterThan(2);
    for (const chunk of chunks) expect(chunk.length).to.be.at.most(CHUNK_CHARS);
    expect(chunks.join('')).to.equal(JSON.stringify(body));
    const huge = { ...body, Resources: [{ big: 'y'.repeat(CHUNK_CHARS * 2) }, { id: 'small' }] };
    expect(serialise(huge).join('')).to.equal(JSON.stringify(huge));
  });

  it('should serialise a single resource or an error in one piece', () => {
    expect(serialise({ id: '1', userName: 'a' })).to.have.length(1);
    expect(serialise({ Resources: [{ id: '1' }] })).to.have.length(1);
  });

  it('should send a 100-user page in pieces with the right Content-Length, parseable whole', async () => {
    const store = createMemoryStore({ baseUrl: BASE_URL });
    await seedUsers(store, 300);
    const t = target({ store });
    const res = await t.get('/Users?startIndex=1&count=100');
    expect(res.status).to.equal(200);
    expect(Number(res.headers['content-length'])).to.equal(Buffer.byteLength(res.text));
    expect(res.text.length).to.be.greaterThan(CHUNK_CHARS);
    expect(res.body.Resources).to.have.length(100);
    expect(res.text).to.equal(JSON.stringify(res.body));
  });

  it('should journal a page sent in pieces whole when it fits the journal, and as a preview when not', async () => {
    const store = createMemoryStore({ baseUrl: BASE_URL });
    await seedUsers(store, 300);
    const journal = createRequestJournal();
    const t = target({ store, journal });
    const small = await t.get('/Users?startIndex=1&count=40');
    const large = await t.get('/Users?startIndex=1&count=100');
    expect(small.text.length).to.be.within(CHUNK_CHARS + 1, 64 * 1024);
    expect(large.text.length).to.be.above(64 * 1024);
    const [first, second] = journal.list({});
    expect(first!.responseBody).to.deep.equal(small.body);
    expect(second!.responseBody).to.deep.include({ truncated: true, bytes: Buffer.byteLength(large.text), preview: large.text.slice(0, 1024) });
  });
});
