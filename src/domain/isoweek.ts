/**
 * ISO 8601 weeks and the weekly theme (SOP 001, Tahapan Kegiatan 1; DESIGN §4): odd ISO week →
 * UKM, even → Koperasi. Weeks start on Monday; week 1 holds the year's first Thursday.
 */
import { addDays, daysBetween, epochDay, parseYmd, toYmd, weekdayOf } from './time';
import type { Bidang } from './types';

export interface IsoWeek {
  year: number;
  week: number;
}

/** The ISO week of a calendar date (`2027-01-03` → 2026-W53). */
export function isoWeek(ymd: string): IsoWeek {
  const thursday = addDays(ymd, 4 - weekdayOf(ymd));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(toYmd(year, 1, 1), thursday) / 7) + 1;
  return { year, week };
}

/** `2026-W47`. */
export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

export function isoWeekLabel(ymd: string): string {
  return formatIsoWeek(isoWeek(ymd));
}

/** Reads `2026-W47` (also `2026W47`, lower case); null when invalid. */
export function parseIsoWeekLabel(text: string): IsoWeek | null {
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return week >= 1 && week <= weeksInYear(year) ? { year, week } : null;
}

/** 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53. */
export function weeksInYear(year: number): number {
  return isoWeek(toYmd(year, 12, 28)).week;
}

/** The Monday (`yyyy-mm-dd`) of an ISO week. Throws for a week the year does not have. */
export function isoWeekStart(year: number, week: number): string {
  if (!Number.isInteger(week) || week < 1 || week > weeksInYear(year)) {
    throw new RangeError(`invalid ISO week: ${year}-W${week}`);
  }
  const jan4 = toYmd(year, 1, 4);
  const mondayOfWeek1 = addDays(jan4, 1 - weekdayOf(jan4));
  return addDays(mondayOfWeek1, (week - 1) * 7);
}

/** The Monday of the ISO week containing `ymd`. */
export function mondayOf(ymd: string): string {
  return addDays(ymd, 1 - weekdayOf(ymd));
}

/** Monday and Sunday of the ISO week containing `ymd`. */
export function isoWeekRange(ymd: string): { start: string; end: string } {
  const start = mondayOf(ymd);
  return { start, end: addDays(start, 6) };
}

/** `iso`: the SOP as written; `selang-seling`: strict alternation (DESIGN §4, `Aturan Tema`). */
export type ThemeRule = 'iso' | 'selang-seling';

export const THEME_RULES: readonly ThemeRule[] = ['iso', 'selang-seling'];

/** Default anchor of `selang-seling`: it agrees with the ISO rule on this date (2026-W01, UKM). */
export const DEFAULT_THEME_ANCHOR = '2026-01-04';

export interface WeekTheme {
  theme: Bidang;
  /** The week 7 days earlier had the same theme (only after a 53-week year, `iso` rule). */
  repeated: boolean;
}

/** SOP 001: odd ISO week → UKM, even → Koperasi. */
export function isoTheme(ymd: string): Bidang {
  return isoWeek(ymd).week % 2 === 1 ? 'UKM' : 'Koperasi';
}

function flip(theme: Bidang): Bidang {
  return theme === 'UKM' ? 'Koperasi' : 'UKM';
}

/**
 * The theme of the week containing `ymd`. `iso` applies the SOP as written (a 53-week year puts
 * two UKM weeks in a row: `repeated`); `selang-seling` flips every week, anchored so that it agrees
 * with the ISO rule on `anchor`.
 */
export function weekTheme(ymd: string, rule: ThemeRule, anchor: string = DEFAULT_THEME_ANCHOR): WeekTheme {
  if (rule === 'iso') {
    const theme = isoTheme(ymd);
    return { theme, repeated: isoTheme(addDays(ymd, -7)) === theme };
  }
  if (!parseYmd(anchor)) throw new RangeError(`invalid theme anchor: ${anchor}`);
  const weeks = Math.round((epochDay(mondayOf(ymd)) - epochDay(mondayOf(anchor))) / 7);
  const anchorTheme = isoTheme(anchor);
  return { theme: Math.abs(weeks) % 2 === 0 ? anchorTheme : flip(anchorTheme), repeated: false };
}

export function isThemeRule(value: unknown): value is ThemeRule {
  return value === 'iso' || value === 'selang-seling';
}
