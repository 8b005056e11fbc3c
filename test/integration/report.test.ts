// The weekly report (DESIGN §5) on the built bundle in the emulator: the Monday job, the report
// sheet and its charts, the Rekap Mingguan row, the email to Pelaporan, re-runs, catch-up, the menu.

import type { SpreadsheetModel } from '../../dev/emulator/index';
import { DriveFilesFacade } from '../../dev/emulator/services/advanced-drive';
import { MailAppFacade } from '../../dev/emulator/services/net';
import { SpreadsheetAppService, SpreadsheetFacade } from '../../dev/emulator/services/spreadsheet';
import { LocalApp } from '../../dev/runtime/local-app';
import { REPORT_JOB, REPORT_LAST_WEEK_KEY } from '../../src/app/report/job';
import { jobKey } from '../../src/app/scheduler/job';
import { Citizen, createApp, OFFICERS, requireBuild } from '../support/app';

const WEEK = '2026-W47';
const SHEET = `Laporan ${WEEK}`;
const PHONES = ['6281234500001', '6281234500002', '6281234500003', '081299990000', '6281299990000'];

const wib = (text: string): number => Date.parse(`${text}:00+07:00`);

/** Runs `tick`; returns the summary of the report job, or null when it did not run. */
function tickReport(app: LocalApp, at: string): string | null {
  app.setNow(`${at}:00+07:00`);
  const ran = app.tick().result.ran.find((r) => r.job === 'laporan-mingguan');
  if (ran?.error) throw new Error(ran.error);
  return ran ? ran.summary : null;
}

function reportMails(app: LocalApp) {
  return app.emu.mailLog.filter((m) => m.subject.includes('Laporan Mingguan'));
}

function sheetText(app: LocalApp, name: string): string {
  const { headers, rows } = app.sheet(name);
  return [headers, ...rows].map((r) => r.map((v) => String(v)).join('\t')).join('\n');
}

/** Column of the report sheet after a label in column A. */
function valueAfter(app: LocalApp, name: string, label: string): unknown {
  const { headers, rows } = app.sheet(name);
  const row = [headers, ...rows].find((r) => r[0] === label);
  if (!row) throw new Error(`no row "${label}" in ${name}`);
  return row[1];
}

function recapRows(app: LocalApp, week = WEEK) {
  return app.records('Rekap Mingguan').filter((r) => r['Minggu'] === week);
}

/**
 * Week 2026-W47 (16–22 November): a consultation answered and rated 4, a complaint on Saturday
 * night and one at Sunday 23:50 (both out of hours, unanswered), a telephone entry typed into
 * Sesi, and a session of the week before.
 */
function seedWeek(app: LocalApp): void {
  app.setNow('2026-11-20T10:00:00+07:00');
  const ani = new Citizen(app, PHONES[0], 'Ani');
  const id = ani.connect('1', '1', '1');
  app.advanceMinutes(5);
  const reply = app.api('session.reply', { sessionId: id, text: 'Selamat pagi Bu Ani' }).result;
  if (!reply.ok) throw new Error(String(reply.error));
  app.advanceMinutes(10);
  ani.say('selesai');
  ani.say('4');

  app.setNow('2026-11-21T20:00:00+07:00');
  new Citizen(app, PHONES[1], 'Budi').connect('2', '2', '2');
  app.setNow('2026-11-22T23:50:00+07:00');
  new Citizen(app, PHONES[2], 'Citra').connect('2', '1', '2');

  app.appendRows('Sesi', [
    {
      ID: 'HK-2611-9001',
      Kanal: 'Telepon',
      Nomor: PHONES[3],
      Nama: 'Pak Dedi',
      Jenis: 'Konsultasi',
      Bidang: 'UKM',
      Topik: 'Modal',
      Status: 'Selesai',
      Mulai: new Date(wib('2026-11-18T10:00')),
      Selesai: new Date(wib('2026-11-18T10:00')),
    },
    {
      ID: 'HK-2611-9002',
      Kanal: 'WhatsApp',
      Nomor: PHONES[4],
      Jenis: 'Pengaduan',
      Bidang: 'UKM',
      Topik: 'Modal',
      Status: 'Selesai',
      Mulai: new Date(wib('2026-11-15T10:00')),
    },
  ]);
}

