// The playground in Chromium: a citizen chats on /chat through the whole menu and is connected
// with a session id; the officer sees that session in the sidebar on /sidebar; the session row is
// on /sheets; the downloaded .xlsx holds it. Screenshots go to artifacts/screenshots/.

import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { BUILD_DIR, SCREENSHOTS, startPlayground, type StartedPlayground } from './support/playground';

/** A Monday inside service hours (07:00–17:00 WIB). */
const MONDAY_TEN = '2026-11-23T10:00:00+07:00';
const SESSION_ID = /HK-\d{4}-\d{4}/;

jest.setTimeout(120_000);

describe('the local playground in a browser', () => {
  let pg: StartedPlayground;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let sessionId = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'halo-playground-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    pg = await startPlayground({ port: 0, dataDir });
    const res = await fetch(`${pg.url}/_dev/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ set: MONDAY_TEN }),
    });
    expect(res.status).toBe(200);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function say(text: string): Promise<void> {
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
  }

  function botSaid(text: string | RegExp) {
    return page.locator('.bubble.out', { hasText: text }).last();
  }

  test('a citizen goes through the menu on /chat and is connected with a session id', async () => {
    await page.goto(`${pg.url}/chat`);
    await page.fill('#add-name', 'Rahmat Hidayat');
    await page.fill('#add-phone', '0812 7777 0001');
    await page.click('#add button[type=submit]');
    await expect(page.locator('#who-phone').textContent()).resolves.toBe('+6281277770001');

    await say('halo');
    await botSaid('Selamat datang di').waitFor();
    await say('1');
    await botSaid('Mengenai bidang apa').waitFor();
    await say('2');
    const topics = botSaid('Silakan pilih topik');
    await topics.waitFor();
    await topics.getByRole('button', { name: 'Modal' }).click();

    const connected = botSaid('ID sesi');
    await connected.waitFor();
    const text = (await connected.textContent()) ?? '';
    expect(text).toContain('Modal');
    sessionId = SESSION_ID.exec(text)?.[0] ?? '';
    expect(sessionId).toMatch(SESSION_ID);
    // The citizen's own messages are on the right, the taps shown with their titles.
    await expect(page.locator('.bubble.in').allTextContents()).resolves.toEqual([
      expect.stringContaining('halo'),
      expect.stringContaining('1'),
      expect.stringContaining('2'),
      expect.stringContaining('Modal'),
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-chat.png'), fullPage: true });
  });

  test('several citizens chat at once, each phone showing only its own conversation', async () => {
    await page.locator('button.person', { hasText: 'Siti Aminah' }).click();
    await expect(page.locator('#who-name').textContent()).resolves.toBe('Siti Aminah');
    await page.locator('.messages .empty').waitFor();
    await say('halo');
    await botSaid('Selamat datang di').waitFor();
    await expect(page.locator('.bubble.in').allTextContents()).resolves.toEqual([
      expect.stringContaining('halo'),
    ]);
    await expect(page.locator('.bubble', { hasText: 'ID sesi' }).count()).resolves.toBe(0);

    await page.locator('button.person', { hasText: 'Rahmat Hidayat' }).click();
    await botSaid('ID sesi').waitFor();
    await expect(page.locator('.bubble.in').count()).resolves.toBe(4);
  });

  test('the officer sees the session in the sidebar on /sidebar', async () => {
    expect(sessionId).not.toBe('');
    await page.goto(`${pg.url}/sidebar`);
    const card = page.frameLocator('#frame').locator(`[data-session="${sessionId}"]`).first();
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('Rahmat Hidayat');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-sidebar.png'), fullPage: true });
  });

  test('without build/Sidebar.html, /sidebar says so clearly', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'halo-build-'));
    const other = await startPlayground({ port: 0, dataDir: join(bare, 'data'), buildDir: bare }).catch(
      () => null,
    );
    expect(other).toBeNull(); // no Code.js: refused with a clear error
    copyFileSync(join(BUILD_DIR, 'Code.js'), join(bare, 'Code.js'));
    const pg2 = await startPlayground({ port: 0, dataDir: join(bare, 'data'), buildDir: bare });
    try {
      const p2 = await browser.newPage();
      await p2.goto(`${pg2.url}/sidebar`);
      const notice = p2.locator('#sidebar-missing');
      await notice.waitFor();
      await expect(notice.textContent()).resolves.toContain('build/Sidebar.html');
      await p2.close();
    } finally {
      await pg2.stop();
      rmSync(bare, { recursive: true, force: true });
    }
  });

  test('the session row shows on /sheets', async () => {
    await page.goto(`${pg.url}/sheets#Sesi`);
    const row = page.locator('#grid tbody tr', { hasText: sessionId });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual(
      expect.arrayContaining([sessionId, 'WhatsApp', '6281277770001', 'Rahmat Hidayat', 'Modal']),
    );
    await expect(page.locator('.tab[aria-selected=true]').textContent()).resolves.toBe('Sesi');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-sheets.png'), fullPage: true });
  });

  test('the downloaded .xlsx holds the session, with dates as dates', async () => {
    await page.goto(`${pg.url}/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh spreadsheet (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(dataDir, 'download.xlsx');
    await download.saveAs(file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Sesi');
    expect(sheet).toBeDefined();
    const headers = (sheet?.getRow(1).values as unknown[]).slice(1);
    const rows: unknown[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    const row = rows.find((r) => r[headers.indexOf('ID')] === sessionId);
    expect(row).toBeDefined();
    expect(row?.[headers.indexOf('Nama')]).toBe('Rahmat Hidayat');
    expect(row?.[headers.indexOf('Topik')]).toBe('Modal');
    // Mulai is a date: exceljs gives a Date whose UTC fields are the WIB wall clock (10:00).
    const started = row?.[headers.indexOf('Mulai')];
    expect(started).toBeInstanceOf(Date);
    expect((started as Date).toISOString().slice(0, 13)).toBe('2026-11-23T10');
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-home.png'), fullPage: true });
  });
});
