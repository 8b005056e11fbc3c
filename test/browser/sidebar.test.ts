// The staff sidebar in Chromium on the playground: a citizen chats on /chat, the officer answers,
// closes and records from /sidebar, and what they did shows on the phone and in the sheets.
// Screenshots of each screen go to artifacts/screenshots/.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { SCREENSHOTS, startPlayground, type StartedPlayground } from './support/playground';
import { appendRows, devJson, openSidebar, say, sheetRecords, watchDialogs } from './support/sidebar';

jest.setTimeout(120000);

const HOSTILE =
  '<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2;alert(2)</script> ' +
  '<a href="javascript:alert(3)">klik</a>';

let playground: StartedPlayground;
let browser: Browser;
let context: BrowserContext;
let dataDir: string;
const dialogs: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `sidebar-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'halo-sidebar-'));
  playground = await startPlayground({ dataDir });
  // A Monday morning within service hours, so the 30 minutes run from the connection.
  await devJson(playground, '/_dev/clock', { set: '2026-11-23T09:00:00+07:00' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  if (browser) await browser.close();
  if (playground) await playground.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('staff sidebar on the playground', () => {
  let sessionId = '';
  let chat: Page;
  let sidebar: { page: Page; frame: Frame };

  it('shows a session started on /chat in the inbox with a masked number', async () => {
    chat = await context.newPage();
    watchDialogs(chat, dialogs);
    await chat.goto(`${playground.url}/chat`);
    await chat.locator('#who-name').filter({ hasText: /\S/ }).waitFor();
    await say(chat, 'halo', /Ketik \*?1\*?/);
    await say(chat, '1', /bidang/i);
    await say(chat, '2', /topik/i);
    await say(chat, '1', /HK-\d{4}-\d{4}/);
    const connected = await chat.locator('#messages').innerText();
    sessionId = /HK-\d{4}-\d{4,}/.exec(connected)![0];

    sidebar = await openSidebar(context, playground, dialogs);
    const { frame, page } = sidebar;
    const card = frame.locator(`.card[data-session="${sessionId}"]`).first();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toMatch(/\d{4}\*+\d{4}/);
    expect(text).not.toMatch(/628\d{9,}/);
    expect(text).toContain('Konsultasi UKM – Modal');
    await shot(page, '1-kotak-masuk');
  });

  it('shows a citizen message with HTML and script as plain text, running nothing', async () => {
    await say(chat, HOSTILE, 'klik');
    const { frame, page } = sidebar;
    await frame.locator(`.card[data-session="${sessionId}"]`).first().click();
    const bubble = frame.locator('#chat-transcript .msg.warga .text', { hasText: 'onerror' });
    await bubble.waitFor();
    expect(await bubble.innerText()).toBe(HOSTILE);
    // Nothing was injected: no element from the message, no script ran, no dialog opened.
    expect(
      await frame.locator('#chat-transcript img, #chat-transcript script, #chat-transcript a').count(),
    ).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot(page, '2-percakapan');
  });

  it('sends the reply to the citizen, who sees it on /chat', async () => {
    const { frame, page } = sidebar;
    await frame.fill('#reply-text', 'Selamat pagi, KUR dapat diajukan melalui bank penyalur.');
    await frame.click('#reply-send');
    await frame.locator('#chat-status', { hasText: 'Terkirim' }).waitFor();
    await frame.locator('#chat-transcript .msg.petugas', { hasText: 'bank penyalur' }).waitFor();
    await chat.bringToFront();
    await chat
      .locator('#messages')
      .getByText('KUR dapat diajukan melalui bank penyalur')
      .waitFor({ timeout: 15000 });
    const sesi = (await sheetRecords(playground, 'Sesi')).find((r) => r['ID'] === sessionId)!;
    expect(sesi['Status']).toBe('Aktif');
    expect(sesi['Respons Pertama']).not.toBe('');
    await page.bringToFront();
    await shot(page, '3-balasan-terkirim');
  });

  it('closes the session, shows how it ended, and it leaves the inbox', async () => {
    const { frame, page } = sidebar;
    await frame.click('#close-session');
    await frame.locator('#close-yes').waitFor();
    await shot(page, '4-konfirmasi-tutup');
    await frame.click('#close-yes');
    await frame.locator('#chat-state', { hasText: 'ditutup oleh petugas' }).waitFor();
    expect(await frame.locator('#reply-send').isDisabled()).toBe(true);
    await shot(page, '5-sesi-ditutup');
    const sesi = (await sheetRecords(playground, 'Sesi')).find((r) => r['ID'] === sessionId)!;
    expect(sesi['Ditutup Oleh']).toBe('petugas');

    await frame.click('#chat-back');
    await frame.locator('#inbox-list .empty').waitFor();
    expect(await frame.locator(`#inbox-list .card[data-session="${sessionId}"]`).count()).toBe(0);
    await shot(page, '6-kotak-masuk-kosong');
  });

  it('logs a complaint that came by phone and it appears in Sesi', async () => {
    const { frame, page } = sidebar;
    await frame.click('#tab-manual');
    await frame.click('#manual-save');
    await frame.locator('#err-manual-summary', { hasText: 'wajib diisi' }).waitFor();
    await shot(page, '7-catat-manual-galat');
    await frame.selectOption('#manual-channel', 'Telepon');
    await frame.selectOption('#manual-jenis', 'Pengaduan');
    await frame.selectOption('#manual-bidang', 'Koperasi');
    await frame.selectOption('#manual-topic', 'SHU');
    await frame.fill('#manual-name', 'Pak Dadang');
    await frame.fill('#manual-contact', '0812 3456 7001');
    await frame.fill('#manual-summary', 'SHU koperasi belum dibagikan dua tahun.');
    await frame.click('#manual-save');
    const status = frame.locator('#manual-status', { hasText: 'Tersimpan sebagai' });
    await status.waitFor();
    const id = /HK-\d{4}-\d{4,}/.exec(await status.innerText())![0];
    await shot(page, '8-catat-manual-tersimpan');
    const row = (await sheetRecords(playground, 'Sesi')).find((r) => r['ID'] === id)!;
    expect(row).toMatchObject({
      Kanal: 'Telepon',
      Jenis: 'Pengaduan',
      Bidang: 'Koperasi',
      Topik: 'SHU',
      Nama: 'Pak Dadang',
      Status: 'Selesai',
      Catatan: 'SHU koperasi belum dibagikan dua tahun.',
    });
  });

  it('enters metrics of a post and they appear in Metrik', async () => {
    const { frame, page } = sidebar;
    await frame.click('#tab-content');
    await frame.fill('#metrics-contentId', 'KONTEN-2026-W47');
    await frame.fill('#metrics-views', '1.250');
    await frame.fill('#metrics-likes', 'banyak');
    await frame.click('#metrics-save');
    await frame.locator('#err-metrics-likes', { hasText: 'bilangan bulat' }).waitFor();
    await frame.fill('#metrics-likes', '80');
    await frame.fill('#metrics-comments', '7');
    await frame.fill('#metrics-saves', '5');
    await frame.locator('#metrics-rate', { hasText: '7,4%' }).waitFor();
    await shot(page, '9-konten-metrik');
    await frame.click('#metrics-save');
    await frame.locator('#metrics-status', { hasText: 'Metrik tersimpan' }).waitFor();
    const rows = await sheetRecords(playground, 'Metrik');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Platform: 'Instagram',
      'ID Konten': 'KONTEN-2026-W47',
      Tayangan: 1250,
      Suka: 80,
      Komentar: 7,
      Disimpan: 5,
    });
  });

  it('starts a broadcast to subscribers from the Siaran tab, and the subscriber receives it', async () => {
    await chat.bringToFront();
    await chat.click('.person[data-phone="6281234500002"]');
    await say(chat, 'DAFTAR', /terdaftar/);
    const { frame, page } = sidebar;
    await page.bringToFront();
    await frame.click('#tab-broadcast');
    await frame.locator('#broadcast-now', { hasText: 'Kuota hari ini' }).waitFor();
    await frame.fill('#broadcast-topic', 'Cara mendaftar NIB');
    await frame.fill('#broadcast-body-text', 'NIB kini dapat diurus lewat OSS <b>tanpa biaya</b>.');
    await frame.click('#broadcast-check');
    await frame.locator('#broadcast-confirm-text', { hasText: 'ke 1 pelanggan' }).waitFor();
    await shot(page, '11-siaran-konfirmasi');
    await frame.click('#broadcast-start');
    await frame.locator('#broadcast-status', { hasText: 'Siaran dimulai' }).waitFor();
    await devJson(playground, '/_dev/tick', {});
    await frame.click('#tab-inbox');
    await frame.click('#tab-broadcast');
    await frame.locator('#broadcast-now', { hasText: 'terkirim 1' }).waitFor();
    await shot(page, '12-siaran-terkirim');
    await chat.bringToFront();
    await chat.locator('#messages').getByText('tanpa biaya').waitFor({ timeout: 15000 });
    await page.bringToFront();
  });

  it('runs the weekly report from Aksi', async () => {
    const { frame, page } = sidebar;
    await frame.click('#tab-actions');
    await frame.locator('#action-report-week option[value="2026-W47"]').waitFor({ state: 'attached' });
    await frame.click('#action-report');
    await frame.locator('#actions-status', { hasText: '2026-W47' }).waitFor({ timeout: 60000 });
    await shot(page, '13-aksi-laporan');
    const sheets = await devJson<{ name: string }[]>(playground, '/_dev/sheets');
    expect(sheets.map((s) => s.name)).toContain('Laporan 2026-W47');
  });

  it('shows the socialisation kit and the actions', async () => {
    const { frame, page } = sidebar;
    await frame.click('#tab-kit');
    await frame.locator('#kit-status', { hasText: 'Nomor Layanan WhatsApp' }).waitFor();
    await shot(page, '10-kit-belum-diatur');
    // Staff fill in the service number in Pengaturan; the kit then shows the link and its QR code.
    await appendRows(playground, 'Pengaturan', [{ Kunci: 'Nomor Layanan WhatsApp', Nilai: 6281100000000 }]);
    await frame.click('#tab-actions');
    await frame.click('#tab-kit');
    await frame.locator('#kit-qr-image svg path').waitFor();
    expect(await frame.inputValue('#kit-link')).toBe(
      'https://wa.me/6281100000000?text=' +
        encodeURIComponent('Halo HALO KOP-UKM, saya ingin berkonsultasi.'),
    );
    await shot(page, '10-kit-qr');
    const [png] = await Promise.all([page.waitForEvent('download'), frame.click('#kit-png')]);
    expect(png.suggestedFilename()).toBe('halo-kop-ukm-qr.png');
    const [svg] = await Promise.all([page.waitForEvent('download'), frame.click('#kit-svg')]);
    expect(svg.suggestedFilename()).toBe('halo-kop-ukm-qr.svg');
    await frame.click('#tab-actions');
    await frame.locator('#action-setup').waitFor();
    // Whose trigger runs the service (only that account's setup installs it).
    await frame
      .locator('#trigger-owner', { hasText: 'berjalan atas nama Anda (admin@contoh.go.id)' })
      .waitFor();
    await shot(page, '14-aksi');
    // Keyboard: arrow keys move between tabs.
    await frame.focus('#tab-actions');
    await frame.press('#tab-actions', 'Home');
    expect(await frame.getAttribute('#tab-inbox', 'aria-selected')).toBe('true');
    expect(dialogs).toEqual([]);
  });
});
