import { expect } from 'chai';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PILOT_FORMATS, renderPilot } from '../../../pilot/report/index.js';
import { compact, plain } from '../../../pilot/report/values.js';
import type { PilotResult } from '../../../pilot/result.js';
import { HOSTILE_NAME, pilotResult } from './support/fixture.js';

interface Case { '@_name': string; '@_classname': string; failure?: { '@_message': string; '#text': string }; skipped?: { '@_message': string }; error?: { '@_message': string } }
interface Suite { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testcase: Case[] }
interface Junit { testsuites: { '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testsuite: Suite[] } }

function parseJunit(xml: string): Junit {
  expect(XMLValidator.validate(xml)).to.equal(true);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as Junit;
}

describe('pilot/report', () => {
  describe('values', () => {
    it('should show values as one JSON line cut at 60 characters', () => {
      expect(compact('alex@contoso.com')).to.equal('"alex@contoso.com"');
      expect(compact(undefined)).to.equal('(none)');
      const long = compact({ note: 'x'.repeat(80) });
      expect(long).to.have.length(60).and.to.match(/^\{"note":"x+…$/);
    });

    it('should show control characters as escapes', () => {
      expect(plain('a\u0001b\u001b[31mc\td')).to.equal('a\\u0001b\\u001b[31mc\td');
    });
  });

  describe('#renderPilot(text)', () => {
    it('should print a header and a matrix row per expectation, then the failure, and end with the expectation summary', () => {
      const text = renderPilot(pilotResult(), 'text');
      const lines = text.trimEnd().split('\n');
      expect(lines.at(-1)).to.equal('Pilot: 2 passed, 1 failed, 1 skipped');
      expect(lines.at(-2)).to.equal('scenarios: 1 passed, 1 failed, 1 skipped; finished in 3.5 s');
      expect(lines).to.include('✓ passed  user added to an assigned group  812 ms');
      expect(lines).to.include('✗ failed  licence exhaustion  1.3 s, quirks seat-limited');
      expect(lines).to.include('  skipped: needs the embedded target (quirk no-delete)');
      const row = lines.find((l) => l.includes('Alex exists on the target'));
      expect(row).to.match(/│ Alex exists on the target\s+│ \{"exists":true\}\s+│ \{"exists":true\}\s+│ ✓ passed\s+│/);
      expect(lines.find((l) => l.includes('Alex can sign in'))).to.match(/│ "allowed"\s+│ "allowed"\s+│ ✓ passed/);
      expect(lines.find((l) => l.includes('Alex is disabled'))).to.match(/│ \{"active":false\}\s+│ \(none\)\s+│ – skipped/);
      // the failure: its message (controls escaped, never sent to the terminal) and the first log entry
      const at = lines.indexOf('      the create failed\\u0001 with \\u001b[31mLicenseLimitExceeded');
      expect(at).to.be.greaterThan(0);
      expect(lines[at - 1]).to.match(/^ {2}✗ <script>/);
      expect(lines[at + 1]).to.equal(`      log: create failure LicenseLimitExceeded: The app has no seat left for this user (${HOSTILE_NAME})`);
      expect(text).to.contain('…').and.not.to.contain('\u001b').and.not.to.contain('\u0001');
    });

    it('should colour verdicts only when asked, keeping the last line plain', () => {
      const text = renderPilot(pilotResult(), 'text', { color: true });
      expect(text).to.contain('\u001b[32m✓ passed\u001b[39m').and.to.contain('\u001b[31m✗ failed\u001b[39m');
      expect(text.trimEnd().split('\n').at(-1)).to.equal('Pilot: 2 passed, 1 failed, 1 skipped');
    });

    it('should count the matrix, not trust a summary that disagrees with it', () => {
      const result: PilotResult = { ...pilotResult(), summary: { passed: 0, failed: 0, skipped: 0 } };
      expect(renderPilot(result, 'text').trimEnd().split('\n').at(-1)).to.equal('Pilot: 2 passed, 1 failed, 1 skipped');
    });
  });

  describe('#renderPilot(json)', () => {
    it('should write the verdict matrix as it is, an absent value as null', () => {
      const result = pilotResult();
      const json = JSON.parse(renderPilot(result, 'json')) as PilotResult;
      expect(json.summary).to.deep.equal({ passed: 2, failed: 1, skipped: 1 });
      expect(json.scenarios.map((s) => [s.name, s.status, s.durationMs, s.expectations.map((e) => e.status)])).to.deep.equal([
        ['user added to an assigned group', 'passed', 812, ['passed', 'passed']],
        ['licence exhaustion', 'failed', 1290, ['failed']],
        ['app without DELETE', 'skipped', 0, ['skipped']],
      ]);
      expect(json.scenarios[2].expectations[0]).to.have.property('actual', null);
      // everything else round-trips unchanged, the failure's evidence included
      const expected = JSON.parse(JSON.stringify(result)) as { scenarios: { expectations: Record<string, unknown>[] }[] };
      expected.scenarios[2].expectations[0].actual = null;
      expect(json).to.deep.equal(expected);
    });
  });

  describe('#renderPilot(junit)', () => {
    it('should write one testsuite per scenario and one testcase per expectation, failure and skipped elements included', () => {
      const xml = renderPilot(pilotResult(), 'junit');
      const { testsuites } = parseJunit(xml);
      expect([testsuites['@_tests'], testsuites['@_failures'], testsuites['@_errors'], testsuites['@_skipped']]).to.deep.equal(['4', '1', '0', '1']);
      expect(testsuites.testsuite.map((s) => [s['@_name'], s['@_tests'], s['@_failures'], s['@_skipped']])).to.deep.equal([
        ['user added to an assigned group', '2', '0', '0'],
        ['licence exhaustion', '1', '1', '0'],
        ['app without DELETE', '1', '0', '1'],
      ]);
      const cases = testsuites.testsuite.flatMap((s) => s.testcase);
      expect(cases.map((c) => c['@_classname'])).to.deep.equal([
        'user added to an assigned group', 'user added to an assigned group', 'licence exhaustion', 'app without DELETE',
      ]);
      expect(cases.map((c) => Boolean(c.failure))).to.deep.equal([false, false, true, false]);
      const failed = cases[2];
      expect(failed['@_name']).to.equal(`${HOSTILE_NAME} & "Bo" are provisioned`);
      expect(failed.failure?.['@_message']).to.equal('the create failed\\u0001 with \\u001b[31mLicenseLimitExceeded [LicenseLimitExceeded]');
      const body = failed.failure?.['#text'] ?? '';
      expect(body).to.contain('expected: {\n  "action": "create",\n  "status": "success"\n}');
      expect(body).to.contain('"errorCode": "LicenseLimitExceeded"');
      expect(body).to.contain('log create failure LicenseLimitExceeded: The app has no seat left for this user');
      expect(body).to.contain('  step EntryExportAdd failure: Could not create the user');
      expect(body).to.contain('POST /scim/v2/Users → 403 [quirk seat-limited]');
      expect(cases[3].skipped?.['@_message']).to.equal('needs the embedded target (quirk no-delete)');
      expect(xml).to.contain('&lt;script&gt;').and.not.to.contain('<script>').and.not.to.match(/[\u0001\u001b]/);
    });

    it('should report a scenario that could not run as an error testcase', () => {
      const base = pilotResult();
      const result: PilotResult = {
        ...base,
        scenarios: [...base.scenarios, { name: 'bad step', status: 'failed', error: 'step 2: unknown user "zoe" <x>', durationMs: 5, expectations: [] }],
      };
      const { testsuites } = parseJunit(renderPilot(result, 'junit'));
      expect([testsuites['@_tests'], testsuites['@_errors']]).to.deep.equal(['5', '1']);
      const suite = testsuites.testsuite.at(-1);
      expect([suite?.['@_tests'], suite?.['@_errors']]).to.deep.equal(['1', '1']);
      expect(suite?.testcase[0]['@_name']).to.equal('scenario could not run');
      expect(suite?.testcase[0].error?.['@_message']).to.equal('step 2: unknown user "zoe" <x>');
    });
  });

  describe('#renderPilot(html)', () => {
    it('should be one self-contained page, the matrix first, the failure expanded with its evidence', () => {
      const html = renderPilot(pilotResult(), 'html');
      expect(html).to.match(/^<!doctype html>/);
      expect(html).to.contain('<title>Pilot Contoso rollout: 2 passed, 1 failed, 1 skipped</title>');
      // nothing is fetched: no src, no href but in-page anchors, one inline script
      // (every attribute this reporter writes is double-quoted; the browser test watches the requests)
      expect(html).not.to.match(/\s(src|href)="(?!#)/);
      expect(html.match(/<script/g)).to.have.length(1);
      expect(html.indexOf('<table class="matrix">')).to.be.lessThan(html.indexOf('<section class="scenario'));
      expect(html).to.contain('<details class="exp failed" id="s1-e0" open>');
      expect(html.match(/ open>/g)).to.have.length(1);
      const failure = html.slice(html.indexOf('id="s1-e0"'), html.indexOf('</details>', html.indexOf('id="s1-e0"')));
      expect(failure).to.contain('<code>LicenseLimitExceeded</code> The app has no seat left for this user');
      expect(failure).to.contain('<b>EntryExportAdd</b>').and.to.contain('<td>userName</td><td>∅</td>');
      expect(failure).to.contain('<code>POST /scim/v2/Users</code> → <span class="http bad">403</span>');
      expect(failure).to.contain('&quot;detail&quot;: &quot;no seat left&quot;');
      expect(html).to.contain('&lt;script&gt;document.body.dataset.pwned=&#39;1&#39;&lt;/script&gt;');
      expect(html).not.to.contain('<script>document.body').and.not.to.contain('<img');
    });
  });

  it('should render every format it names', () => {
    expect(PILOT_FORMATS).to.deep.equal(['text', 'json', 'junit', 'html']);
    for (const f of PILOT_FORMATS) expect(renderPilot(pilotResult(), f)).to.contain('licence exhaustion');
  });
});
