import {
  lastReportMoment,
  nextReportMoment,
  parseReportWeek,
  planReport,
  previousWeek,
  shiftWeek,
  weekContaining,
  type ReportSchedule,
} from '../../../src/domain/report-week';
import { JAKARTA_OFFSET, localMs } from '../../../src/domain/time';
import { runInTz } from './run-in-tz';

const WIB = JAKARTA_OFFSET;
const at = (ymd: string, hhmm = '00:00'): number => localMs(ymd, hhmm, WIB);
const MONDAY_7: ReportSchedule = { weekday: 1, hour: 7, offset: WIB };

describe('report weeks (Monday–Sunday, Asia/Jakarta)', () => {
  it('spans Monday 00:00 to the next Monday 00:00 local time', () => {
    const w = parseReportWeek('2026-W47', WIB)!;
    expect(w).toMatchObject({ label: '2026-W47', start: '2026-11-16', end: '2026-11-22' });
    expect(w.startMs).toBe(Date.parse('2026-11-15T17:00:00Z'));
    expect(w.endMs).toBe(Date.parse('2026-11-22T17:00:00Z'));
  });

  it('places a moment by its local date, not its UTC date', () => {
    // Monday 00:30 WIB is still Sunday in UTC.
    expect(weekContaining(Date.parse('2026-11-15T17:30:00Z'), WIB).label).toBe('2026-W47');
    expect(weekContaining(Date.parse('2026-11-15T16:59:59Z'), WIB).label).toBe('2026-W46');
  });

  it('knows 2026 has a week 53 that ends in 2027, and 2025-W01 starts on 2024-12-30', () => {
    const w53 = parseReportWeek('2026-W53', WIB)!;
    expect([w53.start, w53.end]).toEqual(['2026-12-28', '2027-01-03']);
    expect(shiftWeek(w53, 1).label).toBe('2027-W01');
    expect(shiftWeek(parseReportWeek('2027-W01', WIB)!, -1).label).toBe('2026-W53');
    expect(parseReportWeek('2025-W01', WIB)!.start).toBe('2024-12-30');
    expect(parseReportWeek('2025-W53', WIB)).toBeNull();
    expect(parseReportWeek('minggu lalu', WIB)).toBeNull();
  });

  it('the previous week of a Monday morning is the Monday–Sunday just ended', () => {
    expect(previousWeek(at('2026-11-23', '07:00'), WIB).label).toBe('2026-W47');
    expect(previousWeek(at('2027-01-04', '07:00'), WIB).label).toBe('2026-W53');
    expect(previousWeek(at('2025-01-06', '07:00'), WIB).label).toBe('2025-W01');
  });

  it('does not depend on the machine time zone', () => {
    const code =
      "import { parseReportWeek, weekContaining } from './src/domain/report-week';" +
      "const w = parseReportWeek('2025-W01', 420)!;" +
      "console.log(JSON.stringify([w.start, w.startMs, weekContaining(Date.parse('2024-12-29T17:00:00Z'), 420).label]));";
    const expected = [['2024-12-30', Date.parse('2024-12-29T17:00:00Z'), '2025-W01']];
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      expect([runInTz(tz, code)]).toEqual(expected);
    }
  });
});

describe('report schedule (Hari Laporan, Jam Laporan)', () => {
  it('is due every Monday at 07:00 by default', () => {
    expect(lastReportMoment(at('2026-11-23', '07:00'), MONDAY_7)).toBe(at('2026-11-23', '07:00'));
    expect(lastReportMoment(at('2026-11-23', '06:59'), MONDAY_7)).toBe(at('2026-11-16', '07:00'));
    expect(lastReportMoment(at('2026-11-22', '12:00'), MONDAY_7)).toBe(at('2026-11-16', '07:00'));
    expect(nextReportMoment(at('2026-11-23', '07:00'), MONDAY_7)).toBe(at('2026-11-30', '07:00'));
    expect(nextReportMoment(at('2026-11-23', '06:00'), MONDAY_7)).toBe(at('2026-11-23', '07:00'));
  });

  it('on first planning treats the past as done and waits for the next moment', () => {
    expect(planReport(at('2026-11-20', '10:00'), MONDAY_7, null)).toEqual({
      kind: 'baseline',
      done: '2026-W46',
      nextAt: at('2026-11-23', '07:00'),
    });
  });

  it('runs the previous week once the moment has come, once', () => {
    const now = at('2026-11-23', '07:01');
    const plan = planReport(now, MONDAY_7, '2026-W46');
    expect(plan.kind).toBe('run');
    if (plan.kind !== 'run') return;
    expect(plan.week.label).toBe('2026-W47');
    expect(plan.nextAt).toBe(at('2026-11-30', '07:00'));
    expect(planReport(now, MONDAY_7, '2026-W47')).toEqual({
      kind: 'idle',
      nextAt: at('2026-11-30', '07:00'),
    });
  });

  it('is idle before the due time', () => {
    expect(planReport(at('2026-11-23', '06:59'), MONDAY_7, '2026-W46')).toEqual({
      kind: 'idle',
      nextAt: at('2026-11-23', '07:00'),
    });
  });

  it('catches up a missed Monday at the next tick, for that week', () => {
    const plan = planReport(at('2026-11-25', '15:00'), MONDAY_7, '2026-W46');
    expect(plan.kind === 'run' && plan.week.label).toBe('2026-W47');
  });

  it('follows another configured day and hour, across the new year', () => {
    const wed9: ReportSchedule = { weekday: 3, hour: 9, offset: WIB };
    const plan = planReport(at('2027-01-06', '09:00'), wed9, '2026-W52');
    expect(plan.kind === 'run' && plan.week.label).toBe('2026-W53');
    expect(plan.nextAt).toBe(at('2027-01-13', '09:00'));
    const sunday20: ReportSchedule = { weekday: 7, hour: 20, offset: WIB };
    // A Sunday report covers the last complete week, not the one still ending.
    const sunday = planReport(at('2026-11-22', '20:00'), sunday20, '2026-W45');
    expect(sunday.kind === 'run' && sunday.week.label).toBe('2026-W46');
  });
});