function newApp(): LocalApp {
  const app = createApp({ now: '2026-11-20T09:00:00+07:00' });
  // The first tick plans the report: no old report is sent on installation.
  expect(tickReport(app, '2026-11-20T09:00')).toContain('dijadwalkan');
  return app;
}

describe('weekly report job (Monday 07:00, previous Monday–Sunday)', () => {
  let app: LocalApp;
  /** The files the report deleted through the Drive advanced service, as they were just before. */
  const deleted: SpreadsheetModel[] = [];
  let filesBefore = 0;

  beforeAll(() => {
    app = newApp();
    seedWeek(app);
    filesBefore = app.emu.spreadsheets.size;
    const remove = DriveFilesFacade.prototype.remove;
    jest.spyOn(DriveFilesFacade.prototype, 'remove').mockImplementation(function (
      this: DriveFilesFacade,
      id: string,
    ) {
      const ss = app.emu.spreadsheets.get(String(id));
      if (ss) deleted.push(ss);
      return remove.call(this, id);
    });
  });

  afterAll(() => jest.restoreAllMocks());

  it('does nothing before Monday 07:00: no sheet, no email', () => {
    expect(tickReport(app, '2026-11-23T06:59')).toBeNull();
    expect(app.emu.spreadsheet.getSheetByName(SHEET)).toBeFalsy();
    expect(reportMails(app)).toHaveLength(0);
    // The job knows its own next time: Monday 07:00.
    expect(Number(app.emu.scriptProperties.get(jobKey(REPORT_JOB)))).toBe(wib('2026-11-23T07:00'));
  });

  it('runs on Monday at 07:xx for the week before', () => {
    expect(tickReport(app, '2026-11-23T07:03')).toBe('Laporan 2026-W47: 4 sesi, 1 penerima email');
  });

  it('writes the report sheet with its figures, complaints first', () => {
    expect(app.sheet(SHEET).headers[0]).toBe('Laporan Mingguan HALO KOP-UKM – Minggu 2026-W47');
    expect(valueAfter(app, SHEET, 'Jumlah sesi (konsultasi dan pengaduan)')).toBe(4);
    expect(valueAfter(app, SHEET, 'Pengaduan')).toBe(2);
    expect(valueAfter(app, SHEET, 'Pengaduan bidang Koperasi')).toBe(1);
    expect(valueAfter(app, SHEET, 'Pengaduan bidang UKM')).toBe(1);
    expect(valueAfter(app, SHEET, 'Konsultasi')).toBe(2);
    expect(valueAfter(app, SHEET, 'Di luar jam layanan')).toBe(2);
    expect(
      valueAfter(app, SHEET, 'Dicatat manual (telepon, datang langsung, Instagram DM, email, lainnya)'),
    ).toBe(1);
    expect(valueAfter(app, SHEET, 'Telepon')).toBe(1);
    expect(valueAfter(app, SHEET, '4 – Sangat membantu')).toBe(1);
    expect(valueAfter(app, SHEET, 'Indeks kepuasan, skala IKM (indikatif)')).toBe(100);
    expect(valueAfter(app, SHEET, 'Mutu pelayanan (indikatif)')).toBe('A – Sangat Baik');
    // The session of Sunday 23:50 counts on Sunday.
    expect(
      app
        .sheet(SHEET)
        .rows.find((r) => r[0] === 'Minggu, 22/11')
        ?.slice(0, 4),
    ).toEqual(['Minggu, 22/11', 0, 1, 1]);
    const text = sheetText(app, SHEET);
    expect(text.indexOf('Pengaduan')).toBeLessThan(text.indexOf('Konsultasi'));
  });

  it('draws four native charts: per day, per Jenis × Bidang, ratings, five-week trend', () => {
    const sheet = app.emu.spreadsheet.getSheetByName(SHEET)!;
    expect(sheet.charts.map((c) => [c.type, c.options.title])).toEqual([
      ['COLUMN', 'Sesi per Jenis dan Bidang'],
      ['COLUMN', 'Sesi per hari'],
      ['COLUMN', 'Sebaran penilaian warga'],
      ['LINE', 'Tren sesi dan pengaduan, lima minggu'],
    ]);
    const days = sheet.charts[1];
    expect(days.options.isStacked).toBe(true);
    // The chart reads the day table: header and seven days, Hari/Konsultasi/Pengaduan.
    expect(days.ranges[0]).toMatchObject({ nr: 8, nc: 3, sheetId: sheet.id });
  });

  it('keeps one Rekap Mingguan row with the week’s figures', () => {
    const rows = recapRows(app);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Sesi: 4,
      Konsultasi: 2,
      Pengaduan: 2,
      Koperasi: 2,
      UKM: 2,
      'Di Luar Jam': 2,
      Manual: 1,
      // Five and fifteen minutes, plus the seconds the executions themselves took.
      'Median Tunggu (menit)': expect.closeTo(5, 0),
      'Median Durasi (menit)': expect.closeTo(15, 0),
      'Ditutup Pengguna': 1,
      Penilaian: 1,
      'Rata-rata Penilaian': 4,
      'IKM (indikatif)': 100,
      'Mutu IKM': 'A (Sangat Baik)',
      'Lembar Laporan': SHEET,
    });
  });

  it('emails the Pelaporan group a short Indonesian summary', () => {
    const mails = reportMails(app);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe('lapor@diskopukm.example');
    expect(mails[0].subject).toBe(
      '[HALO KOP-UKM] Laporan Mingguan 2026-W47 (16 November 2026 s.d. 22 November 2026)',
    );
    expect(mails[0].body).toContain('• Jumlah sesi: 4 (konsultasi 2, pengaduan 2)');
    expect(mails[0].body).toContain('• Jumlah pengaduan: 2 (koperasi 1, UKM 1)');
    expect(mails[0].body).toContain('• Indeks kepuasan (indikatif, skala IKM): 100 – mutu A (Sangat Baik)');
    expect(
      app.outbox().some((o) => o.channel === 'mail' && o.text.includes('Laporan Mingguan 2026-W47')),
    ).toBe(true);
  });

  it('attaches the report sheet alone as a PDF, made in a temporary spreadsheet then deleted', () => {
    const [mail] = reportMails(app);
    expect(mail.attachments).toEqual([
      expect.objectContaining({ name: `${SHEET}.pdf`, mimeType: 'application/pdf' }),
    ]);
    expect(mail.attachments[0].size).toBeGreaterThan(500);
    expect(deleted.map((s) => [s.name, s.createdByScript, s.sheets.map((sh) => sh.name)])).toEqual([
      [SHEET, true, [SHEET]],
    ]);
    // The copy held the report and its charts, nothing of the other sheets.
    expect(deleted[0].sheet(SHEET).getValues('A1:A1')).toEqual([[app.sheet(SHEET).headers[0]]]);
    expect(deleted[0].sheet(SHEET).charts).toHaveLength(4);
  });

  it('leaves no file behind in Drive (the manifest has drive.file only: no DriveApp)', () => {
    expect(app.emu.spreadsheets.size).toBe(filesBefore);
    expect([...app.emu.spreadsheets.values()].filter((s) => s.trashed)).toEqual([]);
    expect(app.emu.logs.filter((l) => /not (trashed|deleted)/.test(l.message))).toEqual([]);
  });

  it('puts no citizen phone number in the report, the Rekap row or the email', () => {
    const texts = [
      sheetText(app, SHEET),
      sheetText(app, 'Rekap Mingguan'),
      ...reportMails(app).map((m) => m.body),
    ];
    for (const text of texts) {
      for (const phone of PHONES) expect(text).not.toContain(phone.slice(-8));
    }
  });

  it('sends the week once: later ticks that Monday do nothing', () => {
    expect(tickReport(app, '2026-11-23T07:30')).toBeNull();
    expect(tickReport(app, '2026-11-24T07:03')).toBeNull();
    expect(reportMails(app)).toHaveLength(1);
  });

  it('re-running the week replaces its sheet and its Rekap row', () => {
    app.setNow('2026-11-24T10:00:00+07:00');
    app.appendRows('Sesi', [
      {
        ID: 'HK-2611-9003',
        Kanal: 'Datang langsung',
        Jenis: 'Pengaduan',
        Bidang: 'Koperasi',
        Topik: 'SHU',
        Status: 'Selesai',
        Mulai: new Date(wib('2026-11-19T09:00')),
        Selesai: new Date(wib('2026-11-19T09:00')),
      },
    ]);
    const res = app.api<{ week: string; sessions: number; message: string }>('report.run', {
      week: WEEK,
    }).result;
    expect(res.ok).toBe(true);
    expect(res.data).toMatchObject({ week: WEEK, sessions: 5 });
    expect(app.emu.spreadsheet.sheets.filter((s) => s.name === SHEET)).toHaveLength(1);
    expect(app.emu.spreadsheet.getSheetByName(SHEET)!.charts).toHaveLength(4);
    expect(valueAfter(app, SHEET, 'Pengaduan')).toBe(3);
    const rows = recapRows(app);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Sesi: 5, Pengaduan: 3 });
  });

  it('the next Monday reports the next week, and compares with the weeks before', () => {
    expect(tickReport(app, '2026-11-30T07:01')).toBe('Laporan 2026-W48: 0 sesi, 1 penerima email');
    const mails = reportMails(app);
    expect(mails[mails.length - 1].subject).toContain('2026-W48');
    expect(mails[mails.length - 1].body).toContain(
      '• Dibanding rata-rata 4 minggu sebelumnya: sesi -100%, pengaduan -100%',
    );
    expect(recapRows(app, '2026-W48')).toHaveLength(1);
    const trend = app.sheet('Laporan 2026-W48').rows.find((r) => r[0] === '2026-W47');
    expect(trend?.slice(0, 4)).toEqual(['2026-W47', 5, 2, 3]);
  });
});

