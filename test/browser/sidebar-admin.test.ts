// The staff sidebar's data and programme sections in Chromium on the playground, at its real width
// (300 px): the spreadsheet's capacity in Aksi, speaker suggestions in Konten after the rotation,
// a citizen's data found and deleted after confirmation, and times shown in the configured zone.
// Screenshots go to artifacts/screenshots/sidebar-admin-*.png.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { SCREENSHOTS, startPlayground, type StartedPlayground } from './support/playground';
import { appendRows, devJson, openSidebar, say, sheetRecords, watchDialogs } from './support/sidebar';

jest.setTimeout(120000);

let playground: StartedPlayground;
let browser: Browser;
let context: BrowserContext;
let dataDir: string;
let sidebarPage: Page;
const dialogs: string[] = [];

/**
 * A screenshot of part of the sidebar, as wide as the sidebar (300 px). The frame is made as tall
 * as its content first, so that a long panel is not cut off by the frame's own height.
 */
async function shot(frame: Frame, selector: string, name: string): Promise<void> {
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await sidebarPage.evaluate((h) => {
    const f = document.querySelector<HTMLIFrameElement>('#frame');
    if (f) f.style.height = `${Math.max(h, 700)}px`;
  }, height);
  await frame.locator(selector).screenshot({ path: join(SCREENSHOTS, `sidebar-admin-${name}.png`) });
  await sidebarPage.evaluate(() => {
    const f = document.querySelector<HTMLIFrameElement>('#frame');
    if (f) f.style.height = '';
  });
}

