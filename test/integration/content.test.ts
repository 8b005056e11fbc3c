// The content programme (DESIGN §4) on the built bundle in the emulator: the rotation job fills
// Kalender Konten, Bank Topik and Tugas at H-14 of every Sunday; reminders reach each team once a
// working morning; the menu and the sidebar plan on demand and suggest speakers.

import type { LocalApp } from '../../dev/runtime/local-app';
import type { PlanView, SpeakersView } from '../../src/api/types';
import { createApp, OFFICERS } from '../support/app';

const TEAMS = [
  {
    Grup: 'Pelaksana',
    Nama: 'Tim Pelaksana',
    WhatsApp: '',
    Email: 'pelaksana@diskopukm.example',
    Aktif: true,
  },
  { Grup: 'Humas', Nama: 'Tim Humas', WhatsApp: '', Email: 'humas@diskopukm.example', Aktif: true },
  {
    Grup: 'Pubdisdok',
    Nama: 'Tim Pubdisdok',
    WhatsApp: '',
    Email: 'pubdisdok@diskopukm.example',
    Aktif: true,
  },
];

const ROTATION = 'rotasi-konten';
const REMINDER = 'pengingat-tugas';

function wib(text: string): number {
  return Date.parse(`${text}+07:00`);
}

function contentApp(
  now: string,
  topics: Record<string, unknown>[] = [],
  settings: Record<string, string> = {},
): LocalApp {
  const app = createApp({ now: `${now}+07:00`, officers: [...OFFICERS, ...TEAMS] });
  const extra = Object.entries(settings).map(([Kunci, Nilai]) => ({ Kunci, Nilai }));
  if (extra.length) app.appendRows('Pengaturan', extra);
  if (topics.length) app.appendRows('Bank Topik', topics);
  return app;
}

function topic(Topik: string, Tema: 'UKM' | 'Koperasi', Keterangan = ''): Record<string, unknown> {
  return { Topik, Tema, Keterangan, Status: 'Tersedia' };
}

/** Runs tick at a local time; returns the summary of a job, or null when it did not run. */
function tickAt(app: LocalApp, at: string, job: string): string | null {
  app.setNow(`${at}+07:00`);
  const ran = app.tick().result.ran.find((r) => r.job === job);
  if (ran?.error) throw new Error(ran.error);
  return ran ? ran.summary : null;
}

