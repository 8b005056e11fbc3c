// Complaints followed to their resolution (issue 14): a case opened at the chat's end, updated
// from an officer's phone and from the sidebar, the citizen told and able to ask its status, the
// morning reminders, and the week's figures.
import type { LocalApp } from '../../dev/runtime/local-app';
import { cloudStatus } from '../../dev/runtime/whatsapp';
import { Citizen, createApp, KEY, postJson } from '../support/app';

const FRIDAY = '2026-11-20T09:00:00+07:00';
const RINA = '6281111111104'; // Pengaduan UKM
const DEDI = '6281111111103'; // Pengaduan Koperasi

function settings(app: LocalApp, values: Record<string, string>): void {
  app.appendRows(
    'Pengaturan',
    Object.entries(values).map(([Kunci, Nilai]) => ({ Kunci, Nilai })),
  );
}

const sesi = (app: LocalApp, id: string) => app.records('Sesi').find((r) => r.ID === id)!;
const followUps = (app: LocalApp) => app.records('Tindak Lanjut');
const ymd = (d: unknown) => {
  const t = (d as Date).getTime() + 7 * 3600_000;
  return new Date(t).toISOString().slice(0, 10);
};

/** A complaint (Pengaduan UKM, topic Modal) from menu to the end of its chat; returns its id. */
function fileComplaint(_app: LocalApp, citizen: Citizen): string {
  const id = citizen.connect('2', '2', '1');
  citizen.say('SHU kami tidak dibayar dua tahun');
  lastEnded = citizen
    .say('selesai')
    .map((r) => r.text)
    .join('\n');
  return id;
}
let lastEnded = '';

