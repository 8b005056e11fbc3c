import {
  durationStats,
  weeklyReport,
  type RecapFigures,
  type ReportMetric,
  type ReportPublication,
  type ReportSession,
  type ReportTask,
} from '../../../src/domain/report';
import { parseReportWeek, type ReportWeek } from '../../../src/domain/report-week';
import { JAKARTA_OFFSET, localMs } from '../../../src/domain/time';
import { runInTz } from './run-in-tz';

const WIB = JAKARTA_OFFSET;
const at = (ymd: string, hhmm = '00:00'): number => localMs(ymd, hhmm, WIB);
const week = (label: string): ReportWeek => parseReportWeek(label, WIB)!;

function session(fields: Partial<ReportSession>): ReportSession {
  return {
    channel: 'WhatsApp',
    jenis: '',
    bidang: '',
    topic: '',
    status: 'Selesai',
    startedAt: null,
    connectedAt: null,
    firstResponseAt: null,
    endedAt: null,
    closedBy: '',
    rating: null,
    outOfHours: false,
    ...fields,
  };
}

/** A WhatsApp session: start, connected, first reply and end as `yyyy-mm-dd HH:MM` texts. */
function wa(
  jenis: string,
  bidang: string,
  topic: string,
  times: { start: string; conn?: string; resp?: string; end?: string },
  extra: Partial<ReportSession> = {},
): ReportSession {
  const t = (text?: string): number | null => (text ? at(text.slice(0, 10), text.slice(11)) : null);
  return session({
    jenis,
    bidang,
    topic,
    startedAt: t(times.start),
    connectedAt: t(times.conn),
    firstResponseAt: t(times.resp),
    endedAt: t(times.end),
    ...extra,
  });
}

// ---- The fixture week: 2026-W47, Monday 16 to Sunday 22 November 2026 -------------------------

const W47_SESSIONS: ReportSession[] = [
  // 1. Complaint, UKM Modal: waited 10 min, 30 min, timeout, rated 4.
  wa(
    'Pengaduan',
    'UKM',
    'Modal',
    {
      start: '2026-11-16 09:00',
      conn: '2026-11-16 09:02',
      resp: '2026-11-16 09:10',
      end: '2026-11-16 09:32',
    },
    { closedBy: 'waktu habis', rating: 4 },
  ),
  // 2. Complaint, UKM Izin usaha: waited 4, 20 min, ended by the citizen, rated 3.
  wa(
    'Pengaduan',
    'UKM',
    'Izin usaha',
    {
      start: '2026-11-16 10:00',
      conn: '2026-11-16 10:01',
      resp: '2026-11-16 10:04',
      end: '2026-11-16 10:21',
    },
    { closedBy: 'user', rating: 3 },
  ),
  // 3. Complaint, Koperasi SHU: waited 20, 30 min, timeout, not rated.
  wa(
    'Pengaduan',
    'Koperasi',
    'SHU',
    {
      start: '2026-11-17 08:00',
      conn: '2026-11-17 08:01',
      resp: '2026-11-17 08:20',
      end: '2026-11-17 08:31',
    },
    { closedBy: 'waktu habis' },
  ),
  // 4. Consultation, Koperasi Keanggotaan: waited 2, 10 min, closed by the officer, rated 2.
  wa(
    'Konsultasi',
    'Koperasi',
    'Keanggotaan',
    {
      start: '2026-11-18 13:00',
      conn: '2026-11-18 13:01',
      resp: '2026-11-18 13:02',
      end: '2026-11-18 13:11',
    },
    { closedBy: 'petugas', rating: 2 },
  ),
  // 5. Out of hours Thursday night, answered Friday 07:30 (waited 690), 15 min, officer, rated 4.
  wa(
    'Konsultasi',
    'UKM',
    'Modal',
    {
      start: '2026-11-19 20:00',
      conn: '2026-11-20 07:30',
      resp: '2026-11-20 07:30',
      end: '2026-11-20 07:45',
    },
    { closedBy: 'petugas', rating: 4, outOfHours: true },
  ),
  // 6. Manual entry by telephone: no times but the start, no rating.
  session({
    channel: 'Telepon',
    jenis: 'Konsultasi',
    bidang: 'UKM',
    topic: 'modal',
    startedAt: at('2026-11-20', '11:00'),
  }),
  // 7. Manual entry, came in person, rated 3.
  session({
    channel: 'Datang langsung',
    jenis: 'konsultasi',
    bidang: 'ukm',
    topic: 'Pelatihan',
    startedAt: at('2026-11-21', '10:00'),
    rating: 3,
  }),
  // 8. Starts Sunday 23:50, ends Monday: belongs to W47. Waited 435, 30 min, timeout, rated 1.
  wa(
    'Konsultasi',
    'Koperasi',
    'Rapat anggota',
    {
      start: '2026-11-22 23:50',
      conn: '2026-11-23 07:05',
      resp: '2026-11-23 07:05',
      end: '2026-11-23 07:35',
    },
    { closedBy: 'waktu habis', rating: 1, outOfHours: true },
  ),
  // 9. Menu never finished.
  session({ status: 'Ditinggalkan', startedAt: at('2026-11-18', '12:00') }),
  // 10. Previous week (Sunday 23:59) and 11. next week (Monday 00:00): not counted.
  wa('Pengaduan', 'UKM', 'Modal', { start: '2026-11-15 23:59' }),
  wa('Pengaduan', 'UKM', 'Modal', { start: '2026-11-23 00:00' }),
  // 12. Complaint still waiting on Sunday afternoon, out of hours.
  wa('Pengaduan', 'UKM', 'Lainnya', { start: '2026-11-22 15:00' }, { status: 'Menunggu', outOfHours: true }),
];

