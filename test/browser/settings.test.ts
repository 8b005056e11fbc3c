// The settings dialog in Chromium, served by the playground with the google.script.run shim:
// it shows the webhook URL, explains errors next to their fields, and saves.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { SCREENSHOTS, startPlayground, type StartedPlayground } from './support/playground';

jest.setTimeout(120_000);

describe('settings dialog', () => {
  let pg: StartedPlayground;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'halo-settings-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    pg = await startPlayground({ port: 0, dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 480, height: 760 } });
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows the webhook URL, marks invalid fields in Indonesian, then saves', async () => {
    await page.goto(`${pg.url}/ui/Settings`);
    await page.waitForFunction(() =>
      (document.getElementById('webhookUrl') as HTMLTextAreaElement).value.includes('?key='),
    );
    expect(await page.inputValue('#phoneNumberId')).toBe('PLAYGROUND');
    await page.fill('#verifyToken', 'pendek');
    await page.click('#save');
    await page.waitForFunction(() => (document.getElementById('err-verifyToken')?.textContent ?? '') !== '');
    expect(await page.textContent('#err-verifyToken')).toMatch(/minimal 8 karakter/);
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-1-galat.png') });
    await page.fill('#verifyToken', 'token-verifikasi-baru');
    await page.click('#save');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent === 'Pengaturan tersimpan.',
    );
    expect(await page.textContent('#err-verifyToken')).toBe('');
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-2-tersimpan.png') });
    const res = await fetch(
      `${pg.url}/exec?hub.mode=subscribe&hub.verify_token=token-verifikasi-baru&hub.challenge=42`,
    );
    expect(await res.text()).toBe('42');
  });

  // guides/html/communication: a Date or a function fails the call; undefined in arrays becomes null.
  test('google.script.run serialises as Google does: a Date throws at the call, undefined in arrays is null', async () => {
    await page.goto(`${pg.url}/ui/Settings`);
    const thrown = await page.evaluate(() => {
      const run = (
        window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }
      ).google.script.run;
      try {
        run.api('settings.get', { since: new Date() });
        return 'no error';
      } catch (e) {
        return String((e as Error).message);
      }
    });
    expect(thrown).toBe('Failed due to illegal value in property: since');
    const echoed = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const g = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google;
          const run = g.script.run as {
            withSuccessHandler(f: (v: unknown) => void): { api(n: string, r: unknown): void };
          };
          run.withSuccessHandler(resolve).api('inbox.list', { group: [undefined] });
        }),
    );
    expect(echoed).toMatchObject({ ok: true });
  });
});