describe('a case from a complaint', () => {
  it('a Friday complaint before a holiday: deadline, two updates by phone, STATUS, rating', () => {
    const app = createApp({ now: FRIDAY });
    app.appendRows('Hari Libur', [{ Tanggal: '2026-11-23', Keterangan: 'Cuti bersama' }]);
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    const id = fileComplaint(app, ani);
    const ended = lastEnded;
    const row = sesi(app, id);
    // Normatif (default): 5 working days after Friday 20 Nov, Monday 23 Nov a holiday → Mon 30 Nov.
    expect(row['Status Kasus']).toBe('Diterima');
    expect(row['Kategori Kasus']).toBe('Normatif');
    expect(ymd(row['Batas Kasus'])).toBe('2026-11-30');
    expect(ended).toContain(id);
    expect(ended).toContain('30 November 2026');
    ani.say('4'); // the chat's rating
    rina.replies();

    // Friday afternoon, inside the citizen's 24-hour window: the update goes as text.
    app.setNow('2026-11-20T15:00:00+07:00');
    const [ack1] = rina.say(`/kasus ${id} proses Sedang kami konfirmasi ke pengurus koperasi`);
    expect(ack1.text).toContain('Diproses');
    const [update1] = ani.replies();
    expect(update1.text).toContain('Diproses');
    expect(update1.text).toContain('Sedang kami konfirmasi ke pengurus koperasi');

    // Wednesday: the citizen asks (which opens the window again), the officer resolves it.
    app.setNow('2026-11-25T09:00:00+07:00');
    const [status] = ani.say(`STATUS ${id}`);
    expect(status.text).toContain('Diproses');
    expect(status.text).toContain('Sedang kami konfirmasi');
    expect(status.text).toContain('30 November 2026');

    app.setNow('2026-11-26T08:00:00+07:00');
    const [ack2] = rina.say(`/kasus ${id} selesai SHU dibayar melalui RAT luar biasa`);
    expect(ack2.text).toContain('Selesai');
    const [update2] = ani.replies();
    expect(update2.text).toContain('Selesai');
    expect(update2.text).toContain('SHU dibayar');
    expect(update2.text).toContain(`NILAI ${id}`);
    const [thanks] = ani.say(`NILAI ${id} 4`);
    expect(thanks.text).toContain('Sangat membantu');

    const done = sesi(app, id);
    expect(done['Status Kasus']).toBe('Selesai');
    expect(done['Kasus Selesai']).toBeInstanceOf(Date);
    expect(done['Penilaian Kasus']).toBe(4);
    expect(done['Penilaian']).toBe(4);
    const rows = followUps(app);
    expect(rows.map((r) => r.Status)).toEqual(['Diproses', 'Selesai']);
    expect(rows.every((r) => r['Dikirim ke Warga'] === 'terkirim')).toBe(true);
    expect(rows[0].Petugas).toBe('Rina Aduan');
    // A resolved case cannot be rejected afterwards.
    expect(rina.say(`/kasus ${id} tolak bukan wewenang`)[0].text).toContain('sudah Selesai');
  });

  it('STATUS answers own cases only: a foreign ID reads like an unknown one', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const budi = new Citizen(app, '6281234500000', 'Budi');
    const id = fileComplaint(app, ani);
    ani.replies();
    const own = ani.say(`cek ${id}`)[0].text;
    expect(own).toContain('Diterima');
    const foreign = budi.say(`STATUS ${id}`)[0].text;
    const unknown = budi.say('STATUS HK-2611-9999')[0].text;
    expect(foreign).not.toContain('Diterima');
    expect(foreign.replace(id, 'X')).toBe(unknown.replace('HK-2611-9999', 'X'));
  });

  it('phone commands: other groups, unknown cases, bad usage, category', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    const dedi = new Citizen(app, DEDI, 'Dedi Aduan');
    const id = fileComplaint(app, ani);
    rina.replies();
    dedi.replies();
    expect(dedi.say(`/kasus ${id} proses coba`)[0].text).toContain('bukan milik grup Anda');
    expect(rina.say('/kasus HK-2611-9999 proses x')[0].text).toContain('tidak ditemukan');
    expect(rina.say('/kasus proses')[0].text).toContain('/kasus <ID> proses');
    expect(rina.say(`/kasus ${id} selesai`)[0].text).toContain('jawaban untuk warga');
    const [cat] = rina.say(`/kasus ${id} kategori ringan`);
    expect(cat.text).toContain('Ringan');
    expect(sesi(app, id)['Kategori Kasus']).toBe('Ringan');
    expect(ymd(sesi(app, id)['Batas Kasus'])).toBe('2026-11-25');
    expect(ani.replies()).toHaveLength(0); // a category change is not sent to the citizen
    expect(followUps(app)).toHaveLength(1);
    expect(sesi(app, id)['Status Kasus']).toBe('Diterima');
  });

  it('hostile text in a /kasus note is stored and sent as text', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    const id = fileComplaint(app, ani);
    ani.replies();
    const hostile = '=HYPERLINK("http://x.example","klik") <img src=x onerror=alert(1)>';
    rina.say(`/kasus ${id} proses ${hostile}`);
    expect(followUps(app)[0].Catatan).toBe(hostile);
    expect(ani.replies()[0].text).toContain(hostile);
  });

  it('outside the 24-hour window: the template; a refusal (131047) is recorded on the row', () => {
    const app = createApp();
    settings(app, { 'Nama Template Kasus': 'kabar_kasus' });
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    const id = fileComplaint(app, ani);
    ani.replies();
    app.setNow('2026-11-26T10:00:00+07:00');
    rina.say(`/kasus ${id} proses Berkas\nsedang diperiksa`);
    const [sent] = ani.replies();
    expect(sent.type).toBe('template');
    expect(followUps(app)[0]['Dikirim ke Warga']).toBe('terkirim (template)');
    const status = cloudStatus(sent.messageId, 'failed', ani.address, app.now(), [
      { code: 131047, title: 'Re-engagement message' },
    ]);
    postJson(app, status, KEY);
    expect(String(followUps(app)[0]['Dikirim ke Warga'])).toContain('131047');
  });

  it('outside the window without a template: nothing is sent, and the row says why', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    const id = fileComplaint(app, ani);
    ani.replies();
    app.setNow('2026-11-26T10:00:00+07:00');
    rina.replies();
    const [ack] = rina.say(`/kasus ${id} proses Berkas sedang diperiksa`);
    expect(ani.replies()).toHaveLength(0);
    expect(String(followUps(app)[0]['Dikirim ke Warga'])).toContain('jendela 24 jam');
    expect(ack.text).toContain('jendela 24 jam');
  });

  it('a Konsultasi marked "perlu tindak lanjut" becomes a case when its chat ends', () => {
    const app = createApp();
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const budi = new Citizen(app, '6281111111101', 'Budi Koperasi');
    const id = ani.connect('1', '1', '2');
    budi.replies();
    expect(budi.say(`/kasus ${id} tindak lanjut`)[0].text).toContain('perlu tindak lanjut');
    ani.say('selesai');
    expect(sesi(app, id)['Status Kasus']).toBe('Diterima');
    // A Konsultasi not marked is no case.
    const cici = new Citizen(app, '6281234511111', 'Cici');
    const other = cici.connect('1', '1', '2');
    cici.say('selesai');
    expect(sesi(app, other)['Status Kasus']).toBe('');
  });
});