describe('weekly report schedule', () => {
  it('catches up a missed Monday once, at the next tick', () => {
    const app = newApp();
    seedWeek(app);
    expect(tickReport(app, '2026-11-24T13:00')).toBe('Laporan 2026-W47: 4 sesi, 1 penerima email');
    expect(tickReport(app, '2026-11-24T14:00')).toBeNull();
    expect(reportMails(app)).toHaveLength(1);
  });

  it('follows Hari Laporan and Jam Laporan from Pengaturan', () => {
    const app = createApp({ now: '2026-11-20T09:00:00+07:00' });
    app.appendRows('Pengaturan', [
      { Kunci: 'Hari Laporan', Nilai: 'Rabu' },
      { Kunci: 'Jam Laporan', Nilai: '09:00' },
      { Kunci: 'Email Tim Pelaporan', Nilai: 'kepala@diskopukm.example' },
    ]);
    expect(tickReport(app, '2026-11-20T09:00')).toContain('Rabu, 25 November 2026 pukul 09.00 WIB');
    expect(tickReport(app, '2026-11-23T07:05')).toBeNull();
    expect(tickReport(app, '2026-11-25T08:59')).toBeNull();
    expect(tickReport(app, '2026-11-25T09:00')).toBe('Laporan 2026-W47: 0 sesi, 2 penerima email');
    expect(reportMails(app)[0].to).toBe('lapor@diskopukm.example,kepala@diskopukm.example');
  });

  it('writes the report but sends nothing when nobody is in Pelaporan', () => {
    const app = createApp({ now: '2026-11-20T09:00:00+07:00', officers: [] });
    tickReport(app, '2026-11-20T09:00');
    expect(tickReport(app, '2026-11-23T07:00')).toBe('Laporan 2026-W47: 0 sesi, 0 penerima email');
    expect(app.emu.spreadsheet.getSheetByName(SHEET)).toBeTruthy();
    expect(reportMails(app)).toHaveLength(0);
    expect(app.records('Log Sistem').some((r) => String(r['Pesan']).includes('belum ada penerima'))).toBe(
      true,
    );
  });
});