function metric(date: string, platform: string, contentId: string, v: number[]): ReportMetric {
  const [views, likes, comments, shares, saves, liveViewers, questions] = v;
  return {
    date: at(date, '12:00'),
    platform,
    contentId,
    views,
    likes,
    comments,
    shares,
    saves,
    liveViewers,
    questions,
  };
}

const W47_METRICS: ReportMetric[] = [
  metric('2026-11-16', 'Instagram', 'KONTEN-2026-W46', [100, 10, 2, 1, 3, 0, 1]),
  // A later snapshot of the same post replaces the earlier one.
  metric('2026-11-18', 'Instagram', 'KONTEN-2026-W46', [250, 20, 5, 2, 4, 0, 2]),
  metric('2026-11-22', 'instagram', 'KONTEN-2026-W47', [80, 8, 10, 0, 0, 45, 6]),
  metric('2026-11-17', 'TikTok', 'KONTEN-2026-W46', [500, 50, 4, 6, 5, 0, 0]),
  metric('2026-11-22', 'TikTok', '', [40, 4, 0, 0, 0, 0, 0]),
  // Last week's measurement: not counted.
  metric('2026-11-15', 'Instagram', 'KONTEN-2026-W46', [999, 99, 9, 9, 9, 0, 9]),
];

const W47_PUBLICATIONS: ReportPublication[] = [
  {
    id: 'KONTEN-2026-W46',
    publishDate: at('2026-11-15'),
    theme: 'Koperasi',
    topic: 'RAT',
    status: 'Dievaluasi',
  },
  {
    id: 'KONTEN-2026-W47',
    publishDate: at('2026-11-22'),
    theme: 'UKM',
    topic: 'Sertifikasi halal',
    status: 'Terbit',
  },
  { id: 'EXTRA-1', publishDate: at('2026-11-21'), theme: 'UKM', topic: 'Pengemasan', status: 'Siap' },
];

function task(name: string, due: number, status: string, doneAt: number | null = null): ReportTask {
  return { contentId: 'KONTEN-2026-W47', task: name, team: 'Pubdisdok', due, status, doneAt };
}

const W47_TASKS: ReportTask[] = [
  task('Desain konten', at('2026-11-16'), 'Selesai', at('2026-11-16', '15:00')), // date only: on time
  task('Periksa konten', at('2026-11-17', '09:30'), 'Selesai', at('2026-11-17', '09:45')), // late
  task('Narasi', at('2026-11-18'), 'Belum'), // not done
  task('Live', at('2026-11-19', '13:00'), 'Selesai', at('2026-11-23', '08:00')), // done after the week
  task('Batal', at('2026-11-20'), 'Dibatalkan'), // cancelled: not counted
  task('Unggah', at('2026-11-21', '10:00'), 'Selesai'), // done, time unknown: on time
  task('Minggu depan', at('2026-11-23', '09:00'), 'Belum'), // next week
];