function api<T>(app: LocalApp, name: string, req: unknown = {}, user?: string): T {
  const { result } = app.api<T>(name, req, user);
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.data as T;
}

interface CasesView {
  cases: { sessionId: string; daysLeft: number; status: string; category: string; lastNote: string }[];
  groups: string[];
}

describe('the sidebar Kasus tab (api)', () => {
  it('lists the open cases of the officer’s groups, overdue first; updates like /kasus', () => {
    const app = createApp({ now: '2026-11-13T09:00:00+07:00' }); // Friday
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const old = fileComplaint(app, ani); // Pengaduan UKM, due Fri 20 Nov
    ani.say('4');
    app.setNow('2026-11-23T09:00:00+07:00');
    const budi = new Citizen(app, '6281234500000', 'Budi');
    const fresh = fileComplaint(app, budi);
    const cici = new Citizen(app, '6281234511111', 'Cici');
    cici.connect('2', '1', '2'); // Pengaduan Koperasi: not Rina's
    cici.say('selesai');
    app.setNow('2026-11-23T15:00:00+07:00');
    const rina = 'rina@diskopukm.example';
    app.emu.spreadsheet.editors.push(rina);
    const view = api<CasesView>(app, 'cases.list', {}, rina);
    expect(view.groups).toEqual(['Pengaduan UKM']);
    expect(view.cases.map((c) => [c.sessionId, c.daysLeft])).toEqual([
      [old, -1],
      [fresh, 5],
    ]);
    // An editor in no group sees every group's cases.
    expect(api<CasesView>(app, 'cases.list').cases).toHaveLength(3);
    const res = api<{ ok: boolean; message: string }>(
      app,
      'cases.update',
      { sessionId: fresh, action: 'proses', text: 'Kami hubungi <b>koperasinya</b>', toCitizen: true },
      rina,
    );
    expect(res.ok).toBe(true);
    expect(budi.replies().pop()!.text).toContain('Kami hubungi <b>koperasinya</b>');
    const refused = api<{ ok: boolean; message: string }>(
      app,
      'cases.update',
      { sessionId: old, action: 'selesai', text: '', toCitizen: true },
      rina,
    );
    expect(refused.ok).toBe(false);
    const internal = api<{ ok: boolean }>(
      app,
      'cases.update',
      { sessionId: old, action: 'tolak', text: 'Bukan wewenang dinas', toCitizen: false },
      rina,
    );
    expect(internal.ok).toBe(true);
    expect(ani.replies()).toHaveLength(0);
    expect(followUps(app).find((r) => r['ID Sesi'] === old)!['Dikirim ke Warga']).toBe('tidak dikirim');
    const after = api<CasesView>(app, 'cases.list', {}, rina);
    expect(after.cases.map((c) => c.sessionId)).toEqual([fresh]);
    expect(after.cases[0].lastNote).toBe('Kami hubungi <b>koperasinya</b>');
    // Rejected: no resolving it afterwards.
    const again = api<{ ok: boolean; message: string }>(
      app,
      'cases.update',
      { sessionId: old, action: 'selesai', text: 'x', toCitizen: true },
      rina,
    );
    expect(again).toMatchObject({ ok: false });
    expect(again.message).toContain('Ditolak');
  });
});

