/**
 * The journal records references and redacts when it is read (GET /_admin/requests, list(), the
 * file): whichever way a secret came in, no reader and no file line sees it.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createRequestJournal, REDACTED } from '../../../server/journal/index.js';
import { BASE, PATCH_URN, target, TOKEN, user } from '../helpers.js';

const SECRET = 'hunter2-Zq9';

describe('server/journal redaction at read time', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scimulator-journal-read-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should keep a password out of list(), GET /_admin/requests and the file, in bodies, filters, error details and headers', async () => {
    const file = join(dir, 'journal.ndjson');
    const journal = createRequestJournal({ file });
    const t = target({ journal });
    const created = await t.post('/Users', user('ada', { password: SECRET })).expect(201);
    // an error detail that quotes the bad value, a filter on the password, a PATCH of it, a secret header
    await t.post('/Users', user('bob', { password: { x: SECRET } })).expect(400);
    await t.get(`/Users?filter=${encodeURIComponent(`password eq "${SECRET}"`)}`);
    await t.patch(`/Users/${created.body.id as string}`, { schemas: [PATCH_URN], Operations: [{ op: 'replace', path: 'password', value: SECRET }] }).expect(200);
    await request(t.app).get(`${BASE}/Users?access_token=${SECRET}`).set('Authorization', `Bearer ${TOKEN}`).set('X-Api-Key', SECRET).expect(200);

    const listed = journal.list({ limit: 100 });
    expect(listed).to.have.length(5);
    expect(listed[0]!.requestBody).to.deep.include({ userName: 'ada', password: REDACTED });
    expect(listed[4]!.query).to.deep.equal({ access_token: REDACTED });
    expect(JSON.stringify(listed)).to.not.contain(SECRET).and.not.contain(TOKEN);
    const served = await request(t.app).get('/_admin/requests?limit=100').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(served.body.entries).to.have.length(5);
    expect(served.text).to.not.contain(SECRET).and.not.contain(TOKEN);
    await journal.close();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).to.have.length(5);
    expect(lines.join('\n')).to.not.contain(SECRET).and.not.contain(TOKEN);
  });

  it('should redact a large body when it is cut down, so its preview carries no secret either', async () => {
    const journal = createRequestJournal({ maxBodyBytes: 1_000 });
    const t = target({ journal });
    await t.post('/Users', user('big', { password: SECRET, displayName: 'x'.repeat(5_000) })).expect(201);
    const [entry] = journal.list({});
    const body = entry!.requestBody as { truncated: boolean; preview: string };
    expect(body.truncated).to.equal(true);
    expect(body.preview).to.contain(REDACTED).and.not.contain(SECRET);
  });
});
