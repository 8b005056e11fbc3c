// Chromium for the browser tests: Debian's package driven by playwright-core (which cannot download
// browsers here). Each launch runs in a fresh temporary profile: playwright-core creates its own
// --user-data-dir for every launch and removes it on close (it refuses one passed in `args`).

import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** A headless Chromium with a fresh profile; `await browser.close()` when done. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
