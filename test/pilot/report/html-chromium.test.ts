/**
 * The HTML report as a person sees it: rendered by headless Chromium from a file, with every
 * request the page makes recorded. Set PILOT_REPORT_SCREENSHOT=/some/file.png to keep the
 * screenshot for a look.
 */
import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { renderPilot } from '../../../pilot/report/index.js';
import { HOSTILE_NAME, pilotResult } from './support/fixture.js';
import { launchChromium } from './support/chromium.js';

// The page functions below run in the browser; the project compiles without lib "dom", so these
// few globals are declared here, for this file only.
interface PageElement { readonly className: string; readonly textContent: string | null; open?: boolean }
declare const document: {
  readonly body: { readonly dataset: Record<string, string | undefined> };
  readonly scripts: ArrayLike<unknown>;
  readonly images: ArrayLike<unknown>;
  querySelector(selector: string): PageElement | null;
};
declare function getComputedStyle(element: unknown): { readonly backgroundColor: string };
declare class DOMParser {
  parseFromString(text: string, type: string): { querySelector(s: string): PageElement | null; querySelectorAll(s: string): ArrayLike<unknown> };
}

describe('pilot/report html in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  let dir: string;
  let url: string;
  const requests: string[] = [];
  const errors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scimulator-pilot-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderPilot(pilotResult(), 'html'));
    url = pathToFileURL(file).href;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: 'light' });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should load without a request beyond the page itself and without a script error', () => {
    expect(requests).to.deep.equal([url]);
    expect(errors).to.deep.equal([]);
  });

  it('should show hostile text as text and run none of it', async () => {
    const state = await page.evaluate(() => ({
      pwned: document.body.dataset.pwned ?? null,
      scripts: document.scripts.length,
      images: document.images.length,
      heading: document.querySelector('details.exp.failed summary')?.textContent ?? '',
    }));
    expect(state).to.deep.include({ pwned: null, scripts: 1, images: 0 });
    expect(state.heading).to.contain(`${HOSTILE_NAME} & "Bo" are provisioned`);
  });

  it('should put the matrix first, a row per scenario and a cell per expectation', async () => {
    const rows = await page.$$eval('table.matrix tbody tr', (trs) => trs.map((tr) => ({
      name: tr.querySelector('td.name a')?.textContent,
      cells: [...tr.querySelectorAll('.cell')].map((c) => c.className.replace('cell ', '')),
      top: tr.getBoundingClientRect().top,
    })));
    expect(rows.map((r) => [r.name, r.cells])).to.deep.equal([
      ['user added to an assigned group', ['passed', 'passed']],
      ['licence exhaustion', ['failed']],
      ['app without DELETE', ['skipped']],
    ]);
    // above the fold of a laptop screen
    expect(rows[2].top).to.be.lessThan(900);
    const colours = await page.$$eval('.matrix .cell', (cells) => cells.map((c) => getComputedStyle(c).backgroundColor));
    expect(colours).to.deep.equal(['rgb(218, 251, 225)', 'rgb(218, 251, 225)', 'rgb(255, 235, 233)', 'rgb(234, 238, 242)']);
  });

  it('should show the failed expectation expanded, its log entry and request visible', async () => {
    const failed = page.locator('details.exp.failed');
    expect(await failed.evaluate((d) => Boolean((d as PageElement).open))).to.equal(true);
    for (const text of ['LicenseLimitExceeded', 'EntryExportAdd', 'POST /scim/v2/Users', '"no seat left"', 'Free a seat or buy more']) {
      expect(await failed.getByText(text).first().isVisible(), text).to.equal(true);
    }
    const closed = await page.$$eval('details.exp:not(.failed)', (ds) => ds.map((d) => Boolean((d as PageElement).open)));
    expect(closed).to.deep.equal([false, false, false]);
  });

  it('should open every expectation on "Expand all" and go back on "Failures only"', async () => {
    const open = () => page.$$eval('details.exp', (ds) => ds.map((d) => Boolean((d as PageElement).open)));
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await open()).to.deep.equal([true, true, true, true]);
    await page.getByRole('button', { name: 'Failures only' }).click();
    expect(await open()).to.deep.equal([false, false, true, false]);
  });

  it('should print without the buttons and keep the failure in the printout', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.toolbar').isVisible()).to.equal(false);
      expect(await page.locator('details.exp.failed .message').isVisible()).to.equal(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('should take a full-page screenshot of the report', async () => {
    const file = join(dir, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).to.equal('PNG');
    expect(png.readUInt32BE(16)).to.equal(1200);
    expect(png.readUInt32BE(20)).to.be.greaterThan(900);
    if (process.env.PILOT_REPORT_SCREENSHOT) copyFileSync(file, process.env.PILOT_REPORT_SCREENSHOT);
  });

  it('should give a JUnit report the browser\'s XML parser accepts, control characters and all', async () => {
    const xml = renderPilot(pilotResult(), 'junit');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, cases: doc.querySelectorAll('testcase').length };
    }, xml);
    expect(parsed).to.deep.equal({ error: null, cases: 4 });
  });
});
