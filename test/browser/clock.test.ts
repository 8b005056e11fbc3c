// The pages keep the server's time, not the browser's: an officer whose laptop clock is a year and
// a day off, in another time zone, still sees the server's "today" and "Diperbarui" time, and
// their form dates pass the server's "not in the future" check. On the playground the moved
// emulator clock is that server clock.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { SCREENSHOTS, startPlayground, type StartedPlayground } from './support/playground';
import { devJson, openSidebar } from './support/sidebar';

jest.setTimeout(120000);

let playground: StartedPlayground;
let browser: Browser;
let context: BrowserContext;
let dataDir: string;
const dialogs: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'halo-clock-'));
  playground = await startPlayground({ dataDir });
  browser = await launchBrowser();
  // The laptop: Los Angeles time zone, clock fixed a year and a day behind the server.
  context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    timezoneId: 'America/Los_Angeles',
  });
});

afterAll(async () => {
  if (browser) await browser.close();
  if (playground) await playground.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function metricsRows(): Promise<unknown[][]> {
  const s = await devJson<{ rows: unknown[][] }>(playground, '/_dev/sheets/Metrik?display=1');
  return s.rows;
}

describe('the pages use the server clock', () => {
  it('fills today and "Diperbarui" from the server, and saves metrics dated today, whatever the laptop says', async () => {
    // Server: Monday 1 March 2027, 00:20 WIB (still Sunday 28 February in UTC and in Los Angeles).
    await devJson(playground, '/_dev/clock', { set: '2027-03-01T00:20:00+07:00' });
    await context.clock.setFixedTime(new Date('2026-02-27T12:00:00-08:00'));
    const { frame } = await openSidebar(context, playground, dialogs);
    expect(await frame.evaluate(() => new Date().getFullYear())).toBe(2026);
    await frame.locator('#inbox-updated', { hasText: /Diperbarui 00\.2\d WIB/ }).waitFor();
    await frame.click('#tab-content');
    await frame.waitForFunction(
      () => (document.querySelector('#metrics-date') as HTMLInputElement | null)?.value === '2027-03-01',
    );
    expect(await frame.inputValue('#evaluation-date')).toBe('2027-03-01');
    await frame.fill('#metrics-contentId', 'KONTEN-2027-W09');
    await frame.fill('#metrics-views', '300');
    await frame.click('#metrics-save');
    await frame.locator('#metrics-status', { hasText: 'Metrik tersimpan' }).waitFor();
    await frame.page().screenshot({ path: join(SCREENSHOTS, 'clock-metrics.png'), fullPage: true });
    const rows = await metricsRows();
    expect(rows).toHaveLength(1);
    expect(String(rows[0][0])).toMatch(/^0?1\/0?3\/2027$|^2027-03-01/);
  });

  it('follows the server when its clock moves while the page is open', async () => {
    await context.clock.setFixedTime(new Date('2030-06-15T08:00:00Z'));
    const { frame } = await openSidebar(context, playground, dialogs);
    await frame.locator('#inbox-updated', { hasText: /Diperbarui \d\d\.\d\d WIB/ }).waitFor();
    await devJson(playground, '/_dev/clock', { set: '2027-03-02T13:45:00+07:00' });
    await frame.click('#tab-inbox');
    await frame.click('#inbox-refresh').catch(() => undefined);
    await frame.locator('#inbox-updated', { hasText: /Diperbarui 13\.4\d WIB/ }).waitFor({ timeout: 30000 });
    expect(dialogs).toEqual([]);
  });
});