describe('morning reminders', () => {
  it('emails each group its cases due within one working day and overdue; escalates once', () => {
    const app = createApp({ now: '2026-11-02T09:00:00+07:00' }); // Monday
    settings(app, { 'Notifikasi Petugas': 'whatsapp+email' });
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const late = fileComplaint(app, ani); // Normatif: due Mon 9 Nov
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    app.setNow('2026-11-13T09:00:00+07:00'); // Friday
    const budi = new Citizen(app, '6281234500000', 'Budi');
    const soon = fileComplaint(app, budi);
    rina.say(`/kasus ${soon} kategori ringan`); // due Tue 17 Nov
    rina.replies();
    const mails = () => app.emu.mailLog.filter((m) => /Kasus Pengaduan UKM/.test(m.subject));
    // Monday 16 Nov 07:00: `late` is 5 working days overdue (= its duration): escalated.
    app.setNow('2026-11-16T07:00:00+07:00');
    app.tick();
    const [mail] = mails();
    expect(mail.to).toContain('rina@diskopukm.example');
    expect(mail.subject).toContain('1 jatuh tempo, 1 terlambat');
    expect(mail.body).toContain(`${late} (UKM, Normatif)`);
    expect(mail.body).toContain('terlambat 5 hari kerja');
    expect(mail.body).toContain('sisa 1 hari kerja');
    expect(
      rina
        .replies()
        .map((r) => r.text)
        .join('\n'),
    ).toContain(soon);
    const escalations = app.emu.mailLog.filter((m) => /Eskalasi kasus/.test(m.subject));
    expect(escalations).toHaveLength(1);
    expect(escalations[0].to).toContain('lapor@diskopukm.example');
    expect(escalations[0].subject).toContain(late);
    // Not twice the same day; the next morning again, but no second escalation.
    app.advanceMinutes(90);
    app.tick();
    expect(mails()).toHaveLength(1);
    app.setNow('2026-11-17T07:00:00+07:00');
    app.tick();
    expect(mails()).toHaveLength(2);
    expect(app.emu.mailLog.filter((m) => /Eskalasi kasus/.test(m.subject))).toHaveLength(1);
  });
});

describe('escalation marks', () => {
  it('many cases escalated once each, recorded in Sesi, no per-case Script Property', () => {
    const app = createApp({ now: '2026-11-02T09:00:00+07:00' }); // Monday
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const citizen = new Citizen(app, `62812345${String(10000 + i)}`, `Warga ${i}`);
      ids.push(fileComplaint(app, citizen)); // Normatif: due Mon 9 Nov, escalated Mon 16 Nov
    }
    // A mark left by an earlier version: moved to Sesi, removed, not escalated again.
    app.emu.scriptProperties.set(`case:esc:${ids[0]}`, '2026-11-13');
    const escalations = () => app.emu.mailLog.filter((m) => /Eskalasi kasus/.test(m.subject));
    app.setNow('2026-11-16T07:00:00+07:00');
    app.tick();
    expect(escalations()).toHaveLength(11);
    expect(escalations().some((m) => m.subject.includes(ids[0]))).toBe(false);
    for (const day of ['2026-11-17', '2026-11-18', '2026-11-19']) {
      app.setNow(`${day}T07:00:00+07:00`);
      app.tick();
    }
    expect(escalations()).toHaveLength(11);
    expect(new Set(escalations().map((m) => m.subject)).size).toBe(11);
    expect([...app.emu.scriptProperties.keys()].filter((k) => k.startsWith('case:'))).toEqual([
      'case:reminder:lastDay',
    ]);
    for (const id of ids) expect(sesi(app, id)['Kasus Dieskalasi']).toBeInstanceOf(Date);
    const marks = followUps(app).filter((r) => String(r.Catatan).startsWith('Dieskalasi'));
    expect(marks.map((r) => r['ID Sesi']).sort()).toEqual(ids.slice(1).sort());
  });
});

