/**
 * DESIGN §5: the weeks of the weekly report (ISO Monday–Sunday in the office's zone) and when the
 * report is due (`Hari Laporan`, `Jam Laporan`, default Monday 07:00, for the week before).
 */
import { formatIsoWeek, type IsoWeek, isoWeek, isoWeekStart, parseIsoWeekLabel } from './isoweek';
import { addDays, DAY_MS, localDateKey, localMs, weekdayOf } from './time';

export interface ReportWeek {
  /** `2026-W47`. */
  label: string;
  year: number;
  week: number;
  /** Monday, `yyyy-mm-dd`. */
  start: string;
  /** Sunday, `yyyy-mm-dd`. */
  end: string;
  /** Monday 00:00 local (epoch ms, inclusive). */
  startMs: number;
  /** The next Monday 00:00 local (epoch ms, exclusive). */
  endMs: number;
  /** UTC offset in minutes the week was computed in. */
  offset: number;
}

export function reportWeek(iso: IsoWeek, offset: number): ReportWeek {
  const start = isoWeekStart(iso.year, iso.week);
  const startMs = localMs(start, 0, offset);
  return {
    label: formatIsoWeek(iso),
    year: iso.year,
    week: iso.week,
    start,
    end: addDays(start, 6),
    startMs,
    endMs: localMs(addDays(start, 7), 0, offset),
    offset,
  };
}

/** The week of a local calendar date. */
export function weekOfDate(ymd: string, offset: number): ReportWeek {
  return reportWeek(isoWeek(ymd), offset);
}

/** The week a moment falls in (local time). */
export function weekContaining(ms: number, offset: number): ReportWeek {
  return weekOfDate(localDateKey(ms, offset), offset);
}

/** The last complete Monday–Sunday week before the week of `ms`. */
export function previousWeek(ms: number, offset: number): ReportWeek {
  return shiftWeek(weekContaining(ms, offset), -1);
}

/** The week `n` weeks after (or before, when negative) `week`. */
export function shiftWeek(week: ReportWeek, n: number): ReportWeek {
  return weekOfDate(addDays(week.start, 7 * n), week.offset);
}

/** `2026-W47` (also `2026W47`, lower case) → the week; null when invalid. */
export function parseReportWeek(label: string, offset: number): ReportWeek | null {
  const iso = parseIsoWeekLabel(label);
  return iso ? reportWeek(iso, offset) : null;
}

/** True when `ms` falls in the week. */
export function inWeek(ms: number | null, week: ReportWeek): ms is number {
  return ms !== null && ms >= week.startMs && ms < week.endMs;
}

export interface ReportSchedule {
  /** ISO weekday, 1 = Monday … 7 = Sunday (`Hari Laporan`). */
  weekday: number;
  /** 0–23 (`Jam Laporan`). */
  hour: number;
  offset: number;
}

/** Monday 07:00 (DESIGN §5). */
export const DEFAULT_REPORT_WEEKDAY = 1;
export const DEFAULT_REPORT_HOUR = 7;

/** The latest report moment at or before `ms`. */
export function lastReportMoment(ms: number, schedule: ReportSchedule): number {
  const today = localDateKey(ms, schedule.offset);
  const back = (weekdayOf(today) - schedule.weekday + 7) % 7;
  const candidate = localMs(addDays(today, -back), schedule.hour * 60, schedule.offset);
  return candidate <= ms ? candidate : candidate - 7 * DAY_MS;
}

/** The first report moment strictly after `ms`. */
export function nextReportMoment(ms: number, schedule: ReportSchedule): number {
  return lastReportMoment(ms, schedule) + 7 * DAY_MS;
}

/** The week a report moment covers: the last complete Monday–Sunday week before its day. */
export function weekReportedAt(moment: number, offset: number): ReportWeek {
  return previousWeek(moment, offset);
}

export type ReportPlan =
  /** Nothing to do before `nextAt`. */
  | { kind: 'idle'; nextAt: number }
  /** First plan ever: the past counts as done (no old report on installation). */
  | { kind: 'baseline'; done: string; nextAt: number }
  /** Run the report of `week` now (once), then wait for `nextAt`. */
  | { kind: 'run'; week: ReportWeek; nextAt: number };

/**
 * What the weekly job does at `now`, given the last week it reported (`null` when never). A
 * missed moment is caught up at the next tick, once, for the latest due week only.
 */
export function planReport(now: number, schedule: ReportSchedule, lastDone: string | null): ReportPlan {
  const moment = lastReportMoment(now, schedule);
  const nextAt = moment + 7 * DAY_MS;
  const due = weekReportedAt(moment, schedule.offset);
  if (lastDone === null || lastDone === '') return { kind: 'baseline', done: due.label, nextAt };
  return isLaterWeek(due.label, lastDone) ? { kind: 'run', week: due, nextAt } : { kind: 'idle', nextAt };
}

/** Labels are `yyyy-Www`, so text order is week order. */
export function isLaterWeek(a: string, b: string): boolean {
  return a > b;
}