describe('weekly report job: PDF and email after the lock', () => {
  const LAST_WEEK = REPORT_LAST_WEEK_KEY;
  const JOB = jobKey(REPORT_JOB);

  /** What the stored state was when the job made the PDF and sent the email. */
  interface Moment {
    at: 'pdf' | 'email';
    lockHolder: number | null;
    lastWeek: string | undefined;
    reportSheet: boolean;
  }

  function watch(app: LocalApp): { moments: Moment[]; restore: () => void } {
    const moments: Moment[] = [];
    const seen = (at: Moment['at']): void => {
      moments.push({
        at,
        lockHolder: app.emu.locks.holder('script'),
        lastWeek: app.emu.scriptProperties.get(LAST_WEEK),
        reportSheet: app.emu.spreadsheet.getSheetByName(SHEET) !== null,
      });
    };
    const create = SpreadsheetAppService.prototype.create;
    const send = MailAppFacade.prototype.sendEmail;
    const spies = [
      jest.spyOn(SpreadsheetAppService.prototype, 'create').mockImplementation(function (
        this: SpreadsheetAppService,
        ...args: Parameters<typeof create>
      ) {
        seen('pdf');
        return create.apply(this, args);
      }),
      jest.spyOn(MailAppFacade.prototype, 'sendEmail').mockImplementation(function (
        this: MailAppFacade,
        ...args: Parameters<typeof send>
      ) {
        seen('email');
        return send.apply(this, args);
      }),
    ];
    return { moments, restore: () => spies.forEach((s) => s.mockRestore()) };
  }

  it('makes the PDF and sends the email with the lock released, the sheet written and the week marked', () => {
    const app = newApp();
    seedWeek(app);
    const { moments, restore } = watch(app);
    try {
      expect(tickReport(app, '2026-11-23T07:03')).toBe('Laporan 2026-W47: 4 sesi, 1 penerima email');
    } finally {
      restore();
    }
    // The week is stored as done before its email leaves: a crash between the phases cannot make
    // the job send it a second time.
    expect(moments).toEqual([
      { at: 'pdf', lockHolder: null, lastWeek: WEEK, reportSheet: true },
      { at: 'email', lockHolder: null, lastWeek: WEEK, reportSheet: true },
    ]);
    expect(reportMails(app)).toHaveLength(1);
    expect(tickReport(app, '2026-11-23T08:03')).toBeNull();
    expect(reportMails(app)).toHaveLength(1);
  });

  it('an email that fails is tried again an hour later, and the week is sent once', () => {
    const app = newApp();
    seedWeek(app);
    const marked = app.emu.scriptProperties.get(LAST_WEEK);
    app.emu.quotas.email = 0;
    expect(tickReport(app, '2026-11-23T07:03')).toBe('Laporan 2026-W47: 4 sesi, 0 penerima email');
    expect(reportMails(app)).toHaveLength(0);
    expect(app.emu.scriptProperties.get(LAST_WEEK)).toBe(marked);
    expect(Number(app.emu.scriptProperties.get(JOB))).toBe(wib('2026-11-23T08:03'));
    expect(
      app
        .records('Log Sistem')
        .some((r) => r['Tingkat'] === 'GALAT' && String(r['Pesan']).includes('2026-W47')),
    ).toBe(true);
    app.emu.quotas.email = 100;
    expect(tickReport(app, '2026-11-23T07:33')).toBeNull();
    expect(tickReport(app, '2026-11-23T08:03')).toBe('Laporan 2026-W47: 4 sesi, 1 penerima email');
    expect(app.emu.scriptProperties.get(LAST_WEEK)).toBe(WEEK);
    expect(tickReport(app, '2026-11-23T09:03')).toBeNull();
    expect(reportMails(app)).toHaveLength(1);
    expect(recapRows(app)).toHaveLength(1);
  });
  it('a failure after the lock is logged, not thrown, and the job does not send the week again', () => {
    const app = newApp();
    seedWeek(app);
    // The email text needs the spreadsheet's URL: make that fail, after the sheets are written.
    const spy = jest.spyOn(SpreadsheetFacade.prototype, 'getUrl').mockImplementation(() => {
      throw new Error('Service Spreadsheets failed while accessing document');
    });
    let ran;
    try {
      app.setNow('2026-11-23T07:03:00+07:00');
      ran = app.tick().result.ran.find((r) => r.job === 'laporan-mingguan');
    } finally {
      spy.mockRestore();
    }
    expect(ran?.error).toContain('Service Spreadsheets failed');
    expect(reportMails(app)).toHaveLength(0);
    expect(app.sheet(SHEET).rows.length).toBeGreaterThan(10);
    expect(
      app
        .records('Log Sistem')
        .some((r) => r['Sumber'] === 'jadwal:laporan-mingguan' && r['Tingkat'] === 'GALAT'),
    ).toBe(true);
    // At most once: the week stays marked, as after a crash between the phases; the team sends it
    // from the menu or the sidebar.
    expect(app.emu.scriptProperties.get(LAST_WEEK)).toBe(WEEK);
    expect(tickReport(app, '2026-11-23T08:03')).toBeNull();
    expect(tickReport(app, '2026-11-24T07:03')).toBeNull();
    expect(reportMails(app)).toHaveLength(0);
  });
});

