import {
  addWorkingDays,
  CASE_STATUS,
  caseFigures,
  caseRatingFigures,
  caseRatingOf,
  DEFAULT_CASE_DAYS,
  needsEscalation,
  parseCaseCommand,
  parseCategory,
  parseStatusCommand,
  transition,
  workingDaysAfter,
  workingDaysLeft,
} from '../../../src/domain/cases';
import { localDateKey, localMs } from '../../../src/domain/time';

const WEEK = { workDays: [1, 2, 3, 4, 5], holidays: [] as string[] };

describe('working-day deadlines', () => {
  it('skips the weekend', () => {
    // Friday 2026-11-20 + 2 working days → Tuesday 2026-11-24.
    expect(addWorkingDays('2026-11-20', 2, WEEK)).toBe('2026-11-24');
    // A complaint on Saturday counts from Monday.
    expect(addWorkingDays('2026-11-21', 1, WEEK)).toBe('2026-11-23');
  });

  it('skips holidays: a Friday before a holiday Monday', () => {
    const cal = { ...WEEK, holidays: ['2026-11-23'] };
    expect(addWorkingDays('2026-11-20', 5, cal)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-20', 2, cal)).toBe('2026-11-25');
  });

  it('crosses the year end with its holidays', () => {
    const cal = { ...WEEK, holidays: ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01'] };
    // Wed 23 Dec: Mon 28, Tue 29, Wed 30, Mon 4 Jan, Tue 5 Jan.
    expect(addWorkingDays('2026-12-23', 5, cal)).toBe('2027-01-05');
  });

  it('counts 60 working days', () => {
    const d = addWorkingDays('2026-01-02', 60, WEEK); // Friday
    expect(d).toBe('2026-03-27'); // 12 whole weeks later
    expect(workingDaysAfter('2026-01-02', d, WEEK)).toBe(60);
    const withHolidays = addWorkingDays('2026-01-02', 60, {
      ...WEEK,
      holidays: ['2026-02-17', '2026-03-19'],
    });
    expect(withHolidays).toBe('2026-03-31');
  });

  it('days left, zero on the deadline, negative after', () => {
    expect(workingDaysLeft('2026-11-20', '2026-11-24', WEEK)).toBe(2);
    expect(workingDaysLeft('2026-11-24', '2026-11-24', WEEK)).toBe(0);
    expect(workingDaysLeft('2026-11-25', '2026-11-24', WEEK)).toBe(-1);
    expect(workingDaysLeft('2026-11-30', '2026-11-24', WEEK)).toBe(-4);
    expect(needsEscalation(-4, 5)).toBe(false);
    expect(needsEscalation(-5, 5)).toBe(true);
  });

  it('SP4N-LAPOR defaults', () => {
    expect(DEFAULT_CASE_DAYS).toEqual({
      Ringan: 2,
      Normatif: 5,
      'Tidak berkadar pengawasan': 14,
      'Berkadar pengawasan': 60,
    });
  });

  it('refuses a calendar without work days', () => {
    expect(() => addWorkingDays('2026-11-20', 2, { workDays: [], holidays: [] })).toThrow(RangeError);
  });
});

describe('status transitions', () => {
  it('Diterima → Diproses → Selesai', () => {
    expect(transition(CASE_STATUS.received, 'proses', '')).toEqual({ ok: true, status: 'Diproses' });
    expect(transition(CASE_STATUS.inProgress, 'proses', 'lagi')).toEqual({ ok: true, status: 'Diproses' });
    expect(transition(CASE_STATUS.inProgress, 'selesai', 'SHU dibayar')).toEqual({
      ok: true,
      status: 'Selesai',
    });
    expect(transition(CASE_STATUS.received, 'tolak', 'bukan wewenang')).toEqual({
      ok: true,
      status: 'Ditolak',
    });
  });

  it('no resolving a rejected case, no update on a closed or unknown one', () => {
    expect(transition(CASE_STATUS.rejected, 'selesai', 'x')).toEqual({ ok: false, error: 'closed' });
    expect(transition(CASE_STATUS.resolved, 'proses', 'x')).toEqual({ ok: false, error: 'closed' });
    expect(transition('', 'proses', 'x')).toEqual({ ok: false, error: 'unknown' });
    expect(transition(undefined, 'selesai', 'x')).toEqual({ ok: false, error: 'unknown' });
  });

  it('a resolution or rejection needs its text; a category must be known', () => {
    expect(transition(CASE_STATUS.received, 'selesai', ' ')).toEqual({ ok: false, error: 'empty' });
    expect(transition(CASE_STATUS.received, 'tolak', '')).toEqual({ ok: false, error: 'empty' });
    expect(transition(CASE_STATUS.received, 'kategori', 'berat')).toEqual({ ok: false, error: 'category' });
    expect(transition(CASE_STATUS.received, 'kategori', 'ringan')).toEqual({ ok: true, status: 'Diterima' });
  });
});

describe('commands', () => {
  it('reads /kasus', () => {
    expect(parseCaseCommand('/kasus hk-2611-0042 proses Sedang dicek ke koperasi')).toEqual({
      kind: 'update',
      id: 'HK-2611-0042',
      action: 'proses',
      text: 'Sedang dicek ke koperasi',
    });
    expect(parseCaseCommand('/KASUS HK-2611-0042 selesai =HYPERLINK("x")\nbaris 2')).toEqual({
      kind: 'update',
      id: 'HK-2611-0042',
      action: 'selesai',
      text: '=HYPERLINK("x")\nbaris 2',
    });
    expect(parseCaseCommand('/kasus HK-2611-0042 kategori tidak berkadar')).toMatchObject({
      action: 'kategori',
    });
    expect(parseCaseCommand('/kasus HK-2611-0042 tindak lanjut')).toEqual({
      kind: 'followUp',
      id: 'HK-2611-0042',
    });
    expect(parseCaseCommand('/kasus HK-2611-0042 tindaklanjut')).toEqual({
      kind: 'followUp',
      id: 'HK-2611-0042',
    });
    expect(parseCaseCommand('/kasus')).toEqual({ kind: 'usage' });
    expect(parseCaseCommand('/kasus 42 proses x')).toEqual({ kind: 'usage' });
    expect(parseCaseCommand('/kasus HK-2611-0042 hapus')).toEqual({ kind: 'usage' });
    expect(parseCaseCommand('HK-2611-0042 halo')).toBeNull();
  });

  it('reads STATUS and CEK', () => {
    expect(parseStatusCommand('STATUS HK-2611-0042')).toBe('HK-2611-0042');
    expect(parseStatusCommand(' cek hk-2611-0042 ')).toBe('HK-2611-0042');
    expect(parseStatusCommand('status')).toBeNull();
    expect(parseStatusCommand('status pengaduan saya HK-2611-0042 bagaimana')).toBeNull();
  });

  it('reads categories', () => {
    expect(parseCategory('Ringan')).toBe('Ringan');
    expect(parseCategory('tidak-berkadar pengawasan')).toBe('Tidak berkadar pengawasan');
    expect(parseCategory('berkadar')).toBe('Berkadar pengawasan');
    expect(parseCategory('4')).toBe('Berkadar pengawasan');
    expect(parseCategory('berat')).toBeNull();
  });
});

describe('weekly figures', () => {
  const off = 420;
  const at = (ymd: string, hhmm = '10:00'): number => localMs(ymd, hhmm, off);
  const ymdOf = (ms: number): string => localDateKey(ms, off);
  it('counts opened, resolved, on time, median days, open and overdue at the end', () => {
    const from = at('2026-11-23', '00:00');
    const to = at('2026-11-30', '00:00');
    const f = caseFigures(
      [
        // opened Mon, deadline Mon+2 = Wed, resolved Tue: on time, 1 day
        {
          bidang: 'Koperasi',
          category: 'Ringan',
          status: 'Selesai',
          openedAt: at('2026-11-23'),
          deadline: '2026-11-25',
          closedAt: at('2026-11-24'),
        },
        // opened Mon, deadline Wed, resolved Fri: late, 4 days
        {
          bidang: 'UKM',
          category: 'Ringan',
          status: 'Selesai',
          openedAt: at('2026-11-23'),
          deadline: '2026-11-25',
          closedAt: at('2026-11-27'),
        },
        // opened last week, still open, deadline Thu: overdue
        {
          bidang: 'UKM',
          category: 'Normatif',
          status: 'Diproses',
          openedAt: at('2026-11-19'),
          deadline: '2026-11-26',
          closedAt: 0,
        },
        // opened Fri, open, deadline next week
        {
          bidang: 'Koperasi',
          category: 'Normatif',
          status: 'Diterima',
          openedAt: at('2026-11-27'),
          deadline: '2026-12-04',
          closedAt: 0,
        },
        // rejected within the week: neither resolved nor open
        {
          bidang: 'Koperasi',
          category: 'Normatif',
          status: 'Ditolak',
          openedAt: at('2026-11-24'),
          deadline: '2026-12-01',
          closedAt: at('2026-11-25'),
        },
        // opened after the week: not counted
        {
          bidang: 'Koperasi',
          category: 'Ringan',
          status: 'Diterima',
          openedAt: at('2026-11-30'),
          deadline: '2026-12-02',
          closedAt: 0,
        },
      ],
      from,
      to,
      '2026-11-29',
      WEEK,
      ymdOf,
    );
    expect(f.opened).toBe(4);
    expect(f.resolved).toBe(2);
    expect(f.resolvedOnTime).toBe(1);
    expect(f.onTimePct).toBe(50);
    expect(f.medianDaysToResolve).toBe(2.5);
    expect(f.openAtEnd).toBe(2);
    expect(f.overdueAtEnd).toBe(1);
    expect(f.byBidang.UKM).toEqual({ opened: 1, resolved: 1, openAtEnd: 1, overdueAtEnd: 1 });
    expect(f.byCategory.Ringan).toEqual({ opened: 2, resolved: 2, openAtEnd: 0, overdueAtEnd: 0 });
  });
});

describe('case ratings in the weekly figures', () => {
  const off = 7 * 60;
  const at = (d: string, hhmm = '10:00'): number => localMs(d, hhmm, off);
  const ymdOf = (ms: number): string => localDateKey(ms, off);

  it('reads 1–4 only', () => {
    expect([4, '2', ' 3 ', 0, 5, 2.5, '', 'x', null].map(caseRatingOf)).toEqual([
      4,
      2,
      3,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(caseRatingFigures([])).toEqual({ count: 0, mean: null, byLevel: [0, 0, 0, 0] });
    expect(caseRatingFigures([4, 4, 1, 'x', 2])).toEqual({ count: 4, mean: 2.75, byLevel: [1, 1, 0, 2] });
  });

  it('counts the ratings of the cases closed within the week, per level', () => {
    const base = { bidang: 'UKM', category: 'Ringan', deadline: '2026-11-30', openedAt: at('2026-11-23') };
    const f = caseFigures(
      [
        { ...base, status: 'Selesai', closedAt: at('2026-11-24'), rating: 4 },
        { ...base, status: 'Selesai', closedAt: at('2026-11-25'), rating: 3 },
        { ...base, status: 'Ditolak', closedAt: at('2026-11-25'), rating: 1 },
        { ...base, status: 'Selesai', closedAt: at('2026-11-26'), rating: null },
        // closed the week before / after: not this week's ratings
        { ...base, status: 'Selesai', openedAt: at('2026-11-16'), closedAt: at('2026-11-18'), rating: 2 },
        { ...base, status: 'Selesai', closedAt: at('2026-12-01'), rating: 2 },
      ],
      at('2026-11-23', '00:00'),
      at('2026-11-30', '00:00'),
      '2026-11-29',
      WEEK,
      ymdOf,
    );
    expect(f.ratings).toEqual({ count: 3, mean: 2.67, byLevel: [1, 0, 1, 1] });
  });
});
