import { expect } from 'chai';
import { formatHtml, formatJson, formatJunit, formatText } from '../../../conformance/index.js';
import { leftoverLine } from '../../../conformance/reporters/text.js';
import { fakeRun } from '../support/fake-run.js';

describe('conformance/reporters', () => {
  describe('#formatText()', () => {
    it('should group by area and end with the exact summary line', () => {
      const text = formatText(fakeRun());
      const lines = text.trimEnd().split('\n');
      expect(lines.at(-1)).to.equal('1 passed, 1 failed, 1 skipped');
      expect(text.indexOf('\nusers\n')).to.be.lessThan(text.indexOf('\nfilter\n'));
      expect(text).to.contain('expected: ["a"]').and.to.contain('GET http://127.0.0.1:1/scim/v2/Users?filter=x').and.to.contain('skipped: not advertised: bulk');
      expect(text).not.to.contain('\u001b[');
    });
  });

  describe('#leftoverLine()', () => {
    it('should name the first five leftovers and count the rest', () => {
      const ids = Array.from({ length: 7 }, (_, i) => `/Users/u${i}`);
      expect(leftoverLine(ids)).to.equal(
        'could not delete 7 resource(s) the run created: /Users/u0, /Users/u1, /Users/u2, /Users/u3, /Users/u4, … and 2 more (--format json lists them all)',
      );
      expect(leftoverLine(['/Groups/g'])).to.equal('could not delete 1 resource(s) the run created: /Groups/g');
    });
  });

  describe('#formatJson()', () => {
    it('should give the summary and one entry per check with status and reason', () => {
      const json = JSON.parse(formatJson(fakeRun())) as { summary: Record<string, number>; checks: Record<string, unknown>[] };
      expect(json.summary).to.deep.equal({ passed: 1, failed: 1, skipped: 1, notRun: 0, mustFailed: 1, mustNotRun: 0, knownFailures: 0 });
      expect(json.checks.map((c) => [c.id, c.area, c.level, c.status, c.reason])).to.deep.equal([
        ['users-create-201', 'users', 'MUST', 'passed', null],
        ['filter-eq-username', 'filter', 'MUST', 'failed', 'filter returned <script>alert(1)</script>'],
        ['bulk-create', 'bulk', 'MUST', 'skipped', 'not advertised: bulk'],
      ]);
    });
  });

  describe('#formatJunit()', () => {
    it('should write one escaped testcase per check with failure and skipped elements', () => {
      const xml = formatJunit(fakeRun());
      expect(xml.match(/<testcase /g)).to.have.length(3);
      expect(xml).to.contain('<skipped message="not advertised: bulk"/>');
      expect(xml).to.contain('name="filter-eq-username [MUST] eq &lt;finds&gt; &quot;it&quot; &amp; more"');
      expect(xml).to.contain('&lt;script&gt;');
      expect(xml).not.to.contain('<script>').and.not.to.contain('\u0001');
      expect(xml).to.match(/<testsuites [^>]*tests="3" failures="1" errors="0" skipped="1"/);
      expect(xml).to.contain('<property name="scimulator.version" value="9.9.9"/>');
    });

    it('should mark only what fails the run as <failure>: a SHOULD failure and a known failure are <skipped> with the reason', () => {
      const run = fakeRun();
      const should = { ...run.checks[1]!, id: 'should-one', level: 'SHOULD' as const };
      const known = { ...run.checks[1]!, id: 'known-one', knownFailure: true };
      const notRun = { ...run.checks[2]!, id: 'not-run-one', status: 'not-run' as const, reason: 'discovery failed' };
      const xml = formatJunit({ ...run, checks: [run.checks[0]!, should, known, notRun] });
      expect(xml).to.match(/<testsuites [^>]*tests="4" failures="0" errors="1" skipped="2"/);
      expect(xml).not.to.contain('<failure');
      expect(xml).to.contain('<skipped message="SHOULD not met, does not fail the run: filter returned');
      expect(xml).to.contain('<skipped message="known failure (baseline), does not fail the run: filter returned');
      expect(xml).to.contain('<error message="not run: discovery failed" type="not-run"/>');
    });
  });

  describe('#formatHtml()', () => {
    it('should be one self-contained page with status filters and the failure expanded', () => {
      const html = formatHtml(fakeRun());
      expect(html).to.match(/^<!doctype html>/);
      expect(html).to.contain('<style>').and.to.contain('type="checkbox" value="failed"');
      expect(html).not.to.match(/<(link|script)[^>]+(href|src)=/);
      expect(html).to.contain('<details class="check" data-status="failed" open>');
      expect(html).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;').and.not.to.contain('<script>alert(1)');
      expect(html).to.contain('GET http://127.0.0.1:1/scim/v2/Users?filter=x');
    });
  });
});