describe('weekly report on demand', () => {
  it('the menu asks for the week; empty means the week before', () => {
    const app = createApp({ now: '2026-11-25T10:00:00+07:00' });
    app.emu.ui.promptResponseText = '';
    app.emu.ui.alertResponse = 'OK';
    app.exec('menuWeeklyReport');
    const alerts = app.emu.ui.alerts;
    expect(alerts[alerts.length - 2]).toMatchObject({ kind: 'prompt', title: 'Laporan mingguan' });
    expect(alerts[alerts.length - 1].prompt).toBe(
      'Laporan 2026-W47 selesai: lembar "Laporan 2026-W47" dan satu baris di Rekap Mingguan. ' +
        'Email terkirim ke 1 penerima.',
    );
    // A complete week reported by hand is not emailed again by the job.
    tickReport(app, '2026-11-25T10:05');
    expect(tickReport(app, '2026-11-30T06:00')).toBeNull();
    expect(reportMails(app)).toHaveLength(1);
  });

  it('the menu refuses a week that is not one, and one that has not begun', () => {
    const app = createApp({ now: '2026-11-25T10:00:00+07:00' });
    app.emu.ui.promptResponseText = 'minggu lalu';
    app.exec('menuWeeklyReport');
    expect(app.emu.ui.alerts[app.emu.ui.alerts.length - 1].prompt).toBe(
      'Minggu "minggu lalu" tidak valid. Gunakan format TTTT-Wmm, misalnya 2026-W47.',
    );
    app.emu.ui.promptResponseText = '2026-W49';
    app.exec('menuWeeklyReport');
    expect(app.emu.ui.alerts[app.emu.ui.alerts.length - 1].prompt).toBe(
      'Minggu 2026-W49 belum dimulai, jadi belum dapat dilaporkan.',
    );
    expect(reportMails(app)).toHaveLength(0);
  });

  it('report.weeks lists recent weeks and which have a report', () => {
    const app = createApp({ now: '2026-11-25T10:00:00+07:00' });
    app.api('report.run', { week: '2026-W46' });
    const res = app.api<{
      previous: string;
      weeks: { week: string; reported: boolean; complete: boolean }[];
    }>('report.weeks').result;
    expect(res.ok).toBe(true);
    expect(res.data!.previous).toBe(WEEK);
    expect(res.data!.weeks.slice(0, 3)).toEqual([
      expect.objectContaining({ week: '2026-W48', reported: false, complete: false }),
      expect.objectContaining({ week: '2026-W47', reported: false, complete: true }),
      expect.objectContaining({ week: '2026-W46', reported: true, complete: true }),
    ]);
  });
});