const HISTORY: Partial<RecapFigures>[] = [
  { week: '2026-W42', sessions: 100 },
  { week: '2026-W43', sessions: 6, complaints: 2, ikm: 80 },
  { week: '2026-W44', sessions: 7, complaints: 1 },
  { week: '2026-w46', sessions: 8, complaints: 3, ikm: 70 },
];

const W47 = weeklyReport({
  week: week('2026-W47'),
  sessions: W47_SESSIONS,
  metrics: W47_METRICS,
  publications: W47_PUBLICATIONS,
  tasks: W47_TASKS,
  history: HISTORY,
});

describe('weekly report figures (DESIGN §5) on a hand-built week, 2026-W47', () => {
  it('counts sessions that started in the week, complaints first, apart from unfinished menus', () => {
    expect(W47.sessions).toMatchObject({
      total: 9,
      complaints: 4,
      consultations: 5,
      koperasi: 3,
      ukm: 6,
      unclassified: 1,
    });
    expect(W47.sessions.complaintsByBidang).toEqual([
      { bidang: 'Koperasi', count: 1 },
      { bidang: 'UKM', count: 3 },
    ]);
  });

  it('counts by Jenis × Bidang, complaints first', () => {
    expect(W47.sessions.byJenisBidang).toEqual([
      { jenis: 'Pengaduan', bidang: 'Koperasi', count: 1 },
      { jenis: 'Pengaduan', bidang: 'UKM', count: 3 },
      { jenis: 'Konsultasi', bidang: 'Koperasi', count: 2 },
      { jenis: 'Konsultasi', bidang: 'UKM', count: 3 },
    ]);
  });

  it('counts by Jenis × Bidang × Topik in menu order, manual spellings merged', () => {
    expect(W47.sessions.byTopic.map((t) => `${t.jenis}/${t.bidang}/${t.topic}=${t.count}`)).toEqual([
      'Pengaduan/Koperasi/SHU=1',
      'Pengaduan/UKM/Modal=1',
      'Pengaduan/UKM/Izin usaha=1',
      'Pengaduan/UKM/Lainnya=1',
      'Konsultasi/Koperasi/Keanggotaan=1',
      'Konsultasi/Koperasi/Rapat anggota=1',
      'Konsultasi/UKM/Modal=2',
      'Konsultasi/UKM/Pelatihan=1',
    ]);
  });

  it('counts by channel: WhatsApp against manual entries', () => {
    expect(W47.sessions.byChannel).toEqual([
      { channel: 'WhatsApp', count: 7 },
      { channel: 'Telepon', count: 1 },
      { channel: 'Datang langsung', count: 1 },
      { channel: 'Instagram DM', count: 0 },
      { channel: 'Email', count: 0 },
      { channel: 'Lainnya', count: 0 },
    ]);
    expect(W47.sessions.whatsapp).toBe(7);
    expect(W47.sessions.manual).toBe(2);
  });

  it('counts in and out of service hours', () => {
    expect([W47.sessions.inHours, W47.sessions.outOfHours]).toEqual([6, 3]);
  });

  it('puts a session started Sunday 23:50 on Sunday, and counts per day Monday to Sunday', () => {
    expect(W47.sessions.byDay.map((d) => [d.date, d.complaints, d.consultations])).toEqual([
      ['2026-11-16', 2, 0],
      ['2026-11-17', 1, 0],
      ['2026-11-18', 0, 1],
      ['2026-11-19', 0, 1],
      ['2026-11-20', 0, 1],
      ['2026-11-21', 0, 1],
      ['2026-11-22', 1, 1],
    ]);
  });

  it('gives the median and 90th percentile of the wait for a first reply', () => {
    // Waits 2, 4, 10, 20, 435, 690 minutes.
    expect(W47.waiting).toEqual({ count: 6, medianMin: 15, p90Min: 690 });
    // Within service hours only: 2, 4, 10, 20.
    expect(W47.waitingInHours).toEqual({ count: 4, medianMin: 7, p90Min: 20 });
  });

  it('gives the median and 90th percentile of the session length', () => {
    // Lengths 10, 15, 20, 30, 30, 30 minutes (manual entries without times are left out).
    expect(W47.length).toEqual({ count: 6, medianMin: 25, p90Min: 30 });
  });

  it('counts how sessions ended', () => {
    expect(W47.endings).toEqual({ user: 1, petugas: 2, timeout: 3, open: 1 });
  });

  it('summarises ratings: per level, response rate, mean and the indicative IKM', () => {
    expect(W47.ratings).toEqual({
      asked: 7,
      count: 6,
      counts: { 1: 1, 2: 1, 3: 2, 4: 2 },
      responseRate: 0.86,
      mean: 2.83,
      ikm: 70.83,
      band: { grade: 'C', label: 'Kurang Baik' },
    });
  });

  it('sums the latest snapshot of each post per platform', () => {
    const [ig, tt] = W47.content.platforms;
    expect(ig).toEqual({
      platform: 'Instagram',
      items: 2,
      views: 330,
      likes: 28,
      comments: 15,
      shares: 2,
      saves: 4,
      liveViewers: 45,
      questions: 8,
      engagementRate: 49 / 330,
    });
    expect(tt).toMatchObject({
      platform: 'TikTok',
      items: 2,
      views: 540,
      likes: 54,
      comments: 4,
      shares: 6,
      saves: 5,
    });
    expect(W47.content.total).toMatchObject({
      items: 4,
      views: 870,
      likes: 82,
      comments: 19,
      liveViewers: 45,
      questions: 8,
    });
  });

  it('counts publications of the week and lists the unpublished ones', () => {
    expect(W47.content.publications.map((p) => p.id)).toEqual(['KONTEN-2026-W47']);
    expect(W47.content.unpublished.map((p) => p.id)).toEqual(['EXTRA-1']);
  });

  it('lists tasks done late and tasks not done by the end of the week', () => {
    expect(W47.tasks.due).toBe(5);
    expect(W47.tasks.onTime).toBe(2);
    expect(W47.tasks.late.map((t) => t.task)).toEqual(['Periksa konten']);
    expect(W47.tasks.notDone.map((t) => t.task)).toEqual(['Narasi', 'Live']);
  });

  it('compares with the previous four weeks from Rekap Mingguan', () => {
    expect(W47.trend.weeks).toEqual(['2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    const sessions = W47.trend.rows.find((r) => r.key === 'sessions')!;
    expect(sessions).toEqual({ key: 'sessions', values: [6, 7, null, 8, 9], previousMean: 7, change: 0.29 });
    const complaints = W47.trend.rows.find((r) => r.key === 'complaints')!;
    expect(complaints.previousMean).toBe(2);
    expect(complaints.change).toBe(1);
    const ikm = W47.trend.rows.find((r) => r.key === 'ikm')!;
    expect(ikm.values).toEqual([80, null, null, 70, 70.83]);
    expect(ikm.change).toBe(-0.06);
  });

  it('fills one Rekap Mingguan row', () => {
    expect(W47.recap).toEqual({
      // No cases given: the case figures are zero (issue 14).
      casesOpened: 0,
      casesResolved: 0,
      casesOnTimePct: null,
      casesMedianDays: null,
      casesOpen: 0,
      casesOverdue: 0,
      caseRatings: 0,
      caseMeanRating: null,
      caseRating1: 0,
      caseRating2: 0,
      caseRating3: 0,
      caseRating4: 0,
      week: '2026-W47',
      from: '2026-11-16',
      to: '2026-11-22',
      sessions: 9,
      consultations: 5,
      complaints: 4,
      koperasi: 3,
      ukm: 6,
      outOfHours: 3,
      manual: 2,
      medianWaitMin: 15,
      p90WaitMin: 690,
      medianLengthMin: 25,
      p90LengthMin: 30,
      closedByUser: 1,
      closedByOfficer: 2,
      closedByTimeout: 3,
      ratings: 6,
      responseRate: 0.86,
      meanRating: 2.83,
      ikm: 70.83,
      ikmBand: 'C (Kurang Baik)',
      publications: 1,
      views: 870,
      likes: 82,
      comments: 19,
      liveViewers: 45,
      questions: 8,
      tasksLate: 1,
      tasksMissing: 2,
    });
  });

  it('gives the same figures whatever the machine time zone', () => {
    const code =
      "import { weeklyReport } from './src/domain/report';" +
      "import { parseReportWeek } from './src/domain/report-week';" +
      "const s = (start: string) => ({ channel: 'WhatsApp', jenis: 'Konsultasi', bidang: 'UKM', topic: 'Modal', status: 'Selesai', startedAt: Date.parse(start), connectedAt: null, firstResponseAt: null, endedAt: null, closedBy: '', rating: null, outOfHours: false });" +
      "const r = weeklyReport({ week: parseReportWeek('2026-W47', 420)!, sessions: [s('2026-11-15T17:00:00Z'), s('2026-11-22T16:50:00Z'), s('2026-11-22T17:00:00Z')] });" +
      'console.log(JSON.stringify(r.sessions.byDay.map((d) => d.total)));';
    for (const tz of ['America/New_York', 'Pacific/Kiritimati']) {
      expect(runInTz(tz, code)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    }
  });
});

describe('weekly report edge cases', () => {
  it('an empty week has zero counts and no averages', () => {
    const r = weeklyReport({ week: week('2026-W47'), sessions: [] });
    expect(r.sessions.total).toBe(0);
    expect(r.sessions.byDay.every((d) => d.total === 0)).toBe(true);
    expect(r.waiting).toEqual({ count: 0, medianMin: null, p90Min: null });
    expect(r.length.medianMin).toBeNull();
    expect(r.ratings).toMatchObject({
      asked: 0,
      count: 0,
      responseRate: null,
      mean: null,
      ikm: null,
      band: null,
    });
    expect(r.recap.ikmBand).toBe('');
    expect(r.content.total.views).toBe(0);
    expect(r.content.platforms.map((p) => p.platform)).toEqual(['Instagram', 'TikTok']);
    expect(r.tasks).toEqual({ due: 0, onTime: 0, late: [], notDone: [] });
    expect(r.trend.rows.every((row) => row.previousMean === null && row.change === null)).toBe(true);
  });

  it('a week across a month boundary (2026-W44: 26 October – 1 November)', () => {
    const r = weeklyReport({
      week: week('2026-W44'),
      sessions: [
        wa('Konsultasi', 'UKM', 'Modal', { start: '2026-10-25 23:59' }),
        wa('Konsultasi', 'UKM', 'Modal', { start: '2026-10-31 10:00' }),
        wa('Pengaduan', 'UKM', 'Modal', { start: '2026-11-01 10:00' }),
        wa('Pengaduan', 'UKM', 'Modal', { start: '2026-11-02 00:00' }),
      ],
    });
    expect(r.sessions.total).toBe(2);
    expect(r.sessions.byDay.map((d) => d.date)).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(r.sessions.byDay.map((d) => d.total)).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });

  it('2026-W53 runs into 2027 and 2027-W01 starts on 4 January', () => {
    const sessions = [
      wa('Konsultasi', 'UKM', 'Modal', { start: '2026-12-27 23:59' }),
      wa('Konsultasi', 'UKM', 'Modal', { start: '2026-12-28 00:00' }),
      wa('Pengaduan', 'Koperasi', 'SHU', { start: '2026-12-31 23:59' }),
      wa('Pengaduan', 'Koperasi', 'SHU', { start: '2027-01-01 00:00' }),
      wa('Konsultasi', 'Koperasi', 'SHU', { start: '2027-01-03 23:50', end: '2027-01-04 00:10' }),
      wa('Konsultasi', 'UKM', 'Modal', { start: '2027-01-04 00:00' }),
    ];
    const w53 = weeklyReport({
      week: week('2026-W53'),
      sessions,
      history: [{ week: '2026-W52', sessions: 10 }],
    });
    expect(w53.sessions.total).toBe(4);
    expect(w53.sessions.byDay.map((d) => d.total)).toEqual([1, 0, 0, 1, 1, 0, 1]);
    expect(w53.trend.weeks).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    const w01 = weeklyReport({
      week: week('2027-W01'),
      sessions,
      history: [{ week: '2026-W53', sessions: 4 }],
    });
    expect(w01.sessions.total).toBe(1);
    expect(w01.trend.weeks).toEqual(['2026-W50', '2026-W51', '2026-W52', '2026-W53', '2027-W01']);
    expect(w01.trend.rows[0].values).toEqual([null, null, null, 4, 1]);
  });

  it('2025-W01 starts on Monday 30 December 2024', () => {
    const r = weeklyReport({
      week: week('2025-W01'),
      sessions: [
        wa('Konsultasi', 'UKM', 'Modal', { start: '2024-12-29 23:59' }),
        wa('Konsultasi', 'UKM', 'Modal', { start: '2024-12-30 00:00' }),
        wa('Konsultasi', 'UKM', 'Modal', { start: '2025-01-05 23:59' }),
      ],
    });
    expect(r.recap).toMatchObject({ week: '2025-W01', from: '2024-12-30', to: '2025-01-05', sessions: 2 });
  });

  it('unrated sessions lower the response rate but not the mean', () => {
    const r = weeklyReport({
      week: week('2026-W47'),
      sessions: [
        wa(
          'Konsultasi',
          'UKM',
          'Modal',
          { start: '2026-11-16 09:00', end: '2026-11-16 09:30' },
          { rating: 4 },
        ),
        wa('Konsultasi', 'UKM', 'Modal', { start: '2026-11-16 10:00', end: '2026-11-16 10:30' }),
        wa('Konsultasi', 'UKM', 'Modal', { start: '2026-11-16 11:00', end: '2026-11-16 11:30' }),
        wa('Konsultasi', 'UKM', 'Modal', { start: '2026-11-16 12:00', end: '2026-11-16 12:30' }),
      ],
    });
    expect(r.ratings).toMatchObject({ asked: 4, count: 1, responseRate: 0.25, mean: 4, ikm: 100 });
    expect(r.ratings.band).toEqual({ grade: 'A', label: 'Sangat Baik' });
  });

  describe('IKM bands at their edges (PermenPAN-RB 14/2017)', () => {
    /** `n` ratings summing to `sum` (ones and a remainder spread as 2–4). */
    function ratingsWith(n: number, sum: number): ReportSession[] {
      const values = new Array<number>(n).fill(1);
      let rest = sum - n;
      for (let i = 0; i < n && rest > 0; i += 1) {
        const add = Math.min(3, rest);
        values[i] += add;
        rest -= add;
      }
      return values.map((rating) =>
        wa('Konsultasi', 'UKM', 'Modal', { start: '2026-11-18 09:00', end: '2026-11-18 09:30' }, { rating }),
      );
    }
    const cases: [number, number, number, string][] = [
      [5, 13, 65.0, 'C (Kurang Baik)'],
      [2500, 6499, 64.99, 'D (Tidak Baik)'],
      [125, 383, 76.6, 'C (Kurang Baik)'],
      [2500, 7661, 76.61, 'B (Baik)'],
      [250, 883, 88.3, 'B (Baik)'],
      [2500, 8831, 88.31, 'A (Sangat Baik)'],
    ];
    it.each(cases)('%i ratings summing to %i → IKM %d, band %s', (n, sum, ikm, band) => {
      const r = weeklyReport({ week: week('2026-W47'), sessions: ratingsWith(n, sum) });
      expect(r.recap.ikm).toBe(ikm);
      expect(r.recap.ikmBand).toBe(band);
    });
  });

  it('median of an odd count is the middle; p90 is the nearest rank', () => {
    const min = (m: number): number => m * 60000;
    expect(durationStats([min(5), min(1), min(3)])).toEqual({ count: 3, medianMin: 3, p90Min: 5 });
    expect(durationStats(Array.from({ length: 10 }, (_, i) => min(i + 1)))).toEqual({
      count: 10,
      medianMin: 5.5,
      p90Min: 9,
    });
    expect(durationStats([min(1.25)])).toEqual({ count: 1, medianMin: 1.3, p90Min: 1.3 });
  });
});
