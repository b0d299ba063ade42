/**
 * Child process for the kill -9 test: creates users forever with 8 concurrent writers against
 * a durable store and prints each id once its create has been acknowledged (resolved).
 * Usage: node --import tsx durable-writer.ts FILE COMPACT_AFTER_ENTRIES
 */
import { createDurableStore } from '../../../../server/store/durable-store.js';

const [file, compactAfter] = process.argv.slice(2);
// Refuse to run when loaded any other way (e.g. a bare `mocha` picking up every .ts under test/):
// it would otherwise write forever to a file named after the first CLI argument.
if (file === undefined || file.startsWith('-') || !(Number(compactAfter) > 0)) {
  throw new TypeError('usage: node --import tsx durable-writer.ts FILE COMPACT_AFTER_ENTRIES');
}
const store = await createDurableStore({ file, baseUrl: 'http://127.0.0.1/scim/v2', compactAfterEntries: Number(compactAfter) });
let n = 0;
async function writer(): Promise<never> {
  for (;;) {
    const created = await store.create('User', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `user${process.pid}-${n++}@example.com`, displayName: 'x'.repeat(200) });
    process.stdout.write(`${created.id}\n`);
  }
}
process.stdout.write('ready\n');
await Promise.all(Array.from({ length: 8 }, writer));