describe('results in the weekly report', () => {
  it('counts opened, resolved, on time, median days, open and overdue for a hand-built week', () => {
    // Week 2026-W48 (Mon 23 – Sun 29 Nov), Monday 23 Nov a holiday.
    const app = createApp({ now: '2026-11-20T09:00:00+07:00' });
    app.appendRows('Hari Libur', [{ Tanggal: '2026-11-23', Keterangan: 'Cuti bersama' }]);
    const rina = new Citizen(app, RINA, 'Rina Aduan');
    // The done-when case: filed Friday before the holiday (due Mon 30 Nov), updated twice, resolved Thu.
    const ani = new Citizen(app, '6281234567890', 'Ani');
    const friday = fileComplaint(app, ani);
    app.setNow('2026-11-24T09:00:00+07:00');
    const budi = new Citizen(app, '6281234500000', 'Budi');
    const light = fileComplaint(app, budi); // made Ringan: due Thu 26 Nov, resolved Fri 27: late
    rina.say(`/kasus ${light} kategori ringan`);
    const cici = new Citizen(app, '6281234511111', 'Cici');
    const open = fileComplaint(app, cici); // open at the week's end, due Tue 1 Dec
    app.setNow('2026-11-25T10:00:00+07:00');
    rina.say(`/kasus ${friday} proses Sedang diperiksa`);
    app.setNow('2026-11-26T10:00:00+07:00');
    rina.say(`/kasus ${friday} selesai SHU dibayar`);
    ani.say(`NILAI ${friday} 4`);
    app.setNow('2026-11-27T10:00:00+07:00');
    rina.say(`/kasus ${light} selesai Sudah dijelaskan`);
    budi.say(`NILAI ${light} 1`);
    // The chat's own rating is not a case rating.
    cici.say('3');
    expect(open).toMatch(/HK-/);
    app.setNow('2026-11-30T09:00:00+07:00');
    const run = app.api<{ week: string }>('report.run', { week: '2026-W48' }).result;
    expect(run.ok).toBe(true);
    const row = app.records('Rekap Mingguan').find((r) => r.Minggu === '2026-W48')!;
    expect(row).toMatchObject({
      'Kasus Dibuka': 2,
      'Kasus Diselesaikan': 2,
      'Kasus Tepat Waktu (%)': 50,
      'Kasus Terbuka': 1,
      'Kasus Terlambat': 0,
      'Penilaian Kasus': 2,
      'Rata-rata Penilaian Kasus': 2.5,
      'Penilaian Kasus 1': 1,
      'Penilaian Kasus 2': 0,
      'Penilaian Kasus 3': 0,
      'Penilaian Kasus 4': 1,
    });
    // Friday → Thursday: Tue, Wed, Thu = 3; Tuesday → Friday: Wed, Thu, Fri = 3.
    expect(row['Median Hari Kerja Penyelesaian']).toBe(3);
    const mail = app.emu.mailLog.find((m) => m.subject.includes('2026-W48'))!;
    expect(mail.body).toContain('Kasus pengaduan: 2 dibuka, 2 diselesaikan (50 % tepat waktu');
    expect(mail.body).toContain('UKM 2/2/1/0');
    expect(mail.body).not.toContain('• •');
    expect(mail.body).toContain(
      'Penilaian kasus (terpisah dari penilaian obrolan): 2 penilaian, rata-rata 2,5 (',
    );
    expect(mail.body).toContain('1: 1, 2: 0, 3: 0, 4: 1');

    // The report sheet's case table, read cell by cell.
    const rows = app.sheet('Laporan 2026-W48').rows;
    const at = (label: string, from = 0): unknown[] => {
      const i = rows.findIndex((r, n) => n >= from && r[0] === label);
      expect(i).toBeGreaterThanOrEqual(from);
      return rows[i].slice(0, 5);
    };
    const top = rows.findIndex((r) => r[0] === 'Kasus pengaduan (tindak lanjut)');
    expect(top).toBeGreaterThan(0);
    expect(at('Kasus dibuka', top)[1]).toBe(2);
    expect(at('Kasus diselesaikan', top)[1]).toBe(2);
    expect(at('Diselesaikan tepat waktu', top)[1]).toBe(1);
    expect(at('Tepat waktu (%)', top)[1]).toBe(50);
    expect(at('Median hari kerja penyelesaian', top)[1]).toBe(3);
    expect(at('Masih terbuka di akhir minggu', top)[1]).toBe(1);
    expect(at('Terlambat di akhir minggu', top)[1]).toBe(0);
    expect(at('Bidang', top)).toEqual(['Bidang', 'Dibuka', 'Diselesaikan', 'Terbuka', 'Terlambat']);
    expect(at('UKM', top)).toEqual(['UKM', 2, 2, 1, 0]);
    const cat = rows.findIndex((r, n) => n > top && r[0] === 'Kategori');
    expect(rows[cat + 1].slice(0, 5)).toEqual(['Normatif', 1, 1, 1, 0]);
    expect(rows[cat + 2].slice(0, 5)).toEqual(['Ringan', 1, 1, 0, 0]);
    const rated = rows.findIndex((r, n) => n > top && r[0] === 'Penilaian kasus');
    expect(rows.slice(rated + 1, rated + 5).map((r) => r[1])).toEqual([1, 0, 0, 1]);
    expect(at('Kasus yang dinilai', top)[1]).toBe(2);
    expect(at('Rata-rata penilaian kasus (1–4)', top)[1]).toBe(2.5);
  });
});