function ymdOf(v: unknown): string {
  const d = v instanceof Date ? v : new Date(String(v));
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function hhmmOf(v: unknown): string {
  const d = v instanceof Date ? v : new Date(String(v));
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
}

function calendar(app: LocalApp) {
  return app.records('Kalender Konten').map((r) => ({
    id: r['ID Konten'],
    date: ymdOf(r['Tanggal Terbit']),
    week: r['Minggu ISO'],
    theme: r['Tema'],
    topic: r['Topik'],
    speaker: r['Narasumber'],
    status: r['Status'],
    note: String(r['Catatan'] ?? ''),
  }));
}

function mailsAbout(app: LocalApp, text: string) {
  return app.emu.mailLog.filter((m) => m.subject.includes(text));
}

function api<T>(app: LocalApp, name: string, req: unknown = {}): T {
  const { result } = app.api<T>(name, req);
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.data as T;
}

describe('topic rotation (tick job)', () => {
  it('plans every Sunday whose H-14 has come: calendar row, topic marked with its week, 16 tasks', () => {
    const app = contentApp('2026-11-23T09:00:00', [
      topic('Rapat Anggota Tahunan', 'Koperasi', 'RAT tepat waktu'),
      topic('Izin usaha lewat OSS', 'UKM'),
      topic('Pembagian SHU', 'Koperasi'),
      topic('Kemasan produk', 'UKM'),
    ]);
    expect(tickAt(app, '2026-11-23T09:01:00', ROTATION)).toContain('2 terbitan baru');

    expect(calendar(app)).toEqual([
      expect.objectContaining({
        id: 'KONTEN-2026-W48',
        date: '2026-11-29',
        week: '2026-W48',
        theme: 'Koperasi',
        topic: 'Rapat Anggota Tahunan',
        status: 'Direncanakan',
      }),
      expect.objectContaining({
        id: 'KONTEN-2026-W49',
        date: '2026-12-06',
        week: '2026-W49',
        theme: 'UKM',
        topic: 'Izin usaha lewat OSS',
        status: 'Direncanakan',
      }),
    ]);
    const bank = app.records('Bank Topik');
    expect(bank.map((r) => [r['Topik'], r['Status'], r['Dipakai Minggu']])).toEqual([
      ['Rapat Anggota Tahunan', 'Dipakai', '2026-W48'],
      ['Izin usaha lewat OSS', 'Dipakai', '2026-W49'],
      ['Pembagian SHU', 'Tersedia', ''],
      ['Kemasan produk', 'Tersedia', ''],
    ]);
    const tasks = app.records('Tugas');
    expect(tasks).toHaveLength(32);
    const w48 = tasks.filter((t) => t['ID Konten'] === 'KONTEN-2026-W48');
    const due = (key: string) => {
      const t = w48.find((x) => x['Kode'] === `KONTEN-2026-W48/${key}`);
      if (!t) throw new Error(`no task ${key}`);
      return {
        day: ymdOf(t['Jatuh Tempo']),
        time: hhmmOf(t['Jatuh Tempo']),
        team: t['Tim'],
        status: t['Status'],
      };
    };
    expect(due('search-topic')).toEqual({
      day: '2026-11-15',
      time: '00:00',
      team: 'Pelaksana',
      status: 'Belum',
    });
    expect(due('contact-speaker')).toMatchObject({ day: '2026-11-15', team: 'Humas' });
    expect(due('narrative')).toMatchObject({ day: '2026-11-17', team: 'Pelaksana' });
    expect(due('design')).toMatchObject({ day: '2026-11-22', team: 'Pubdisdok' });
    expect(due('publish')).toMatchObject({ day: '2026-11-29', time: '09:00', team: 'Pubdisdok' });
    expect(due('live')).toMatchObject({ day: '2026-11-29', time: '13:00' });
    expect(due('monitor-5')).toMatchObject({ day: '2026-12-04' });
    expect(due('evaluation')).toMatchObject({ day: '2026-12-03', team: 'Pelaksana' });
  });

  it('touches no sheet on ticks before the next H-14, then plans exactly one more Sunday', () => {
    const app = contentApp('2026-11-23T09:00:00', [
      topic('A Koperasi', 'Koperasi'),
      topic('B UKM', 'UKM'),
      topic('C Koperasi', 'Koperasi'),
    ]);
    tickAt(app, '2026-11-23T09:01:00', ROTATION);
    // Later the same week: the rotation is not due, and a tick with nothing due reads no sheet.
    expect(tickAt(app, '2026-11-26T15:00:00', ROTATION)).toBeNull();
    app.setNow('2026-11-26T15:20:00+07:00');
    app.emu.evictCache();
    const idle = app.tick();
    expect(idle.result.ran).toEqual([]);
    expect(Object.keys(idle.calls.byMethod).filter((m) => m.startsWith('Spreadsheet'))).toEqual([]);
    // 2026-11-29 00:00 is H-14 of 2026-12-13.
    expect(tickAt(app, '2026-11-28T23:59:00', ROTATION)).toBeNull();
    expect(tickAt(app, '2026-11-29T00:00:00', ROTATION)).toContain('1 terbitan baru');
    expect(calendar(app).map((c) => [c.id, c.theme, c.topic])).toEqual([
      ['KONTEN-2026-W48', 'Koperasi', 'A Koperasi'],
      ['KONTEN-2026-W49', 'UKM', 'B UKM'],
      ['KONTEN-2026-W50', 'Koperasi', 'C Koperasi'],
    ]);
    expect(app.records('Tugas')).toHaveLength(48);
  });

  it('catches up after days without tick, and never writes a publication or a topic twice', () => {
    const app = contentApp('2026-11-23T09:00:00', [
      topic('K1', 'Koperasi'),
      topic('U1', 'UKM'),
      topic('K2', 'Koperasi'),
      topic('U2', 'UKM'),
      topic('K3', 'Koperasi'),
    ]);
    tickAt(app, '2026-11-23T09:01:00', ROTATION);
    // The trigger was off for ten days: the H-14 of 2026-12-13 (29 Nov) passed unnoticed.
    tickAt(app, '2026-12-03T10:00:00', ROTATION);
    // Run again from the menu and the sidebar: idempotent.
    app.exec('menuPlanContent');
    const plan = api<PlanView>(app, 'content.plan');
    expect(plan).toMatchObject({ created: 0, filled: 0, tasksCreated: 0, until: '2026-12-17' });
    expect(plan.message).toContain('sudah lengkap');

    const rows = calendar(app);
    expect(rows.map((c) => [c.id, c.topic])).toEqual([
      ['KONTEN-2026-W48', 'K1'],
      ['KONTEN-2026-W49', 'U1'],
      ['KONTEN-2026-W50', 'K2'],
    ]);
    const tasks = app.records('Tugas');
    expect(tasks).toHaveLength(48);
    expect(new Set(tasks.map((t) => t['Kode'])).size).toBe(48);
    const used = app.records('Bank Topik').filter((r) => r['Status'] === 'Dipakai');
    expect(used.map((r) => r['Topik'])).toEqual(['K1', 'U1', 'K2']);
  });

  it('follows the team’s order of Bank Topik, also after they reorder it', () => {
    const app = contentApp('2026-11-23T09:00:00', [
      topic('Koperasi digital', 'Koperasi'),
      topic('UKM naik kelas', 'UKM'),
      topic('Modal ventura', 'UKM'),
    ]);
    tickAt(app, '2026-11-23T09:01:00', ROTATION);
    expect(calendar(app).map((c) => c.topic)).toEqual(['Koperasi digital', 'UKM naik kelas']);
    // The team adds two topics, then moves the second one to the top of the sheet.
    app.appendRows('Bank Topik', [topic('Koperasi syariah', 'Koperasi')]);
    const sheet = app.emu.spreadsheet.getSheetByName('Bank Topik')!;
    sheet.insertRowsAfter(1, 1);
    ['Koperasi wisata', 'Koperasi', '', 'Tersedia'].forEach((v, i) => sheet.writeInput(2, i + 1, v));
    tickAt(app, '2026-11-29T00:01:00', ROTATION);
    expect(calendar(app)[2]).toMatchObject({ id: 'KONTEN-2026-W50', topic: 'Koperasi wisata' });
  });

  it('says so in the row and tells Humas and Pelaksana once when the bank has no topic of the theme', () => {
    // A short bank: one UKM topic, no Koperasi topic.
    const app = contentApp('2026-11-23T09:00:00', [topic('Sertifikasi halal', 'UKM')]);
    tickAt(app, '2026-11-23T09:01:00', ROTATION);
    const [w48, w49] = calendar(app);
    expect(w48).toMatchObject({ id: 'KONTEN-2026-W48', theme: 'Koperasi', topic: '', status: 'Topik habis' });
    expect(w48.note).toContain('Bank Topik bertema Koperasi habis');
    expect(w49).toMatchObject({ theme: 'UKM', topic: 'Sertifikasi halal', status: 'Direncanakan' });
    const told = mailsAbout(app, 'Bank Topik');
    expect(told).toHaveLength(1);
    expect(told[0].to.split(',').sort()).toEqual(['humas@diskopukm.example', 'pelaksana@diskopukm.example']);
    expect(told[0].body).toContain('29 November 2026');
    // Tasks exist anyway: the search for a topic is itself the first task.
    expect(app.records('Tugas').filter((t) => t['ID Konten'] === 'KONTEN-2026-W48')).toHaveLength(16);

    // The next day the bank is still empty: no second email.
    tickAt(app, '2026-11-24T00:01:00', ROTATION);
    expect(mailsAbout(app, 'Bank Topik')).toHaveLength(1);
    // The team adds a topic: the next morning's run fills the waiting row.
    app.appendRows('Bank Topik', [topic('Koperasi simpan pinjam', 'Koperasi')]);
    expect(tickAt(app, '2026-11-25T00:01:00', ROTATION)).toContain('1 diisi');
    expect(calendar(app)[0]).toMatchObject({
      topic: 'Koperasi simpan pinjam',
      status: 'Direncanakan',
      note: '',
    });
    expect(mailsAbout(app, 'Bank Topik')).toHaveLength(1);
    expect(app.records('Tugas')).toHaveLength(32);
  });

  it('with an empty bank every row waits for a topic', () => {
    const app = contentApp('2026-11-23T09:00:00');
    tickAt(app, '2026-11-23T09:01:00', ROTATION);
    expect(calendar(app).map((c) => c.status)).toEqual(['Topik habis', 'Topik habis']);
    const told = mailsAbout(app, 'Bank Topik');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('Koperasi');
    expect(told[0].body).toContain('UKM');
  });
});

describe('themes across year boundaries', () => {
  const bank = [
    topic('U1', 'UKM'),
    topic('U2', 'UKM'),
    topic('U3', 'UKM'),
    topic('K1', 'Koperasi'),
    topic('K2', 'Koperasi'),
    topic('K3', 'Koperasi'),
  ];

  it('2026→2027 under the ISO rule: W53 and W01 are both UKM and the W01 row says why', () => {
    const app = contentApp('2026-12-14T09:00:00', bank);
    for (const day of ['2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04'])
      tickAt(app, `${day}T09:00:00`, ROTATION);
    const rows = calendar(app);
    expect(rows.map((c) => [c.id, c.date, c.theme])).toEqual([
      ['KONTEN-2026-W51', '2026-12-20', 'UKM'],
      ['KONTEN-2026-W52', '2026-12-27', 'Koperasi'],
      ['KONTEN-2026-W53', '2027-01-03', 'UKM'],
      ['KONTEN-2027-W01', '2027-01-10', 'UKM'],
      ['KONTEN-2027-W02', '2027-01-17', 'Koperasi'],
    ]);
    expect(rows[3].note).toContain('2026-W53');
    expect(rows[3].note).toContain('53 minggu');
    expect(rows.filter((c) => c.note.includes('53 minggu'))).toHaveLength(1);
    expect(rows.map((c) => c.topic)).toEqual(['U1', 'K1', 'U2', 'U3', 'K2']);
  });

  it('2026→2027 under selang-seling: strict alternation, no note', () => {
    const app = contentApp('2026-12-14T09:00:00', bank, { 'Aturan Tema': 'selang-seling' });
    for (const day of ['2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04'])
      tickAt(app, `${day}T09:00:00`, ROTATION);
    const rows = calendar(app);
    expect(rows.map((c) => c.theme)).toEqual(['UKM', 'Koperasi', 'UKM', 'Koperasi', 'UKM']);
    expect(rows.every((c) => !c.note.includes('53 minggu'))).toBe(true);
  });

  it('2027→2028 (a normal year boundary): alternates, no note', () => {
    const app = contentApp('2027-12-13T09:00:00', bank);
    for (const day of ['2027-12-13', '2027-12-20', '2027-12-27']) tickAt(app, `${day}T09:00:00`, ROTATION);
    const rows = calendar(app);
    expect(rows.map((c) => [c.id, c.theme])).toEqual([
      ['KONTEN-2027-W50', 'Koperasi'],
      ['KONTEN-2027-W51', 'UKM'],
      ['KONTEN-2027-W52', 'Koperasi'],
      ['KONTEN-2028-W01', 'UKM'],
    ]);
    expect(rows.every((c) => c.note === '')).toBe(true);
  });
});

describe('a whole quarter of ticks', () => {
  it('plans 13 Sundays of Q1 2027 with every task due as the SOP says, one row each', () => {
    const bank: Record<string, unknown>[] = [];
    for (let i = 1; i <= 8; i++) bank.push(topic(`UKM ${i}`, 'UKM'), topic(`Koperasi ${i}`, 'Koperasi'));
    const app = contentApp('2026-12-17T00:00:00', bank);
    // Daily ticks from 17 Dec 2026 (H-14 of 3 Jan) to 17 Mar 2027 (H-14 of 28 Mar).
    for (let t = wib('2026-12-17T00:30:00'); t <= wib('2027-03-17T00:30:00'); t += 86_400_000) {
      app.setNow(t);
      const ran = app.tick().result.ran.find((r) => r.job === ROTATION);
      if (ran?.error) throw new Error(ran.error);
    }
    const rows = calendar(app).filter((c) => c.date >= '2027-01-01' && c.date <= '2027-03-31');
    expect(rows).toHaveLength(13);
    expect(new Set(calendar(app).map((c) => c.id)).size).toBe(calendar(app).length);
    const tasks = app.records('Tugas');
    for (const row of rows) {
      const mine = tasks.filter((t) => t['ID Konten'] === row.id);
      expect(mine).toHaveLength(16);
      const offset = (key: string): number => {
        const t = mine.find((x) => x['Kode'] === `${row.id}/${key}`)!;
        return Math.round((Date.parse(ymdOf(t['Jatuh Tempo'])) - Date.parse(row.date)) / 86_400_000);
      };
      expect([
        offset('search-topic'),
        offset('contact-speaker'),
        offset('narrative'),
        offset('design'),
      ]).toEqual([-14, -14, -12, -7]);
      expect([offset('check'), offset('publish'), offset('qna'), offset('live')]).toEqual([0, 0, 0, 0]);
      expect([1, 2, 3, 4, 5].map((d) => offset(`monitor-${d}`))).toEqual([1, 2, 3, 4, 5]);
      expect([offset('feedback'), offset('evaluation'), offset('record-evaluation')]).toEqual([3, 4, 4]);
    }
    // 3 Jan is 2026-W53 and 10 Jan 2027-W01: both UKM, then strict alternation.
    expect(rows.map((c) => c.theme)).toEqual([
      'UKM',
      'UKM',
      'Koperasi',
      'UKM',
      'Koperasi',
      'UKM',
      'Koperasi',
      'UKM',
      'Koperasi',
      'UKM',
      'Koperasi',
      'UKM',
      'Koperasi',
    ]);
    const topics = calendar(app).map((c) => c.topic);
    expect(new Set(topics).size).toBe(topics.length);
  });
});

describe('speakers', () => {
  it('names a speaker of the theme on the row and suggests others not featured recently', () => {
    const app = contentApp('2026-11-23T09:00:00', [topic('RAT', 'Koperasi'), topic('OSS', 'UKM')]);
    app.appendRows('Narasumber', [
      {
        Nama: 'Bu Ani',
        Organisasi: 'KSP Sejahtera',
        Jenis: 'Koperasi',
        Jabatan: 'Ketua',
        'Terakhir Tampil': new Date(wib('2026-10-04T00:00:00')),
      },
      { Nama: 'Pak Budi', Organisasi: 'Keripik Budi', Jenis: 'UKM', Jabatan: 'Pemilik' },
      { Nama: 'Pak Cecep', Organisasi: 'Kopwan Melati', Jenis: 'Koperasi', Jabatan: 'Bendahara' },
      {
        Nama: 'Bu Dewi',
        Organisasi: 'KUD Maju',
        Jenis: 'Koperasi',
        Jabatan: 'Anggota',
        'Status Kontak': 'Menolak',
      },
    ]);
    tickAt(app, '2026-11-23T09:01:00', ROTATION);
    expect(calendar(app).map((c) => c.speaker)).toEqual([
      'Pak Cecep (Kopwan Melati)',
      'Pak Budi (Keripik Budi)',
    ]);

    const view = api<SpeakersView>(app, 'content.speakers', { contentId: 'KONTEN-2026-W48' });
    expect(view).toMatchObject({ contentId: 'KONTEN-2026-W48', date: '2026-11-29', theme: 'Koperasi' });
    expect(view.current).toBe('Pak Cecep (Kopwan Melati)');
    // Bu Ani appeared on 4 October (< 90 days), Bu Dewi declined.
    expect(view.suggestions.map((s) => s.name)).toEqual(['Pak Cecep']);
    const later = api<SpeakersView>(app, 'content.speakers', { date: '2027-01-25' });
    expect(later).toMatchObject({ contentId: 'KONTEN-2027-W04', date: '2027-01-31', theme: 'Koperasi' });
    expect(later.suggestions.map((s) => s.name)).toEqual(['Bu Ani']);
  });
});

describe('morning task reminders', () => {
  function plannedApp(): LocalApp {
    const app = contentApp('2026-11-23T09:00:00', [topic('RAT', 'Koperasi'), topic('OSS', 'UKM')]);
    tickAt(app, '2026-11-23T09:01:00', ROTATION);
    return app;
  }

  it('sends each team one email at 07:00 listing its overdue and due tasks, not twice the same day', () => {
    const app = plannedApp();
    expect(tickAt(app, '2026-11-24T06:59:00', REMINDER)).toBeNull();
    expect(tickAt(app, '2026-11-24T07:00:00', REMINDER)).toContain('3 email');
    const mails = mailsAbout(app, 'Selasa, 24/11/2026');
    expect(mails.map((m) => m.to).sort()).toEqual([
      'humas@diskopukm.example',
      'pelaksana@diskopukm.example',
      'pubdisdok@diskopukm.example',
    ]);
    const pelaksana = mails.find((m) => m.to === 'pelaksana@diskopukm.example')!;
    expect(pelaksana.subject).toBe('[HALO KOP-UKM] Tugas Tim Pelaksana – Selasa, 24/11/2026');
    expect(pelaksana.body).toContain('TERLAMBAT (jatuh tempo Minggu, 15/11/2026)');
    expect(pelaksana.body).toContain(
      'Mencari topik konten mingguan (tema Koperasi) – konten KONTEN-2026-W48',
    );
    expect(pelaksana.body).toContain('Menyusun narasi singkat');
    expect(pelaksana.body).toContain('konten KONTEN-2026-W49, jatuh tempo Selasa, 24/11/2026');
    expect(pelaksana.body).not.toContain('Evaluasi');
    // Later that morning: nothing more.
    tickAt(app, '2026-11-24T09:00:00', REMINDER);
    tickAt(app, '2026-11-24T16:00:00', REMINDER);
    expect(mailsAbout(app, 'Selasa, 24/11/2026')).toHaveLength(3);
  });

  it('on Friday also lists what falls due over the weekend, and skips Saturday, Sunday and holidays', () => {
    const app = plannedApp();
    app.appendRows('Hari Libur', [{ Tanggal: new Date(wib('2026-11-30T00:00:00')), Keterangan: 'Libur' }]);
    tickAt(app, '2026-11-27T07:05:00', REMINDER);
    const friday = mailsAbout(app, 'Jumat, 27/11/2026');
    const pubdisdok = friday.find((m) => m.to === 'pubdisdok@diskopukm.example')!;
    expect(pubdisdok.body).toContain(
      'Mempublikasikan konten di media sosial Diskopukm (09.00–09.30) – konten KONTEN-2026-W48, jatuh tempo Minggu, 29/11/2026 09:00',
    );
    const before = mailsAbout(app, 'Tugas Tim').length;
    tickAt(app, '2026-11-28T07:05:00', REMINDER);
    tickAt(app, '2026-11-29T07:05:00', REMINDER);
    tickAt(app, '2026-11-30T07:05:00', REMINDER);
    expect(mailsAbout(app, 'Tugas Tim')).toHaveLength(before);
    tickAt(app, '2026-12-01T07:05:00', REMINDER);
    expect(mailsAbout(app, 'Selasa, 01/12/2026')).toHaveLength(3);
  });

  it('sends nothing when every task due is done and the rest fall due later', () => {
    const planned = plannedApp();
    const sheet = planned.emu.spreadsheet.getSheetByName('Tugas')!;
    const statusCol = (planned.sheet('Tugas').headers as string[]).indexOf('Status') + 1;
    for (let r = 2; r <= sheet.lastRow(); r++) sheet.writeInput(r, statusCol, 'Selesai');
    tickAt(planned, '2026-11-24T07:00:00', REMINDER);
    expect(mailsAbout(planned, 'Selasa, 24/11/2026')).toHaveLength(0);
  });
});
