import { expect } from 'chai';
import { mkdtempSync, readFileSync, statSync, appendFileSync, copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDurableStore } from '../../../server/store/durable-store.js';
import { BASE_URL, filterQuery, fixedOptions, group, user } from './support/fixtures.js';

const tempDirs: string[] = [];

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scimulator-store-'));
  tempDirs.push(dir);
  return join(dir, 'db.json');
}

describe('server/store/durable-store', () => {
  after(() => {
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('should keep creates, replaces, deletes and membership across a restart', async () => {
    const file = tempFile();
    const a = await createDurableStore({ file, ...fixedOptions() });
    const ann = await a.create('User', user('ann@example.com'));
    const bob = await a.create('User', user('bob@example.com'));
    const cat = await a.create('User', user('cat@example.com'));
    const team = await a.create('Group', group('Team', [ann.id, bob.id, cat.id]));
    await a.replace('User', bob.id, user('bob@example.com', { title: 'Lead' }));
    await a.delete('User', cat.id);
    await a.close();

    const b = await createDurableStore({ file, ...fixedOptions({ newId: () => 'id-after-restart' }) });
    expect(b.query('User').map((u) => u.userName)).to.deep.equal(['ann@example.com', 'bob@example.com']);
    expect(b.get('User', bob.id)!.title).to.equal('Lead');
    expect(b.get('User', bob.id)!.meta.version).to.equal('W/"2"');
    expect(b.get('Group', team.id)!.members).to.deep.equal(a.get('Group', team.id)!.members);
    expect(b.get('User', ann.id)!.groups).to.have.length(1);
    expect(b.query('User', filterQuery('User', 'userName eq "ANN@example.com"'))).to.have.length(1);
    await b.close();
  });

  it('should answer a write only once its journal line is on disk, without rewriting the snapshot', async () => {
    const file = tempFile();
    const a = await createDurableStore({ file, ...fixedOptions() });
    await a.create('User', user('seed@example.com'));
    await a.close();
    const before = statSync(file);
    const snapshotText = readFileSync(file, 'utf8');

    const b = await createDurableStore({ file, ...fixedOptions({ newId: () => 'new-user' }) });
    await b.create('User', user('next@example.com'));
    const journal = readFileSync(`${file}.journal`, 'utf8').trim().split('\n');
    expect(journal).to.have.length(1);
    expect(JSON.parse(journal[0]).c[0].resource.id).to.equal('new-user');
    const after = statSync(file);
    expect([after.ino, after.mtimeMs, readFileSync(file, 'utf8')]).to.deep.equal([before.ino, before.mtimeMs, snapshotText]);
    await b.close();
  });

  it('should append the mutations of one tick with a single journal write (group commit)', async () => {
    const file = tempFile();
    const store = await createDurableStore({ file, baseUrl: 'http://x/scim/v2' });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.create('User', user(`u${i}`))));
    expect(store.stats!()).to.include({ journalWrites: 1, journalEntries: 50 });
    await store.close();
  });

  it('should compact past the threshold and replay only newer journal lines', async () => {
    const file = tempFile();
    const a = await createDurableStore({ file, baseUrl: 'http://x/scim/v2', compactAfterEntries: 10 });
    for (let i = 0; i < 25; i++) await a.create('User', user(`u${i}`));
    expect(a.stats!().snapshots).to.be.at.least(1);
    // a compaction may still be writing in the background (a loaded machine): let it finish
    while (existsSync(`${file}.journal.old`)) await new Promise((resolve) => setTimeout(resolve, 10));
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    const lines = readFileSync(`${file}.journal`, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.every((l) => l.s > snapshot.seq)).to.equal(true);
    expect(snapshot.users.length + lines.length).to.equal(25);
    // a crash image: the files as they are now, without close()
    const copy = tempFile();
    copyFileSync(file, copy);
    copyFileSync(`${file}.journal`, `${copy}.journal`);
    await a.close();
    const b = await createDurableStore({ file: copy, baseUrl: 'http://x/scim/v2' });
    expect(b.count('User')).to.equal(25);
    await b.close();
  });

  it('should ignore and truncate a torn final journal line (crash mid-append)', async () => {
    const file = tempFile();
    const a = await createDurableStore({ file, baseUrl: 'http://x/scim/v2' });
    await a.create('User', user('kept@example.com'));
    const copy = tempFile();
    copyFileSync(`${file}.journal`, `${copy}.journal`);
    const goodLength = statSync(`${copy}.journal`).size;
    appendFileSync(`${copy}.journal`, '{"s":2,"c":[{"op":"put","type":"User","reso');
    await a.close();

    const b = await createDurableStore({ file: copy, baseUrl: 'http://x/scim/v2' });
    expect(b.query('User').map((u) => u.userName)).to.deep.equal(['kept@example.com']);
    expect(statSync(`${copy}.journal`).size).to.equal(goodLength);
    await b.create('User', user('after@example.com'));
    await b.close();
    const c = await createDurableStore({ file: copy, baseUrl: 'http://x/scim/v2' });
    expect(c.count('User')).to.equal(2);
    await c.close();
  });

  it('should refuse a journal with a corrupt line in the middle rather than lose data silently', async () => {
    const file = tempFile();
    appendFileSync(`${file}.journal`, 'garbage\n{"s":1,"c":[{"op":"reset"}]}\n');
    let error: unknown;
    try {
      await createDurableStore({ file, baseUrl: 'http://x/scim/v2' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.contain('line 1 is corrupt');
  });

  it('should finish a compaction interrupted after the journal rotation', async () => {
    const file = tempFile();
    const a = await createDurableStore({ file, baseUrl: 'http://x/scim/v2' });
    await a.create('User', user('one@example.com'));
    await a.close();
    // crash image: one mutation in a rotated .old journal, one in the live journal, old snapshot
    const b = await createDurableStore({ file, baseUrl: 'http://x/scim/v2' });
    await b.create('User', user('two@example.com'));
    copyFileSync(`${file}.journal`, `${file}.image-old`);
    await b.create('User', user('three@example.com'));
    const live = readFileSync(`${file}.journal`, 'utf8').split('\n')[1];
    const snapshot = readFileSync(file, 'utf8');
    await b.close();
    rmSync(file);
    appendFileSync(file, snapshot);
    copyFileSync(`${file}.image-old`, `${file}.journal.old`);
    rmSync(`${file}.journal`);
    appendFileSync(`${file}.journal`, `${live}\n`);

    const c = await createDurableStore({ file, baseUrl: 'http://x/scim/v2' });
    expect(c.query('User').map((u) => u.userName)).to.deep.equal(['one@example.com', 'two@example.com', 'three@example.com']);
    expect(existsSync(`${file}.journal.old`)).to.equal(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).users).to.have.length(3);
    await c.close();
  });

  it('should serve meta.location and $refs under the base URL it was reopened with (RFC 7643 §3.1, §4.2)', async () => {
    const file = tempFile();
    const a = await createDurableStore({ file, ...fixedOptions({ baseUrl: 'http://127.0.0.1:8080/scim/v2' }) });
    const ann = await a.create('User', user('ann@example.com'));
    const team = await a.create('Group', group('Team', [ann.id]));
    await a.close();

    const moved = 'http://127.0.0.1:43210/scim/v2';
    const b = await createDurableStore({ file, ...fixedOptions({ baseUrl: moved }) });
    expect(b.get('User', ann.id)!.meta.location).to.equal(`${moved}/Users/${ann.id}`);
    expect(b.get('User', ann.id)!.groups).to.deep.equal([{ value: team.id, $ref: `${moved}/Groups/${team.id}`, display: 'Team', type: 'direct' }]);
    expect(b.get('Group', team.id)!.meta.location).to.equal(`${moved}/Groups/${team.id}`);
    expect(b.get('Group', team.id)!.members).to.deep.equal([{ value: ann.id, $ref: `${moved}/Users/${ann.id}`, display: 'ann@example.com', type: 'User' }]);
    expect(b.query('User', filterQuery('User', `meta.location eq "${moved}/Users/${ann.id}"`))).to.have.length(1);
    await b.close();
  });

  it('should load a file whose records carry stored URLs, the derived ones winning', async () => {
    const file = tempFile();
    const old = 'http://old-host:9999/scim/v2';
    const ann = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'u1', userName: 'ann@example.com', meta: { resourceType: 'User', created: '2025-01-01T00:00:00.000Z', lastModified: '2025-01-01T00:00:00.000Z', location: `${old}/Users/u1`, version: 'W/"1"' } };
    const team = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g1', displayName: 'Team', members: [{ value: 'u1', $ref: `${old}/Users/u1`, display: 'ann@example.com', type: 'User' }], meta: { resourceType: 'Group', created: '2025-01-01T00:00:00.000Z', lastModified: '2025-01-01T00:00:00.000Z', location: `${old}/Groups/g1`, version: 'W/"1"' } };
    writeFileSync(file, JSON.stringify({ version: 1, seq: 1, users: [ann], groups: [] }));
    // a journal line written before the change: the group, put with its stored URLs
    writeFileSync(`${file}.journal`, `${JSON.stringify({ s: 2, c: [{ op: 'put', type: 'Group', resource: team }] })}\n`);

    const store = await createDurableStore({ file, ...fixedOptions() });
    expect(store.get('User', 'u1')!.meta).to.deep.equal({ ...ann.meta, location: `${BASE_URL}/Users/u1` });
    expect(store.get('Group', 'g1')!.members).to.deep.equal([{ value: 'u1', $ref: `${BASE_URL}/Users/u1`, display: 'ann@example.com', type: 'User' }]);
    expect(store.get('Group', 'g1')!.meta.location).to.equal(`${BASE_URL}/Groups/g1`);
    expect(store.get('User', 'u1')!.groups).to.deep.equal([{ value: 'g1', $ref: `${BASE_URL}/Groups/g1`, display: 'Team', type: 'direct' }]);
    await store.close();
  });
});
