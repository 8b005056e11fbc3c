// Inbound attachments on the built bundle (issue 15): queued by doPost (no extra call), downloaded
// by the `lampiran` job into a Drive folder of the product, linked in `Pesan.Lampiran`, served to
// the sidebar; retries, expired media ids and files over the size setting.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalApp } from '../../dev/runtime/local-app';
import { cloudMedia, cloudText } from '../../dev/runtime/whatsapp';
import type { MediaView, SessionView } from '../../src/api/types';
import { Citizen, createApp, expectJsonOk, postJson } from '../support/app';

type MediaType = 'image' | 'document' | 'audio' | 'video' | 'sticker';
type MediaObject = { id: string; mime_type: string; caption?: string; filename?: string };

const OFFICER = 'sari@diskopukm.example';
const FIXTURES = join(__dirname, '..', 'fixtures', 'whatsapp');

function fixtureMedia(file: string): { type: MediaType; media: MediaObject } {
  const j = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
  const m = j.entry[0].changes[0].value.messages[0];
  const o = m[m.type];
  return {
    type: m.type,
    media: { id: o.id, mime_type: o.mime_type, caption: o.caption, filename: o.filename },
  };
}

const FIXTURE_MEDIA = [
  fixtureMedia('cloud-image.json'),
  fixtureMedia('cloud-document.json'),
  fixtureMedia('cloud-audio-voice.json'),
  fixtureMedia('cloud-sticker.json'),
  { type: 'video' as const, media: { id: '77000000000001', mime_type: 'video/mp4', caption: 'Video toko' } },
];

function register(app: LocalApp, id: string, mime: string, bytes: Buffer): void {
  const media = app.fakeWhatsApp.media ?? (app.fakeWhatsApp.media = new Map());
  media.set(id, { mime, data: bytes.toString('base64') });
}

function send(app: LocalApp, c: Citizen, type: MediaType, media: MediaObject): void {
  expectJsonOk(postJson(app, cloudMedia(c.sender, type, media, app.now())));
}

const pesan = (app: LocalApp, id: string) =>
  app.records('Pesan').filter((r) => r['ID Sesi'] === id && r.Arah === 'masuk');

function connected(): { app: LocalApp; ani: Citizen; id: string } {
  const app = createApp();
  app.emu.spreadsheet.editors.push(OFFICER);
  const ani = new Citizen(app, '6281234567890', 'Ani');
  const id = ani.connect('2', '1', '1');
  return { app, ani, id };
}

