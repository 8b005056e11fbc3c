// A citizen's right to see and delete their data (UU No. 27/2022), on the built bundle: staff find
// every row of one citizen by number in any format or by user id — in the spreadsheet, its
// archives and Script Properties — and delete it all on confirmation; nobody else's data moves.
import type { LocalApp } from '../../dev/runtime/local-app';
import type { SpreadsheetModel } from '../../dev/emulator/index';
import { ARCHIVE_CURSOR_KEY, ARCHIVE_JOB } from '../../src/app/data/archive';
import { sessionKeyProp, sessionSeqKey, userKeyProp } from '../../src/app/helpdesk/state';
import { OUTBOX_QUEUE_KEY } from '../../src/app/messaging/sender';
import { jobKey } from '../../src/app/scheduler/job';
import { Citizen, createApp, lastCalls } from '../support/app';

const ANI = '6285711223344';
const BUDI = '6289876543210';
/** Ani's number in every form it may take in a cell. */
const ANI_ANY_FORM = /(62|0|\+62\s?)?8\s?5\s?7[\s-]?1\s?1\s?2\s?2[\s-]?3\s?3\s?4\s?4/;

interface PrivacyResult {
  query: string;
  kind: string;
  sheets: { spreadsheet: string; sheet: string; url: string; count: number; rows: string }[];
  total: number;
  states: number;
  queued: number;
  deleted: boolean;
}

function writeRows(app: LocalApp, name: string, recs: Record<string, unknown>[]): void {
  const sheet = app.emu.spreadsheet.getSheetByName(name)!;
  const headers = app.sheet(name).headers.map(String);
  const start = sheet.lastRow() + 1;
  const need = start + recs.length - 1;
  if (need > sheet.maxRows) sheet.insertRowsAfter(sheet.maxRows, need - sheet.maxRows);
  sheet.setValues(
    `A${start}`,
    recs.map((r) => headers.map((h) => (h in r ? r[h] : ''))),
  );
}

/** Every cell of every sheet of every spreadsheet (the bound one and the archives), as text. */
function everyCell(app: LocalApp): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const ss of app.emu.spreadsheets.values() as Iterable<SpreadsheetModel>) {
    for (const sheet of ss.sheets) {
      sheet.getValues().forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== '' && v !== null)
            out.push({ where: `${ss.name}!${sheet.name}!R${r + 1}C${c + 1}`, text: String(v) });
        }),
      );
    }
  }
  return out;
}

