// The officer's toolkit in the sidebar (issue 15), in Chromium on the playground: a session another
// officer answered shows "ditangani oleh …" and asks before replying; the quick-reply picker inserts
// the team's text with the citizen's name filled in; the hand-over moves the session to another group.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { cloudText } from '../../dev/runtime/whatsapp';
import { launchBrowser } from './support/browser';
import { SCREENSHOTS, startPlayground, type StartedPlayground } from './support/playground';
import { appendRows, devJson, openSidebar, say, sheetRecords, watchDialogs } from './support/sidebar';

jest.setTimeout(120000);

const AGUS = '6281299990002'; // demo officer of Konsultasi UKM

let playground: StartedPlayground;
let browser: Browser;
let context: BrowserContext;
let dataDir: string;
const dialogs: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `sidebar-toolkit-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'halo-toolkit-'));
  playground = await startPlayground({ dataDir });
  await devJson(playground, '/_dev/clock', { set: '2026-11-23T09:00:00+07:00' });
  await appendRows(playground, 'Jawaban Cepat', [
    {
      Kode: 'nib',
      Judul: 'Cara mengurus NIB',
      Isi: 'Yth. {nama}, NIB diurus di oss.go.id ({id}).',
      Grup: '',
    },
    { Kode: 'x', Judul: '<img src=x onerror="window.__xss=1">', Isi: '<b>tebal</b>', Grup: '' },
  ]);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  if (browser) await browser.close();
  if (playground) await playground.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('officer toolkit in the sidebar', () => {
  let sessionId = '';
  let chat: Page;
  let sidebar: { page: Page; frame: Frame };

  it('shows "ditangani oleh" for a session another officer answered, and asks before replying', async () => {
    chat = await context.newPage();
    watchDialogs(chat, dialogs);
    await chat.goto(`${playground.url}/chat`);
    await chat.locator('#who-name').filter({ hasText: /\S/ }).waitFor();
    await say(chat, 'halo', /Ketik \*?1\*?/);
    await say(chat, '1', /bidang/i);
    await say(chat, '2', /topik/i);
    await say(chat, '2', /HK-\d{4}-\d{4}/);
    sessionId = /HK-\d{4}-\d{4,}/.exec(await chat.locator('#messages').innerText())![0];
    const { now } = await devJson<{ now: string }>(playground, '/_dev/clock');
    const res = await fetch(`${playground.url}/exec?key=playground`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        cloudText({ phone: AGUS, name: 'Agus' }, `${sessionId} Selamat pagi dari Agus.`, Date.parse(now)),
      ),
    });
    expect(res.status).toBe(200);

    sidebar = await openSidebar(context, playground, dialogs);
    const { frame, page } = sidebar;
    const card = frame.locator(`.card[data-session="${sessionId}"]`).first();
    await card.locator('.claimed', { hasText: 'ditangani oleh Agus UKM' }).waitFor();
    await shot(page, '1-ditangani-oleh');
    await card.click();
    await frame.locator('#chat-transcript .msg.petugas', { hasText: 'dari Agus' }).waitFor();

    // Quick reply: search, insert (filled), edit, send.
    await frame.click('#qr-box summary');
    await frame.locator('#qr-list .qr-item').first().waitFor();
    const hostile = frame.locator('#qr-list .qr-item[data-code="x"] .qr-title');
    expect(await hostile.innerText()).toBe('<img src=x onerror="window.__xss=1">');
    await frame.fill('#qr-search', 'NIB');
    expect(await frame.locator('#qr-list .qr-item').count()).toBe(1);
    await shot(page, '2-jawaban-cepat');
    await frame.click('#qr-list .qr-item[data-code="nib"]');
    const inserted = await frame.inputValue('#reply-text');
    expect(inserted).toContain(`NIB diurus di oss.go.id (${sessionId}).`);
    expect(inserted).not.toContain('{nama}');
    await frame.fill('#reply-text', `${inserted} Terima kasih.`);
    await frame.click('#reply-send');
    await frame.locator('#claim-confirm:not([hidden])').waitFor();
    expect(await frame.locator('#claim-question').innerText()).toContain('ditangani oleh Agus UKM');
    await shot(page, '3-peringatan-klaim');
    await frame.click('#claim-yes');
    await frame.locator('#chat-status', { hasText: 'Terkirim' }).waitFor();
    await chat.locator('#messages').getByText('NIB diurus di oss.go.id').waitFor({ timeout: 15000 });
    expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('hands the session over to another group', async () => {
    const { frame, page } = sidebar;
    await page.bringToFront();
    const options = await frame.locator('#handover-group option').allInnerTexts();
    expect(options).toContain('Pengaduan UKM');
    expect(options).not.toContain('Konsultasi UKM');
    await frame.selectOption('#handover-group', 'Pengaduan UKM');
    await frame.click('#handover-send');
    await frame.locator('#chat-status', { hasText: 'dialihkan ke Pengaduan UKM' }).waitFor();
    await frame.locator('#chat-facts', { hasText: 'Pengaduan UKM' }).waitFor();
    await shot(page, '4-dialihkan');
    const sesi = (await sheetRecords(playground, 'Sesi')).find((r) => r['ID'] === sessionId)!;
    expect(sesi).toMatchObject({ Jenis: 'Pengaduan', Bidang: 'UKM', Dialihkan: 1 });
    await chat.locator('#messages').getByText('kami alihkan ke petugas').waitFor({ timeout: 15000 });
    expect(dialogs).toEqual([]);
  });

  it('a picture and a file attached on /chat show in the conversation as a thumbnail and a named link', async () => {
    await chat.bringToFront();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await chat.fill('#text', 'Foto surat <b>izin</b>');
    await chat.setInputFiles('#attach', { name: 'surat.png', mimeType: 'image/png', buffer: png });
    await chat.locator('#messages').getByText('Foto surat <b>izin</b>').waitFor();
    await chat.setInputFiles('#attach', {
      name: 'laporan <script>.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 laporan'),
    });
    // Both webhooks have arrived (logged in Pesan) before the minute's tick downloads them.
    for (let i = 0; i < 100; i++) {
      const rows = await sheetRecords(playground, 'Pesan');
      if (rows.some((r) => r['ID Sesi'] === sessionId && r['Jenis Pesan'] === 'document')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await devJson(playground, '/_dev/tick', {});
    const { frame, page } = sidebar;
    await page.bringToFront();
    const img = frame.locator('#chat-transcript .attachment.thumb img');
    await img.waitFor({ timeout: 20000 });
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(
      await frame.locator('#chat-transcript .msg.warga .text', { hasText: 'Foto surat' }).innerText(),
    ).toBe('Foto surat <b>izin</b>');
    const file = frame.locator('#chat-transcript .attachment.file');
    await file.waitFor();
    expect(await file.innerText()).toContain('laporan <script>.pdf');
    expect(await frame.locator('#chat-transcript script, #chat-transcript b').count()).toBe(0);
    const pesan = await sheetRecords(playground, 'Pesan');
    const links = pesan.filter(
      (r) => r['ID Sesi'] === sessionId && String(r['Lampiran']).startsWith('https://drive.google.com/'),
    );
    expect(links).toHaveLength(2);
    await shot(page, '5-lampiran');
    expect(dialogs).toEqual([]);
  });

  it('the officer sends a PDF from the sidebar; the citizen receives it as a document', async () => {
    const { frame, page } = sidebar;
    await page.bringToFront();
    await frame.fill('#reply-text', 'Berikut formulirnya.');
    await frame.setInputFiles('#reply-file', {
      name: 'formulir.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 formulir'),
    });
    await frame.click('#file-send');
    await frame.locator('#chat-status', { hasText: 'Berkas terkirim' }).waitFor();
    await frame
      .locator('#chat-transcript .msg.petugas .attachment.file', { hasText: 'formulir.pdf' })
      .waitFor();
    const outbox = await devJson<{ to: string; body: { type?: string; document?: { filename: string } } }[]>(
      playground,
      '/_dev/outbox',
    );
    const docs = outbox.filter((e) => e.body && e.body.type === 'document');
    const doc = docs.find((e) => e.body.document?.filename === 'formulir.pdf');
    expect(doc).toBeDefined();
    // The citizen's own attachment went to the officer's phone, not back to the citizen.
    expect(
      docs.filter((e) => e.body.document?.filename === 'laporan <script>.pdf').map((e) => e.to),
    ).not.toContain(doc!.to);
    await shot(page, '6-berkas-petugas');
    expect(dialogs).toEqual([]);
  });
});