/** Nothing in the 300-px sidebar is wider than the sidebar (no sideways scrolling). */
async function fitsWidth(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

async function connect(chat: Page, phone: string): Promise<string> {
  await chat.click(`.person[data-phone="${phone}"]`);
  await say(chat, 'halo', /Ketik \*?1\*?/);
  await say(chat, '1', /bidang/i);
  await say(chat, '2', /topik/i);
  await say(chat, '1', /HK-\d{4}-\d{4}/);
  const texts = await chat.locator('#messages').innerText();
  const ids = texts.match(/HK-\d{4}-\d{4,}/g);
  return ids![ids!.length - 1];
}

/** The sidebar, at its real width (300 px); its page is the one `shot` resizes. */
async function openAdminSidebar(): Promise<{ page: Page; frame: Frame }> {
  const sidebar = await openSidebar(context, playground, dialogs);
  expect(await sidebar.frame.evaluate(() => window.innerWidth)).toBe(300);
  sidebarPage = sidebar.page;
  return sidebar;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'halo-sidebar-admin-'));
  playground = await startPlayground({ dataDir });
  // A Monday morning within service hours.
  await devJson(playground, '/_dev/clock', { set: '2026-11-23T09:00:00+07:00' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  if (browser) await browser.close();
  if (playground) await playground.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('staff sidebar: capacity, speakers, citizen data', () => {
  let sidebar: { page: Page; frame: Frame };
  let chat: Page;

  it('shows in Aksi how full the spreadsheet is, as a percentage of 10 million cells', async () => {
    sidebar = await openAdminSidebar();
    const { frame } = sidebar;
    await frame.click('#tab-actions');
    const label = frame.locator('#capacity-label', { hasText: 'dari 10 juta sel' });
    await label.waitFor();
    const text = await label.innerText();
    expect(text).toMatch(/^Kapasitas spreadsheet: \d+(,\d)? % dari 10 juta sel$/);
    expect(await frame.getAttribute('#capacity', 'data-level')).toBe('ok');
    expect(await frame.locator('#capacity-advice').innerText()).toContain('Aman');
    expect(await frame.locator('#capacity-detail').innerText()).toMatch(/sel terpakai · diukur 23\/11\/2026/);
    const now = Number(await frame.getAttribute('#capacity-meter', 'aria-valuenow'));
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(70);
    expect(await fitsWidth(frame)).toBe(true);
    await shot(frame, '#panel-actions', '1-kapasitas-aman');
  });

  it('suggests speakers of each publication’s theme after the content is planned', async () => {
    const { frame } = sidebar;
    await appendRows(playground, 'Bank Topik', [
      { Topik: 'Rapat Anggota Tahunan', Tema: 'Koperasi', Status: 'Tersedia' },
      { Topik: 'Mendaftar NIB lewat OSS', Tema: 'UKM', Status: 'Tersedia' },
    ]);
    await appendRows(playground, 'Narasumber', [
      { Nama: 'Bu Ani', Organisasi: 'KSP Sejahtera', Jenis: 'Koperasi', Jabatan: 'Ketua' },
      {
        Nama: 'Pak Cecep',
        Organisasi: 'Kopwan Melati',
        Jenis: 'Koperasi',
        Jabatan: 'Bendahara',
        'Status Kontak': 'Bersedia',
        'Terakhir Tampil': '2026-03-10',
      },
      {
        Nama: 'Bu Dewi',
        Organisasi: 'KUD Maju',
        Jenis: 'Koperasi',
        Jabatan: 'Anggota',
        'Status Kontak': 'Menolak',
      },
      {
        Nama: 'Pak Eko',
        Organisasi: 'KSU Harapan',
        Jenis: 'Koperasi',
        Jabatan: 'Ketua',
        'Status Kontak': 'Dihubungi',
        'Terakhir Tampil': '2026-10-04',
      },
      { Nama: 'Pak Budi', Organisasi: 'Keripik Budi', Jenis: 'UKM', Jabatan: 'Pemilik' },
    ]);
    // The team plans the content from Aksi (the rotation the daily tick also runs).
    await frame.click('#action-plan');
    await frame.locator('#actions-status', { hasText: /\d/ }).waitFor();
    const calendar = await sheetRecords(playground, 'Kalender Konten');
    expect(calendar.map((r) => [r['ID Konten'], r['Tema']])).toEqual([
      ['KONTEN-2026-W48', 'Koperasi'],
      ['KONTEN-2026-W49', 'UKM'],
    ]);

    await frame.click('#tab-content');
    await frame.click('#speakers-box summary');
    // The next publication by default: Sunday 29 November, Koperasi.
    const pub = frame.locator('#speakers-pub');
    await pub.getByText('KONTEN-2026-W48 · terbit 29/11/2026 · tema Koperasi').waitFor();
    const names = frame.locator('#speakers-list .speaker .name');
    await names.first().waitFor();
    // Bu Dewi declined; Pak Eko appeared on 4 October (< 90 days). Never featured first.
    expect(await names.allInnerTexts()).toEqual(['Bu Ani', 'Pak Cecep']);
    expect(await pub.innerText()).toContain('Narasumber di kalender: Bu Ani (KSP Sejahtera)');
    const cecep = frame.locator('#speakers-list .speaker', { hasText: 'Pak Cecep' });
    expect(await cecep.innerText()).toContain('Kopwan Melati · Bendahara');
    expect(await cecep.innerText()).toContain('Terakhir tampil 10/03/2026');
    expect(await cecep.innerText()).toContain('Status kontak: Bersedia');
    const ani = frame.locator('#speakers-list .speaker', { hasText: 'Bu Ani' });
    expect(await ani.innerText()).toContain('Belum pernah tampil');
    expect(await ani.innerText()).toContain('Status kontak: Belum dihubungi');
    expect(await fitsWidth(frame)).toBe(true);
    await shot(frame, '#speakers-box', '2-narasumber-koperasi');

    // Another publication: the UKM week.
    await frame.selectOption('#speakers-content', 'KONTEN-2026-W49');
    await pub.getByText('KONTEN-2026-W49 · terbit 06/12/2026 · tema UKM').waitFor();
    await frame.locator('#speakers-list .speaker .name', { hasText: 'Pak Budi' }).waitFor();
    expect(await names.allInnerTexts()).toEqual(['Pak Budi']);
    await shot(frame, '#speakers-box', '3-narasumber-ukm');
  });

  it('finds a citizen’s data by number and deletes it only after the number is typed again', async () => {
    chat = await context.newPage();
    watchDialogs(chat, dialogs);
    await chat.goto(`${playground.url}/chat`);
    await chat.locator('#who-name').filter({ hasText: /\S/ }).waitFor();
    const siti = await connect(chat, '6281234500001');
    const budi = await connect(chat, '6281234500002');
    const { frame, page } = sidebar;
    await page.bringToFront();
    await frame.click('#tab-inbox');
    await frame.locator(`#inbox-list .card[data-session="${siti}"]`).waitFor();

    await frame.click('#tab-actions');
    // Not a number nor an id: told at the field, nothing asked of the server.
    await frame.fill('#privacy-query', '12');
    await frame.click('#privacy-find');
    await frame.locator('#err-privacy-query', { hasText: 'nomor WhatsApp atau ID pengguna' }).waitFor();

    await frame.fill('#privacy-query', '0812-3450-0001');
    await frame.click('#privacy-find');
    const status = frame.locator('#privacy-status');
    await status.getByText(/Data tersimpan untuk 0812-3450-0001: \d+ baris\./).waitFor();
    const findings = await frame.locator('#privacy-sheets').innerText();
    expect(findings).toMatch(/Sesi: 1 baris/);
    expect(findings).toMatch(/Pesan: \d+ baris/);
    expect(findings).toContain('Percakapan yang sedang berjalan: 1');
    // No one else's number, and no message bodies, in the findings.
    expect(findings).not.toMatch(/62812|0812/);
    expect(findings).not.toContain('halo');
    expect(await fitsWidth(frame)).toBe(true);
    await shot(frame, '#privacy', '4-data-warga-ditemukan');

    // The delete button asks first; a different number is refused.
    await frame.click('#privacy-delete');
    await frame.locator('#privacy-confirm').waitFor();
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('privacy-confirm-query');
    await frame.fill('#privacy-confirm-query', '0812-3450-0002');
    await frame.click('#privacy-delete-yes');
    await frame.locator('#err-privacy-confirm-query', { hasText: 'Tidak sama' }).waitFor();
    await shot(frame, '#privacy', '5-data-warga-konfirmasi');
    expect((await sheetRecords(playground, 'Sesi')).some((r) => r['ID'] === siti)).toBe(true);

    // The same number in another format confirms.
    await frame.fill('#privacy-confirm-query', '+62 812 3450 0001');
    await frame.click('#privacy-delete-yes');
    await status.getByText(/Data 0812-3450-0001 telah dihapus \(\d+ baris\)\./).waitFor();
    expect(await frame.locator('#privacy-result').isHidden()).toBe(true);
    await shot(frame, '#privacy', '6-data-warga-dihapus');

    const sesi = await sheetRecords(playground, 'Sesi');
    expect(sesi.some((r) => r['ID'] === siti)).toBe(false);
    expect(sesi.some((r) => String(r['Nomor'] ?? '').includes('81234500001'))).toBe(false);
    expect((await sheetRecords(playground, 'Pesan')).some((r) => r['ID Sesi'] === siti)).toBe(false);
    // Budi's data is untouched.
    expect(sesi.some((r) => r['ID'] === budi)).toBe(true);

    // Searching again finds nothing; the inbox no longer lists her session.
    await frame.fill('#privacy-query', '081234500001');
    await frame.click('#privacy-find');
    await status.getByText('Tidak ada data tersimpan untuk 081234500001.').waitFor();
    await frame.click('#tab-inbox');
    await frame.locator(`#inbox-list .card[data-session="${budi}"]`).waitFor();
    expect(await frame.locator(`#inbox-list .card[data-session="${siti}"]`).count()).toBe(0);
  });

  it('shows times in the zone set in Pengaturan', async () => {
    const { frame } = sidebar;
    const updated = frame.locator('#inbox-updated');
    await updated.getByText(/ 09\.\d\d WIB$/).waitFor();
    await appendRows(playground, 'Pengaturan', [{ Kunci: 'Zona Waktu', Nilai: 'Asia/Makassar' }]);
    await frame.click('#inbox-refresh');
    await updated.getByText(/ 10\.\d\d WITA$/).waitFor();
    await frame.click('#tab-manual');
    expect(await frame.locator('label[for="manual-at"]').innerText()).toContain('(WITA;');
    await appendRows(playground, 'Pengaturan', [{ Kunci: 'Zona Waktu', Nilai: 'Asia/Jakarta' }]);
    await frame.click('#tab-inbox');
    await frame.click('#inbox-refresh');
    await updated.getByText(/ 09\.\d\d WIB$/).waitFor();
  });

  it('warns at 70 % and urges archiving at 85 %, in words as well as colour', async () => {
    const { frame } = sidebar;
    // Old imports left a big sheet behind, of empty grid: first to 75 %, then to 88 % of the limit.
    const ss = playground.running.playground.emu.spreadsheet;
    const big = ss.insertSheet('Impor Lama', undefined, 1000, 26);
    const growTo = (share: number): void =>
      big.insertRowsAfter(big.maxRows, Math.ceil((share * 10_000_000 - ss.totalCells()) / 26));
    growTo(0.75);
    // A measurement is reused for an hour: an hour later the sidebar measures again.
    await devJson(playground, '/_dev/clock', { advanceMinutes: 61 });
    await frame.click('#tab-actions');
    await frame.locator('#capacity[data-level="warning"]').waitFor();
    expect(await frame.locator('#capacity-label').innerText()).toMatch(/: 7\d(,\d)? % dari 10 juta sel$/);
    const warning = await frame.locator('#capacity-advice').innerText();
    expect(warning).toMatch(/^Waspada: lebih dari 70 %/);
    expect(warning).toContain('Arsipkan data lama');
    expect(await fitsWidth(frame)).toBe(true);
    await shot(frame, '#capacity', '7-kapasitas-waspada');

    growTo(0.88);
    await devJson(playground, '/_dev/clock', { advanceMinutes: 61 });
    await frame.click('#tab-inbox');
    await frame.click('#tab-actions');
    await frame.locator('#capacity[data-level="critical"]').waitFor();
    expect(await frame.locator('#capacity-advice').innerText()).toMatch(/^Kritis: .*Segera jalankan menu/);
    expect(Number(await frame.getAttribute('#capacity-meter', 'aria-valuenow'))).toBeGreaterThanOrEqual(85);
    await shot(frame, '#capacity', '8-kapasitas-kritis');
    ss.deleteSheet(big);
    expect(dialogs).toEqual([]);
  });
});