function rowsOf(ss: SpreadsheetModel, name: string): Record<string, unknown>[] {
  const values = ss.getSheetByName(name)?.getValues() ?? [];
  const headers = (values[0] ?? []).map(String);
  return values.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

/**
 * Ani: an archived session of 2024, a finished session this morning (she is being asked for her
 * rating), a broadcast subscription, a broadcast sent to her, a phone call typed in by staff and a
 * speaker entry. Budi: a session still open. Cici: a WhatsApp username user without a number.
 */
function scenario(): {
  app: LocalApp;
  ani: Citizen;
  budi: Citizen;
  cici: Citizen;
  aniSession: string;
  budiSession: string;
} {
  const app = createApp();
  writeRows(app, 'Sesi', [
    {
      ID: 'HK-2405-0001',
      Kanal: 'WhatsApp',
      Nomor: ANI,
      Nama: 'Ani',
      Status: 'Selesai',
      Mulai: new Date('2024-05-02T02:00:00Z'),
      'ID Pengguna': ANI,
    },
    {
      ID: 'HK-2405-0002',
      Kanal: 'WhatsApp',
      Nomor: BUDI,
      Nama: 'Budi',
      Status: 'Selesai',
      Mulai: new Date('2024-05-03T02:00:00Z'),
      'ID Pengguna': BUDI,
    },
  ]);
  writeRows(app, 'Pesan', [
    {
      Waktu: new Date('2024-05-02T02:00:00Z'),
      'ID Sesi': 'HK-2405-0001',
      Arah: 'masuk',
      Nomor: ANI,
      Isi: 'lama ani',
    },
    {
      Waktu: new Date('2024-05-02T02:01:00Z'),
      'ID Sesi': 'HK-2405-0001',
      Arah: 'keluar',
      Nomor: '6281111111101',
      Isi: 'notifikasi petugas tentang Ani',
    },
    {
      Waktu: new Date('2024-05-03T02:00:00Z'),
      'ID Sesi': 'HK-2405-0002',
      Arah: 'masuk',
      Nomor: BUDI,
      Isi: 'lama budi',
    },
  ]);
  app.emu.scriptProperties.set(sessionSeqKey('2405'), '2');
  // The monthly archive moves those to "HALO KOP-UKM Arsip 2024" (over several ticks when a run
  // uses up its time budget).
  app.tick();
  for (let i = 0; i < 20 && app.emu.scriptProperties.has(ARCHIVE_CURSOR_KEY); i++) app.tick();

  const ani = new Citizen(app, ANI, 'Ani');
  const aniSession = ani.connect('1', '2', '1');
  ani.say('Bagaimana cara mendapatkan modal usaha?');
  expect(
    app.api('session.reply', { sessionId: aniSession, text: 'Silakan datang ke kantor, Bu.' }).result.ok,
  ).toBe(true);
  ani.say('selesai');
  ani.say('DAFTAR');

  const budi = new Citizen(app, BUDI, 'Budi');
  const budiSession = budi.connect('2', '1', '2');
  budi.say('Koperasi kami belum membagikan SHU.');
  const cici = new Citizen(app, '', 'Cici', 'ID.7788990011223344');
  cici.say('halo');

  app.appendRows('Sesi', [
    {
      ID: 'TEL-0001',
      Kanal: 'Telepon',
      Nomor: '0857-1122-3344',
      Nama: 'Ani',
      Status: 'Selesai',
      Catatan: 'telepon',
    },
  ]);
  app.appendRows('Log Siaran', [
    {
      Waktu: new Date('2026-11-20T03:00:00Z'),
      Topik: 'Pelatihan',
      Nomor: '+62 857 1122 3344',
      Status: 'terkirim',
    },
    { Waktu: new Date('2026-11-20T03:00:01Z'), Topik: 'Pelatihan', Nomor: BUDI, Status: 'terkirim' },
  ]);
  app.appendRows('Narasumber', [
    { Nama: 'Ani', Organisasi: 'UKM Kue Ani', Jenis: 'UKM', Kontak: '085711223344' },
    { Nama: 'Pak Joko', Organisasi: 'Koperasi Maju', Jenis: 'Koperasi', Kontak: '628111222333' },
  ]);
  return { app, ani, budi, cici, aniSession, budiSession };
}

describe("a citizen's data", () => {
  it('finds every row of one citizen, by a number in any format, and no one else', () => {
    const { app, aniSession } = scenario();
    const found = app.api<PrivacyResult>('privacy.find', { query: '0857 1122 3344' }).result;
    expect(found.ok).toBe(true);
    const data = found.data!;
    expect(data.query).toBe('0857****3344');
    expect(data.kind).toBe('phone');
    const count = (spreadsheet: string, sheet: string): number =>
      data.sheets.find((s) => s.spreadsheet === spreadsheet && s.sheet === sheet)?.count ?? 0;

    // What is Ani's, computed from the sheets themselves.
    const sesi = app.records('Sesi');
    const aniSessions = new Set(['HK-2405-0001', aniSession, 'TEL-0001']);
    expect(count('HALO KOP-UKM', 'Sesi')).toBe(sesi.filter((r) => aniSessions.has(String(r.ID))).length);
    expect(count('HALO KOP-UKM', 'Sesi')).toBe(2);
    const pesan = app.records('Pesan');
    const anis = pesan.filter((r) => String(r.Nomor) === ANI || aniSessions.has(String(r['ID Sesi'])));
    expect(anis.length).toBeGreaterThan(8);
    // Notifications to the officer about her session count too (they carry her name and words).
    expect(anis.some((r) => String(r.Nomor) === '6281111111102')).toBe(true);
    expect(count('HALO KOP-UKM', 'Pesan')).toBe(anis.length);
    expect(count('HALO KOP-UKM', 'Pelanggan Siaran')).toBe(1);
    expect(count('HALO KOP-UKM', 'Log Siaran')).toBe(1);
    expect(count('HALO KOP-UKM', 'Narasumber')).toBe(1);
    expect(count('HALO KOP-UKM Arsip 2024', 'Sesi')).toBe(1);
    expect(count('HALO KOP-UKM Arsip 2024', 'Pesan')).toBe(2);
    expect(data.states).toBe(1); // she is being asked for her rating
    expect(data.total).toBe(data.sheets.reduce((n, s) => n + s.count, 0));

    // The same by other forms of the number.
    for (const query of ['+62 857-1122-3344', '6285711223344', 6285711223344, '085711223344']) {
      const again = app.api<PrivacyResult>('privacy.find', { query }).result.data!;
      expect(again.total).toBe(data.total);
    }
    // Finding reads only.
    expect(app.records('Pesan')).toHaveLength(pesan.length);
  });

  it('finds a username user by user id', () => {
    const { app } = scenario();
    const found = app.api<PrivacyResult>('privacy.find', { query: 'ID.7788990011223344' }).result.data!;
    expect(found.kind).toBe('userId');
    expect(found.query).toBe('ID.********');
    const sheets = Object.fromEntries(found.sheets.map((s) => [s.sheet, s.count]));
    expect(sheets.Sesi).toBe(1);
    expect(sheets.Pesan).toBe(2);
    expect(found.states).toBe(1);
  });

  it('deletes everything on confirmation, logged without the number; the others carry on', () => {
    const { app, budi, aniSession, budiSession } = scenario();
    const budiBefore = {
      sesi: app.records('Sesi').filter((r) => r.ID === budiSession),
      pesan: app.records('Pesan').filter((r) => r['ID Sesi'] === budiSession),
      siaran: app.records('Log Siaran').filter((r) => r.Nomor === BUDI),
    };
    const refused = app.api('privacy.delete', { query: '085711223344' }).result;
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('perlu dikonfirmasi');
    expect(app.api<PrivacyResult>('privacy.find', { query: '085711223344' }).result.data!.total).toBe(24);

    const done = app.api<PrivacyResult>('privacy.delete', { query: '085711223344', confirm: true }).result;
    expect(done.ok).toBe(true);
    expect(done.data!.deleted).toBe(true);
    expect(done.data!.total).toBeGreaterThan(15);

    // Nothing of Ani is left anywhere: no number in any form, no session of hers, no state.
    for (const cell of everyCell(app)) {
      expect([cell.where, ANI_ANY_FORM.test(cell.text)]).toEqual([cell.where, false]);
      expect([cell.where, cell.text.includes(aniSession)]).toEqual([cell.where, false]);
    }
    expect(app.emu.scriptProperties.has(userKeyProp(ANI))).toBe(false);
    expect(app.emu.scriptProperties.has(sessionKeyProp(aniSession))).toBe(false);
    expect(app.api<PrivacyResult>('privacy.find', { query: ANI }).result.data!.total).toBe(0);

    // Budi's rows are untouched, and his conversation goes on in the right row.
    expect(app.records('Sesi').filter((r) => r.ID === budiSession)).toEqual(budiBefore.sesi);
    expect(app.records('Pesan').filter((r) => r['ID Sesi'] === budiSession)).toEqual(budiBefore.pesan);
    expect(app.records('Log Siaran').filter((r) => r.Nomor === BUDI)).toEqual(budiBefore.siaran);
    expect(app.records('Narasumber').map((r) => r.Nama)).toEqual(['Pak Joko']);
    const archive = [...app.emu.spreadsheets.values()].find((s) => s.name === 'HALO KOP-UKM Arsip 2024')!;
    expect(rowsOf(archive, 'Pesan').map((r) => r.Isi)).toEqual(['lama budi']);
    expect(
      app.api('session.reply', { sessionId: budiSession, text: 'Baik Pak, kami bantu.' }).result.ok,
    ).toBe(true);
    expect(
      budi
        .replies()
        .map((m) => m.text)
        .join('\n'),
    ).toContain('Baik Pak, kami bantu.');
    const budiRow = app.records('Sesi').find((r) => r.ID === budiSession)!;
    expect(budiRow.Status).toBe('Aktif');
    expect(budiRow['Respons Pertama']).toBeInstanceOf(Date);
    expect(app.records('Sesi').filter((r) => r.Status === 'Aktif')).toHaveLength(1);

    // Logged, with the number masked and who asked.
    const log = app.records('Log Sistem').filter((r) => r.Sumber === 'privasi');
    expect(log).toHaveLength(1);
    expect(String(log[0].Pesan)).toContain('0857****3344');
    expect(String(log[0].Pesan)).toContain('admin@diskopukm.example');
  });

  it('new messages after a deletion land right below the remaining rows', () => {
    const { app, budi } = scenario();
    app.api('privacy.delete', { query: ANI, confirm: true });
    budi.say('Terima kasih.');
    const rows = app.sheet('Pesan').rows;
    // Budi's words, then their copy forwarded to the officer.
    expect(rows[rows.length - 2]).toContain('Terima kasih.');
    expect(String(rows[rows.length - 1][5])).toContain('(Budi):\nTerima kasih.');
    expect(rows.filter((r) => r.every((v) => v === ''))).toHaveLength(0);
  });

  it('works from the menu: asks for the number, shows what is stored, deletes on YES', () => {
    const { app } = scenario();
    app.emu.ui.promptResponseText = '0857-1122-3344';
    app.emu.ui.alertResponse = 'NO';
    app.exec('menuCitizenData');
    const shown = app.emu.ui.alerts.slice(-1)[0].prompt;
    expect(shown).toContain('0857****3344');
    expect(shown).toMatch(/Sesi: 2 baris/);
    expect(shown).toMatch(/HALO KOP-UKM Arsip 2024 › Pesan: 2 baris/);
    expect(shown).not.toMatch(ANI_ANY_FORM);
    expect(app.api<PrivacyResult>('privacy.find', { query: ANI }).result.data!.total).toBe(24);

    app.emu.ui.alertResponse = 'YES';
    app.exec('menuCitizenData');
    expect(app.emu.ui.alerts.slice(-1)[0].prompt).toMatch(/Data 0857\*{4}3344 telah dihapus/);
    expect(app.api<PrivacyResult>('privacy.find', { query: ANI }).result.data!.total).toBe(0);
  });

  it('settles an archive batch in flight before deleting, so nothing is left half-moved', () => {
    const { app } = scenario();
    // A batch planned and copied, not yet verified: its copy is removed, the originals stay.
    writeRows(app, 'Pesan', [
      { Waktu: new Date('2024-06-01T02:00:00Z'), Arah: 'masuk', Nomor: BUDI, Isi: 'budi juni' },
    ]);
    app.emu.scriptProperties.delete(jobKey(ARCHIVE_JOB));
    const restore = failArchiveVerify(app);
    try {
      app.tick();
    } finally {
      restore();
    }
    // The copy is in the archive, unverified; the original is still in place.
    const archive = [...app.emu.spreadsheets.values()].find((s) => s.name === 'HALO KOP-UKM Arsip 2024')!;
    expect(app.emu.scriptProperties.get(ARCHIVE_CURSOR_KEY)).toContain('"phase":"copy"');
    expect(rowsOf(archive, 'Pesan').map((r) => r.Isi)).toEqual([
      'lama ani',
      'notifikasi petugas tentang Ani',
      'lama budi',
      'budi juni',
    ]);
    app.api('privacy.delete', { query: ANI, confirm: true });
    const cursor = JSON.parse(app.emu.scriptProperties.get(ARCHIVE_CURSOR_KEY)!) as { phase: string };
    expect(cursor.phase).toBe('scan');
    expect(rowsOf(archive, 'Pesan').map((r) => r.Isi)).toEqual(['lama budi']);
    expect(app.records('Pesan').filter((r) => r.Isi === 'budi juni')).toHaveLength(1);
    // The job (retried an hour after the crash) then moves it once.
    app.emu.scriptProperties.set(jobKey(ARCHIVE_JOB), String(app.now()));
    app.tick();
    expect(rowsOf(archive, 'Pesan').map((r) => r.Isi)).toEqual(['lama budi', 'budi juni']);
    expect(app.records('Pesan').filter((r) => r.Isi === 'budi juni')).toHaveLength(0);
  });

  it('drops messages to the citizen waiting in the send retry queue', () => {
    const { app, budiSession } = scenario();
    // WhatsApp is down for a moment: answers to Budi wait in the retry queue.
    app.fakeWhatsApp = { fail: (_req, msg) => (msg && msg.to === BUDI ? { status: 503, body: '' } : null) };
    app.api('session.reply', { sessionId: budiSession, text: 'Mohon tunggu, Pak.' });
    const found = app.api<PrivacyResult>('privacy.find', { query: BUDI }).result.data!;
    expect(found.queued).toBe(1);
    expect(app.api<PrivacyResult>('privacy.find', { query: ANI }).result.data!.queued).toBe(0);
    app.api('privacy.delete', { query: BUDI, confirm: true });
    expect(app.emu.scriptProperties.get(OUTBOX_QUEUE_KEY) ?? '[]').not.toContain(BUDI);
    // WhatsApp is back: nothing is sent to him any more.
    app.fakeWhatsApp = {};
    const since = app.sentCount;
    app.advanceMinutes(120);
    app.tick();
    expect(app.messagesTo(BUDI, since)).toHaveLength(0);
  });

  it('refuses callers who are not editors of the spreadsheet', () => {
    const { app } = scenario();
    for (const [name, req] of [
      ['privacy.find', { query: ANI }],
      ['privacy.delete', { query: ANI, confirm: true }],
      ['capacity.get', {}],
    ] as const) {
      for (const user of ['stranger@example.com', '']) {
        const res = app.api(name, req, user).result;
        expect(res.ok).toBe(false);
        expect(res.error).toContain('hanya dapat digunakan oleh anggota tim');
        expect(JSON.stringify(res)).not.toMatch(ANI_ANY_FORM);
      }
    }
    expect(lastCalls(app).byMethod['SpreadsheetApp.Range.getValues'] ?? 0).toBe(0);
    expect(app.api<PrivacyResult>('privacy.find', { query: ANI }).result.data!.total).toBe(24);
    // An editor who is not the owner may.
    app.emu.spreadsheet.editors.push('humas@diskopukm.example');
    expect(app.api('privacy.find', { query: ANI }, 'humas@diskopukm.example').result.ok).toBe(true);
  });
});

/** The next archive run stops right after copying (before verifying), as a crash would. */
function failArchiveVerify(app: LocalApp): () => void {
  // The copy flushes before it records "verify": a failing flush right after it is that crash.
  const proto = Object.getPrototypeOf(app.emu.globals().SpreadsheetApp) as Record<
    string,
    (...a: unknown[]) => unknown
  >;
  const original = proto.flush;
  let armed = true;
  proto.flush = function (this: unknown, ...args: unknown[]) {
    const r = original.apply(this, args);
    const cursor = app.emu.scriptProperties.get(ARCHIVE_CURSOR_KEY) ?? '';
    if (armed && cursor.includes('"phase":"copy"') && cursor.includes('"batch":{')) {
      armed = false;
      throw new Error('injected crash after the copy');
    }
    return r;
  };
  return () => {
    proto.flush = original;
  };
}