describe('inbound media', () => {
  it('downloads every media type into the product folder, one subfolder per month, and links it', () => {
    const { app, ani, id } = connected();
    for (const f of FIXTURE_MEDIA) register(app, f.media.id, f.media.mime_type, Buffer.from(`isi ${f.type}`));
    const before = app.emu.calls.executions.length;
    for (const f of FIXTURE_MEDIA) send(app, ani, f.type, f.media);
    // doPost only queued: no Drive call, no media request.
    const posts = app.emu.calls.executions.slice(before);
    expect(posts.every((e) => e.drive === 0 && e.urlFetch > 0)).toBe(true);
    expect(app.emu.fetchLog.some((r) => r.url.includes('lookaside'))).toBe(false);
    expect(pesan(app, id).filter((r) => r.Lampiran === 'menunggu unduhan')).toHaveLength(5);

    const ran = app.tick().result.ran.find((r) => r.job === 'lampiran');
    expect(ran?.summary).toContain('5 disimpan');
    const rows = pesan(app, id).filter((r) =>
      String(r.Lampiran).startsWith('https://drive.google.com/file/d/'),
    );
    expect(rows.map((r) => r['Jenis Pesan']).sort()).toEqual([
      'audio',
      'document',
      'image',
      'sticker',
      'video',
    ]);
    const items = [...app.emu.driveItems.values()];
    const root = items.find((i) => i.name === 'HALO KOP-UKM Lampiran')!;
    const month = items.find((i) => i.name === '2026-11' && i.parents.includes(root.id))!;
    const files = items.filter((i) => i.parents.includes(month.id));
    expect(files).toHaveLength(5);
    for (const f of files)
      expect(f.name).toMatch(new RegExp(`^${id}_[A-Za-z0-9._-]+\\.(jpg|pdf|ogg|webp|mp4)$`));
    const doc = files.find((f) => f.name.endsWith('.pdf'))!;
    expect(Buffer.from(doc.content, 'base64').toString()).toBe('isi document');
    // The media URL and the download both carried the token.
    const calls = app.emu.fetchLog.filter(
      (r) => r.url.includes('622684793477189') || r.url.includes('lookaside'),
    );
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const c of calls) expect(c.headers.Authorization).toMatch(/^Bearer /);
  });

  it('shows the image to the sidebar through the server, and the document as a named file', () => {
    const { app, ani, id } = connected();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    register(app, 'IMG1', 'image/png', png);
    register(app, 'DOC1', 'application/pdf', Buffer.from('%PDF-1.4'));
    send(app, ani, 'image', { id: 'IMG1', mime_type: 'image/png', caption: '<img src=x onerror=alert(1)>' });
    send(app, ani, 'document', { id: 'DOC1', mime_type: 'application/pdf', filename: '=HYPERLINK("x").pdf' });
    app.tick();
    const { result } = app.api<SessionView>('session.get', { sessionId: id }, OFFICER);
    expect(result.ok).toBe(true);
    const view = (result as { data: SessionView }).data;
    const image = view.messages.find((m) => m.media === 'gambar')!;
    expect(image.text).toBe('<img src=x onerror=alert(1)>');
    expect(image.attachment).toMatchObject({ image: true });
    const doc = view.messages.find((m) => m.media === 'dokumen')!;
    expect(doc.attachment).toMatchObject({ image: false, name: '=HYPERLINK("x").pdf' });
    const served = app.api<MediaView>(
      'media.get',
      { sessionId: id, fileId: image.attachment!.fileId },
      OFFICER,
    ).result;
    expect(served.ok && served.data).toMatchObject({
      mime: 'image/png',
      image: true,
      data: png.toString('base64'),
    });
    // Only files of the session asked about.
    const other = app.api<MediaView>(
      'media.get',
      { sessionId: 'HK-2611-9999', fileId: image.attachment!.fileId },
      OFFICER,
    ).result;
    expect(other.ok).toBe(false);
    // The hostile file name stays text in the sheet.
    const row = pesan(app, id).find((r) => r['Jenis Pesan'] === 'document')!;
    expect(String(row.Isi)).toContain('=HYPERLINK("x").pdf');
  });

  it('retries a download that fails twice, then stores it', () => {
    const { app, ani, id } = connected();
    register(app, 'FLAKY', 'image/jpeg', Buffer.from('jpeg'));
    app.fakeWhatsApp.mediaFailures = new Map([['FLAKY', 2]]);
    send(app, ani, 'image', { id: 'FLAKY', mime_type: 'image/jpeg' });
    expect(app.tick().result.ran.find((r) => r.job === 'lampiran')?.summary).toContain('1 dicoba lagi');
    app.advanceMinutes(1);
    expect(app.tick().result.ran.find((r) => r.job === 'lampiran')?.summary).toContain('1 dicoba lagi');
    expect(pesan(app, id).find((r) => r['Jenis Pesan'] === 'image')!.Lampiran).toBe('menunggu unduhan');
    app.advanceMinutes(2);
    expect(app.tick().result.ran.find((r) => r.job === 'lampiran')?.summary).toContain('1 disimpan');
    expect(String(pesan(app, id).find((r) => r['Jenis Pesan'] === 'image')!.Lampiran)).toMatch(
      /^https:\/\/drive/,
    );
  });

  it('logs an expired media id and notes it; a file over the size setting is not downloaded', () => {
    const { app, ani, id } = connected();
    app.appendRows('Pengaturan', [{ Kunci: 'Batas Unduh Lampiran (MB)', Nilai: '1' }]);
    register(app, 'BIG', 'video/mp4', Buffer.alloc(2 * 1024 * 1024, 1));
    send(app, ani, 'image', { id: 'GONE', mime_type: 'image/jpeg' });
    send(app, ani, 'video', { id: 'BIG', mime_type: 'video/mp4' });
    app.tick();
    const rows = pesan(app, id);
    expect(rows.find((r) => r['Jenis Pesan'] === 'image')!.Lampiran).toBe(
      'tidak tersedia (media kedaluwarsa)',
    );
    expect(String(rows.find((r) => r['Jenis Pesan'] === 'video')!.Lampiran)).toMatch(
      /^terlalu besar \(2,0 MB\)/,
    );
    expect(app.emu.fetchLog.some((r) => r.url.includes('lookaside') && r.url.includes('BIG'))).toBe(false);
    const log = app.records('Log Sistem').map((r) => String(r.Pesan));
    expect(log.some((l) => l.includes('GONE') && l.includes('kedaluwarsa'))).toBe(true);
    expect(
      [...app.emu.driveItems.values()].filter((i) => i.mimeType !== 'application/vnd.google-apps.folder'),
    ).toHaveLength(0);
  });

  it("the privacy deletion removes the citizen's files from Drive, and only theirs", () => {
    const { app, ani, id } = connected();
    const budi = new Citizen(app, '6281234567891', 'Budi');
    const other = budi.connect('1', '1', '1');
    register(app, 'A1', 'image/jpeg', Buffer.from('ani'));
    register(app, 'B1', 'image/jpeg', Buffer.from('budi'));
    send(app, ani, 'image', { id: 'A1', mime_type: 'image/jpeg' });
    send(app, budi, 'image', { id: 'B1', mime_type: 'image/jpeg' });
    app.tick();
    const files = () => [...app.emu.driveItems.values()].filter((i) => !i.mimeType.includes('folder'));
    expect(
      files()
        .map((f) => f.name.split('_')[0])
        .sort(),
    ).toEqual([id, other].sort());
    const done = app.api('privacy.delete', { query: '6281234567890', confirm: true }).result;
    expect(done.ok).toBe(true);
    expect(files().map((f) => f.name.split('_')[0])).toEqual([other]);
  });

  it("moves the files of archived messages into the year's archive folder: the archive links them, privacy deletion still finds them", () => {
    const app = createApp({ now: '2025-06-10T09:00:00+07:00' });
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('2', '1', '1');
    register(app, 'OLD1', 'image/jpeg', Buffer.from('foto surat lama'));
    send(app, ani, 'image', { id: 'OLD1', mime_type: 'image/jpeg', caption: 'Foto surat' });
    app.tick();
    const link = String(pesan(app, id).find((r) => r['Jenis Pesan'] === 'image')!.Lampiran);
    const fileId = /\/file\/d\/([^/]+)\//.exec(link)![1];
    ani.say('selesai');
    // Seventeen months on, with the default 12 months of retention: June 2025 is archived.
    app.setNow('2026-11-23T09:00:00+07:00');
    const done = (): boolean =>
      app.records('Log Sistem').some((r) => /^Pengarsipan selesai/.test(String(r.Pesan)));
    for (let i = 0; i < 30 && !done(); i++) {
      app.advanceMinutes(1);
      app.tick();
    }
    expect(done()).toBe(true);
    expect(pesan(app, id)).toEqual([]);
    const archive = [...app.emu.spreadsheets.values()].find((s) => s.name === 'HALO KOP-UKM Arsip 2025')!;
    const rows = archive.getSheetByName('Pesan')!.getValues();
    const col = rows[0].indexOf('Lampiran');
    expect(rows.slice(1).map((r) => r[col])).toContain(link);

    const items = [...app.emu.driveItems.values()];
    const root = items.find((i) => i.name === 'HALO KOP-UKM Lampiran')!;
    const folder = items.find((i) => i.name === 'Arsip 2025' && i.parents.includes(root.id))!;
    const file = app.emu.driveItems.get(fileId)!;
    expect(file.parents).toEqual([folder.id]);
    expect(Buffer.from(file.content, 'base64').toString()).toBe('foto surat lama');
    const june = items.find((i) => i.name === '2025-06')!;
    expect(items.filter((i) => i.parents.includes(june.id))).toEqual([]);
    const said = app.records('Log Sistem').map((r) => String(r.Pesan));
    expect(said.filter((m) => /arsip/i.test(m))).toContain(
      '1 lampiran dari pesan yang diarsipkan dipindahkan ke folder Drive "Arsip 2025" (tautannya tetap).',
    );

    expect(app.api('privacy.delete', { query: '6281234567890', confirm: true }).result.ok).toBe(true);
    expect(app.emu.driveItems.has(fileId)).toBe(false);
  });

  it("forwards a citizen's picture to the officer's phone, and an officer's document quoting a notification to the citizen", () => {
    const { app, ani, id } = connected();
    const DEDI = '6281111111103'; // Pengaduan Koperasi
    register(app, 'PIC', 'image/jpeg', Buffer.from('foto'));
    register(app, 'OFFICERDOC', 'application/pdf', Buffer.from('%PDF balasan'));
    send(app, ani, 'image', { id: 'PIC', mime_type: 'image/jpeg', caption: 'Surat' });
    app.tick();
    const toDedi = app.messagesTo(DEDI).filter((m) => m.type === 'image');
    expect(toDedi).toHaveLength(1);
    expect((toDedi[0].body as { image: { caption: string } }).image.caption).toContain(id);
    const dedi = new Citizen(app, DEDI, 'Dedi');
    dedi.replies();
    ani.replies();
    const quoted = toDedi[0].messageId;
    const doc = cloudMedia(
      dedi.sender,
      'document',
      { id: 'OFFICERDOC', mime_type: 'application/pdf', filename: 'jawaban.pdf' },
      app.now(),
    );
    (
      doc.entry as { changes: { value: { messages: Record<string, unknown>[] } }[] }[]
    )[0].changes[0].value.messages[0].context = { from: '6281100000000', id: quoted };
    expectJsonOk(postJson(app, doc));
    expect(dedi.replies()[0].text).toContain('dalam satu menit');
    app.advanceMinutes(1);
    app.tick();
    const got = ani.replies().filter((m) => m.type === 'document');
    expect(got).toHaveLength(1);
    expect((got[0].body as { document: { filename: string } }).document.filename).toBe('jawaban.pdf');
  });

  it("an officer's file to a session another officer handles is stored but held; KIRIM on the warning sends it", () => {
    const app = createApp({
      officers: [
        { Grup: 'Pengaduan Koperasi', Nama: 'Dedi Aduan', WhatsApp: '6281111111103', Email: '', Aktif: true },
        { Grup: 'Pengaduan Koperasi', Nama: 'Eka Aduan', WhatsApp: '6281111111105', Email: '', Aktif: true },
      ],
    });
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const id = ani.connect('2', '1', '1');
    const dedi = new Citizen(app, '6281111111103', 'Dedi');
    const eka = new Citizen(app, '6281111111105', 'Eka');
    const quoteOf = (c: Citizen) => app.messagesTo(c.address)[0].messageId;
    const withQuote = (body: Record<string, unknown>, quoted: string) => {
      (
        body.entry as { changes: { value: { messages: Record<string, unknown>[] } }[] }[]
      )[0].changes[0].value.messages[0].context = {
        from: '6281100000000',
        id: quoted,
      };
      return body;
    };
    postJson(app, cloudText(dedi.sender, 'Selamat pagi, kami bantu', app.now(), { replyTo: quoteOf(dedi) }));
    for (const c of [ani, dedi, eka]) c.replies();

    register(app, 'EKADOC', 'application/pdf', Buffer.from('%PDF dari Eka'));
    const doc = cloudMedia(
      eka.sender,
      'document',
      { id: 'EKADOC', mime_type: 'application/pdf', filename: 'formulir.pdf' },
      app.now(),
    );
    expectJsonOk(postJson(app, withQuote(doc, quoteOf(eka))));
    const [warning] = eka.replies();
    expect(warning.text).toContain(`Sesi *${id}* sedang ditangani oleh *Dedi Aduan*. Berkas Anda disimpan`);
    app.advanceMinutes(1);
    app.tick();
    expect(ani.replies()).toEqual([]);
    const row = app.records('Pesan').find((r) => r['Jenis Pesan'] === 'document')!;
    expect(String(row.Lampiran)).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);

    // Confirmed after it was stored: sent on from Drive, the link kept, Dedi told.
    const warningId = app.messagesTo(eka.address).find((m) => m.text === warning.text)!.messageId;
    postJson(app, cloudText(eka.sender, 'KIRIM', app.now(), { replyTo: warningId }));
    expect(eka.replies()[0].text).toContain('dalam satu menit');
    expect(dedi.replies().map((r) => r.text)).toEqual([
      `Eka Aduan juga membalas pengguna layanan pada sesi *${id}* yang Anda tangani.`,
    ]);
    app.advanceMinutes(1);
    app.tick();
    const got = ani.replies().filter((m) => m.type === 'document');
    expect(got).toHaveLength(1);
    expect((got[0].body as { document: { filename: string } }).document.filename).toBe('formulir.pdf');
    expect(app.records('Pesan').find((r) => r['Jenis Pesan'] === 'document')!.Lampiran).toBe(row.Lampiran);

    // Confirmed before the download: sent on once stored.
    register(app, 'EKAPIC', 'image/jpeg', Buffer.from('foto dari Eka'));
    expectJsonOk(
      postJson(
        app,
        withQuote(
          cloudMedia(eka.sender, 'image', { id: 'EKAPIC', mime_type: 'image/jpeg' }, app.now()),
          quoteOf(eka),
        ),
      ),
    );
    const [again] = eka.replies();
    const againId = app
      .messagesTo(eka.address)
      .filter((m) => m.text === again.text)
      .pop()!.messageId;
    const sentBefore = app.sentCount;
    postJson(app, cloudText(eka.sender, 'kirim', app.now(), { replyTo: againId }));
    expect(app.messagesTo(ani.address, sentBefore)).toEqual([]);
    app.advanceMinutes(1);
    app.tick();
    expect(ani.replies().filter((m) => m.type === 'image')).toHaveLength(1);
  });
});
