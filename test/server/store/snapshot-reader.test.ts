/** The streamed snapshot reader gives what JSON.parse gives, whatever the chunking and layout. */
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStreamedDocument } from '../../../server/store/durable/snapshot-reader.js';

describe('server/store/durable/snapshot-reader', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'scimulator-reader-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('should parse every array element and the skeleton like JSON.parse (fast-check, tiny chunks, any layout)', async () => {
    const file = join(dir, 'doc.json');
    const element = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })));
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 6 }), fc.array(element, { maxLength: 6 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 2), fc.integer({ min: 1, max: 64 }), async (users, groups, seq, indent, chunk) => {
        const doc = { version: 1, seq, users, groups };
        writeFileSync(file, JSON.stringify(doc, null, indent));
        const read = await readStreamedDocument(file, chunk);
        expect(read.skeleton).to.deep.equal({ version: 1, seq, users: [], groups: [] });
        expect(read.arrays.get('users')).to.deep.equal(JSON.parse(JSON.stringify(users)));
        expect(read.arrays.get('groups')).to.deep.equal(JSON.parse(JSON.stringify(groups)));
      }),
      { numRuns: 200 },
    );
  });

  it('should refuse a truncated or malformed file', async () => {
    const file = join(dir, 'bad.json');
    for (const text of ['{"version":1,"seq":1,"users":[{"a":1},{"b":', '{"version":1,"seq":1,"users":[{"a":1}]', '{"version":1,"users":[{"a":}]}', '{"users":[1,,2]}', '{"users":[{"a":1}{"b":2}]}', '{"users":[1,]}']) {
      writeFileSync(file, text);
      let failed = false;
      await readStreamedDocument(file, 7).catch(() => (failed = true));
      expect(failed, text).to.equal(true);
    }
  });
});
