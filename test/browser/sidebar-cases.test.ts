// Complaint cases on the playground (issue 14): a Friday complaint before a holiday on /chat, an
// update from the officer's phone on /chat (`/kasus`), the sidebar's Kasus tab at 300 px, and the
// resolution reaching the citizen. Hostile text in a note stays text. "Perlu tindak lanjut" in the
// conversation view of a Konsultasi makes it a case when its chat ends.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { SCREENSHOTS, startPlayground, type StartedPlayground } from './support/playground';
import { appendRows, devJson, openSidebar, say, sheetRecords, watchDialogs } from './support/sidebar';

jest.setTimeout(120000);

const OFFICER = '6281299990004'; // Dodi Pengaduan (Pengaduan UKM)
const HOSTILE = 'SHU dibayar <img src=x onerror="window.__xss=1"> =HYPERLINK("http://x.example")';

let playground: StartedPlayground;
let browser: Browser;
let context: BrowserContext;
let dataDir: string;
const dialogs: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'halo-cases-'));
  playground = await startPlayground({ dataDir });
  await devJson(playground, '/_dev/clock', { set: '2026-11-20T09:00:00+07:00' }); // Friday
  await appendRows(playground, 'Hari Libur', [{ Tanggal: '2026-11-23', Keterangan: 'Cuti bersama' }]);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  if (browser) await browser.close();
  if (playground) await playground.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('complaint cases on the playground', () => {
  let chat: Page;
  let citizenPhone = '';
  let caseId = '';

  it('a complaint on /chat becomes a case with its deadline when the chat ends', async () => {
    chat = await context.newPage();
    watchDialogs(chat, dialogs);
    await chat.goto(`${playground.url}/chat`);
    await chat.locator('#who-name').filter({ hasText: /\S/ }).waitFor();
    citizenPhone = (await chat.locator('#who-phone').innerText()).replace('+', '').trim();
    await say(chat, 'halo', /Ketik \*?1\*?/);
    await say(chat, '2', /bidang/i);
    await say(chat, '2', /topik/i);
    await say(chat, '1', /HK-\d{4}-\d{4}/);
    caseId = /HK-\d{4}-\d{4,}/.exec(await chat.locator('#messages').innerText())![0];
    await say(chat, 'selesai', /batas penyelesaian/i);
    expect(await chat.locator('#messages').innerText()).toContain('30 November 2026');
  });

  it('the officer updates it from the phone on /chat; the citizen receives it', async () => {
    await chat.locator(`.person[data-phone="${OFFICER}"]`).click();
    await chat.locator('#who-phone', { hasText: OFFICER }).waitFor();
    await say(chat, `/kasus ${caseId} proses Sedang kami konfirmasi ke pengurus`, /Kabar ke warga: terkirim/);
    await chat.locator(`.person[data-phone="${citizenPhone}"]`).click();
    await chat.locator('#messages').getByText('Sedang kami konfirmasi ke pengurus').last().waitFor();
    await say(chat, `STATUS ${caseId}`, /Kabar terakhir: Sedang kami konfirmasi/);
  });

  it('the Kasus tab lists it at 300 px and resolves it; the note stays text', async () => {
    const { frame, page } = await openSidebar(context, playground, dialogs);
    await frame.click('#tab-cases');
    const card = frame.locator(`.card[data-case="${caseId}"]`);
    await card.waitFor();
    expect(await card.innerText()).toMatch(/sisa \d+ hari kerja/);
    expect(await card.innerText()).toContain('Sedang kami konfirmasi');
    const fits = await frame.evaluate(() => {
      const doc = document.documentElement;
      return { width: doc.clientWidth, scroll: doc.scrollWidth };
    });
    expect(fits.width).toBeLessThanOrEqual(300);
    expect(fits.scroll).toBeLessThanOrEqual(fits.width);
    await page.screenshot({ path: join(SCREENSHOTS, 'sidebar-kasus-1-daftar.png'), fullPage: true });

    await card.click();
    await frame.selectOption('#case-action', 'selesai');
    await frame.fill('#case-text', HOSTILE);
    await page.screenshot({ path: join(SCREENSHOTS, 'sidebar-kasus-2-perbarui.png'), fullPage: true });
    await frame.click('#case-submit');
    await frame.locator('#cases-status', { hasText: 'Selesai' }).waitFor();
    await frame.locator('#cases-list .empty').waitFor();
    expect(await frame.locator('#panel-cases img').count()).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);

    const rows = (await sheetRecords(playground, 'Tindak Lanjut')).filter((r) => r['ID Sesi'] === caseId);
    expect(rows.map((r) => r['Status'])).toEqual(['Diproses', 'Selesai']);
    expect(rows[1]['Catatan']).toBe(HOSTILE);
    const sesi = (await sheetRecords(playground, 'Sesi')).find((r) => r['ID'] === caseId)!;
    expect(sesi['Status Kasus']).toBe('Selesai');

    await chat.bringToFront();
    await chat.locator('#messages').getByText('onerror').last().waitFor({ timeout: 15000 });
    expect(await chat.locator('#messages img').count()).toBe(0);
  });

  it('"Perlu tindak lanjut" in the conversation view makes a Konsultasi a case (300 px)', async () => {
    await chat.bringToFront();
    await chat.locator(`.person[data-phone="${citizenPhone}"]`).click();
    await chat
      .locator('#who-phone')
      .filter({ hasText: citizenPhone.slice(-4) })
      .waitFor();
    // The first chat's rating is still asked: answer it, then a new Konsultasi UKM.
    await say(chat, '4', /Terima kasih/i);
    await say(chat, 'halo', /Ketik \*?1\*?/);
    await say(chat, '1', /bidang/i);
    await say(chat, '2', /topik/i);
    await chat.fill('#text', '1');
    await chat.press('#text', 'Enter');
    const fresh = new RegExp(`HK-\\d{4}-(?!${caseId.slice(-4)})\\d{4,}`);
    await chat.locator('#messages').getByText(fresh).last().waitFor();
    const ids = (await chat.locator('#messages').innerText()).match(/HK-\d{4}-\d{4,}/g)!;
    const id = ids[ids.length - 1];
    expect(id).not.toBe(caseId);

    const { frame, page } = await openSidebar(context, playground, dialogs);
    await frame.locator(`.card[data-session="${id}"]`).first().click();
    const button = frame.locator('#follow-up');
    await button.waitFor();
    expect((await button.innerText()).trim()).toBe('Perlu tindak lanjut');
    const fits = await frame.evaluate(() => {
      const doc = document.documentElement;
      const b = document.querySelector('#follow-up')!.getBoundingClientRect();
      return { width: doc.clientWidth, scroll: doc.scrollWidth, right: b.right };
    });
    expect(fits.width).toBeLessThanOrEqual(300);
    expect(fits.scroll).toBeLessThanOrEqual(fits.width);
    expect(fits.right).toBeLessThanOrEqual(fits.width);
    await button.click();
    // Wait for the answer, not the pending text ("Menandai perlu tindak lanjut…").
    await frame.locator('#chat-status', { hasText: `Sesi ${id} ditandai` }).waitFor();
    expect(await frame.locator('#chat-status').innerText()).toContain('perlu tindak lanjut');
    await page.screenshot({ path: join(SCREENSHOTS, 'sidebar-kasus-3-tindak-lanjut.png'), fullPage: true });

    await chat.bringToFront();
    await say(chat, 'selesai', /HK-/);
    const sesi = (await sheetRecords(playground, 'Sesi')).find((r) => r['ID'] === id)!;
    expect(sesi['Status Kasus']).toBe('Diterima');

    // The chat ended, the case is open: it can still go to another group from the same view.
    await page.bringToFront();
    await frame.locator('#chat-state', { hasText: 'berakhir' }).waitFor({ timeout: 30000 });
    await frame.locator('#handover-send:not([disabled])').waitFor();
    await frame.selectOption('#handover-group', 'Pengaduan UKM');
    await frame.click('#handover-send');
    await frame.locator('#chat-status', { hasText: 'dialihkan ke Pengaduan UKM' }).waitFor();
    const moved = (await sheetRecords(playground, 'Sesi')).find((r) => r['ID'] === id)!;
    expect(moved).toMatchObject({
      Jenis: 'Pengaduan',
      Bidang: 'UKM',
      Dialihkan: 1,
      'Status Kasus': 'Diterima',
    });
    expect(dialogs).toEqual([]);
  });
});
