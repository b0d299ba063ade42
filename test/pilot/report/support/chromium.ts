/**
 * Where the headless Chromium that renders the HTML reports lives: CHROMIUM_PATH, else Debian's
 * `chromium` package (.ci/run installs it). No browser is downloaded; playwright-core only drives
 * this one. A machine without it fails the test with the line that says how to get it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new Error('headless Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}