describe('weekly report time zone', () => {
  it('cuts weeks and days in Asia/Jakarta even when the script runs in another zone', () => {
    requireBuild();
    const app = new LocalApp({
      now: Date.parse('2026-11-24T09:00:00+07:00'),
      userEmail: 'admin@diskopukm.example',
      scriptTimeZone: 'America/Los_Angeles',
    });
    app.configure();
    app.setup();
    app.appendRows('Penanggung Jawab', OFFICERS);
    const row = (mulai: string) => ({
      Kanal: 'Telepon',
      Jenis: 'Pengaduan',
      Bidang: 'UKM',
      Topik: 'Modal',
      Status: 'Selesai',
      Mulai: new Date(wib(mulai)),
    });
    // Monday 00:10 WIB is still Sunday in Los Angeles; Sunday 23:50 WIB is Sunday morning there.
    app.appendRows('Sesi', [row('2026-11-16T00:10'), row('2026-11-22T23:50'), row('2026-11-23T00:10')]);
    const res = app.api<{ sessions: number }>('report.run', { week: WEEK }).result;
    expect(res.data?.sessions).toBe(2);
    const days = app.sheet(SHEET).rows.filter((r) => /^(Senin|Minggu), /.test(String(r[0])));
    expect(days.map((r) => [r[0], r[3]])).toEqual([
      ['Senin, 16/11', 1],
      ['Minggu, 22/11', 1],
    ]);
  });
});
