/**
 * SOP 000 V.1: the chat is staffed on working days (Senin–Jumat) 07.00–17.00, minus public
 * holidays and cuti bersama (`Hari Libur`). All of it is configurable.
 */
import { HARI, type MessageOverrides, render } from '../messages/id';
import { normalizeReply } from './text';
import {
  addDays,
  formatDateLongId,
  formatTimeId,
  isValidYmd,
  JAKARTA_OFFSET,
  localDateKey,
  localMinuteOfDay,
  localMs,
  localParts,
  parseHhMm,
  weekdayOf,
  zoneLabel,
} from './time';

export interface ServiceHours {
  /** ISO weekdays the service is open: 1 = Monday … 7 = Sunday. */
  workDays: number[];
  /** Opening time `HH:MM` (inclusive). */
  open: string;
  /** Closing time `HH:MM` (exclusive). */
  close: string;
  /** Closed dates `yyyy-mm-dd` (public holidays, cuti bersama). */
  holidays: string[];
  /** UTC offset in minutes of the office (Asia/Jakarta = 420). */
  offset: number;
}

/** SOP 000 V.1: Monday–Friday, 07:00–17:00 WIB, no holidays known. */
export const DEFAULT_HOURS: ServiceHours = {
  workDays: [1, 2, 3, 4, 5],
  open: '07:00',
  close: '17:00',
  holidays: [],
  offset: JAKARTA_OFFSET,
};

/** How far ahead `nextOpening` looks before giving up (a year of holidays is impossible). */
const MAX_DAYS_AHEAD = 400;

function minutesOf(hhmm: string, what: string): number {
  const minutes = parseHhMm(hhmm);
  if (minutes === null) throw new RangeError(`invalid ${what} time: ${hhmm}`);
  return minutes;
}

/** A working day: one of the work days and not a holiday. */
export function isWorkingDay(ymd: string, hours: ServiceHours): boolean {
  return hours.workDays.includes(weekdayOf(ymd)) && !hours.holidays.includes(ymd);
}

export function isHoliday(ymd: string, hours: ServiceHours): boolean {
  return hours.holidays.includes(ymd);
}

/** True from the opening minute (inclusive) to the closing minute (exclusive) of a working day. */
export function isWithinServiceHours(ms: number, hours: ServiceHours): boolean {
  const open = minutesOf(hours.open, 'open');
  const close = minutesOf(hours.close, 'close');
  if (!isWorkingDay(localDateKey(ms, hours.offset), hours)) return false;
  const minute = localMinuteOfDay(ms, hours.offset);
  return minute >= open && minute < close;
}

/**
 * The next moment the service opens: `ms` itself when open now, else the opening time of the
 * next working day (today's when before opening), skipping weekends and holidays.
 * Throws when no working day exists in the next 400 days (no work days configured).
 */
export function nextOpening(ms: number, hours: ServiceHours): number {
  if (isWithinServiceHours(ms, hours)) return ms;
  const open = minutesOf(hours.open, 'open');
  const close = minutesOf(hours.close, 'close');
  if (close <= open) throw new RangeError('closing time is not after opening time');
  const today = localDateKey(ms, hours.offset);
  const startToday = localMinuteOfDay(ms, hours.offset) < open ? 0 : 1;
  for (let i = startToday; i <= MAX_DAYS_AHEAD; i += 1) {
    const ymd = addDays(today, i);
    if (isWorkingDay(ymd, hours)) return localMs(ymd, open, hours.offset);
  }
  throw new RangeError('no working day within 400 days');
}

/** The current or next service period: `[opensAt, closesAt)` in ms. */
export function servicePeriod(ms: number, hours: ServiceHours): { opensAt: number; closesAt: number } {
  const close = minutesOf(hours.close, 'close');
  const opensAt = nextOpening(ms, hours);
  const opensDay = localDateKey(opensAt, hours.offset);
  const open = minutesOf(hours.open, 'open');
  return {
    opensAt: opensAt === ms ? localMs(opensDay, open, hours.offset) : opensAt,
    closesAt: localMs(opensDay, close, hours.offset),
  };
}

/** Working days from `fromYmd` to `toYmd`, both inclusive. */
export function workingDaysBetween(fromYmd: string, toYmd: string, hours: ServiceHours): string[] {
  const days: string[] = [];
  for (let ymd = fromYmd; ymd <= toYmd; ymd = addDays(ymd, 1)) {
    if (isWorkingDay(ymd, hours)) days.push(ymd);
  }
  return days;
}

const DAY_WORDS: Readonly<Record<string, number>> = (() => {
  const words: Record<string, number> = { ahad: 7, jum: 5, sen: 1, sel: 2, rab: 3, kam: 4, sab: 6, min: 7 };
  for (let day = 1; day <= 7; day += 1) words[normalizeReply(HARI[day])] = day;
  // Common spellings: "Jum'at", "Jumat".
  words.jumat = 5;
  return words;
})();

function dayToken(token: string): number | null {
  const t = normalizeReply(token).replace(/ /g, '');
  if (/^[1-7]$/.test(t)) return Number(t);
  return Object.prototype.hasOwnProperty.call(DAY_WORDS, t) ? DAY_WORDS[t] : null;
}

/**
 * Reads a work-day setting: `Senin-Jumat`, `senin s.d. jumat`, `1-5`, `1,2,3,4,5`,
 * `Senin, Rabu, Jumat`; ranges may wrap (`Jumat-Senin`). Sorted unique weekdays, or null.
 */
export function parseWorkDays(text: string): number[] | null {
  const cleaned = text
    .toLowerCase()
    .replace(/\bs\.?\s*d\.?(?=\s|$)/g, '-')
    .replace(/\bsampai\b|\bhingga\b/g, '-')
    .replace(/[–—]/g, '-')
    .replace(/'/g, '');
  const parts = cleaned
    .split(/[,;/]|\bdan\b/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const days = new Set<number>();
  for (const part of parts) {
    const range = part.split('-').map((p) => p.trim());
    if (range.length === 1) {
      const day = dayToken(range[0]);
      if (day === null) return null;
      days.add(day);
    } else if (range.length === 2) {
      const from = dayToken(range[0]);
      const to = dayToken(range[1]);
      if (from === null || to === null) return null;
      for (let day = from, n = 0; n < 7; day = (day % 7) + 1, n += 1) {
        days.add(day);
        if (day === to) break;
      }
    } else {
      return null;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** What is wrong with a service-hours setting, as message keys with their values; empty when valid. */
export function validateServiceHours(hours: ServiceHours): {
  key: 'settingsInvalidTime' | 'settingsCloseBeforeOpen' | 'settingsInvalidWorkDays' | 'settingsInvalidDate';
  value: string;
}[] {
  const problems: ReturnType<typeof validateServiceHours> = [];
  const open = parseHhMm(hours.open);
  const close = parseHhMm(hours.close);
  if (open === null) problems.push({ key: 'settingsInvalidTime', value: hours.open });
  if (close === null) problems.push({ key: 'settingsInvalidTime', value: hours.close });
  if (open !== null && close !== null && close <= open) {
    problems.push({ key: 'settingsCloseBeforeOpen', value: `${hours.open}-${hours.close}` });
  }
  if (hours.workDays.length === 0 || hours.workDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    problems.push({ key: 'settingsInvalidWorkDays', value: hours.workDays.join(',') });
  }
  for (const ymd of hours.holidays) {
    if (!isValidYmd(ymd)) problems.push({ key: 'settingsInvalidDate', value: ymd });
  }
  return problems;
}

/** Indonesian day list: `Senin–Jumat`, `Senin, Rabu dan Jumat`, `Senin–Rabu dan Jumat`. */
export function describeWorkDays(workDays: readonly number[], overrides?: MessageOverrides): string {
  const days = [...new Set(workDays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const groups: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j += 1;
    if (j - i >= 2) {
      groups.push(render('dayRange', { from: HARI[days[i]], to: HARI[days[j]] }, overrides));
    } else {
      for (let k = i; k <= j; k += 1) groups.push(HARI[days[k]]);
    }
    i = j + 1;
  }
  if (groups.length <= 1) return groups.join('');
  const last = render('listJoinLast', {}, overrides);
  return groups.slice(0, -1).join(', ') + last + groups[groups.length - 1];
}

/** `Senin–Jumat pukul 07.00–17.00 WIB`, for the out-of-hours answer. */
export function describeServiceHours(hours: ServiceHours, overrides?: MessageOverrides): string {
  return render(
    'hoursDescription',
    {
      days: describeWorkDays(hours.workDays, overrides),
      open: formatTimeId(minutesOf(hours.open, 'open')),
      close: formatTimeId(minutesOf(hours.close, 'close')),
      zone: zoneLabel(hours.offset),
    },
    overrides,
  );
}

/** `Senin, 23 November 2026 pukul 07.00 WIB`: a moment in words. */
export function describeMoment(ms: number, offset: number, overrides?: MessageOverrides): string {
  const p = localParts(ms, offset);
  const ymd = localDateKey(ms, offset);
  return render(
    'openingDescription',
    {
      day: HARI[p.weekday],
      date: formatDateLongId(ymd),
      time: formatTimeId(p.hour * 60 + p.minute),
      zone: zoneLabel(offset),
    },
    overrides,
  );
}

/** The variables of the `outOfHours` and `queuedOutOfHours` messages. */
export function outOfHoursVars(
  ms: number,
  hours: ServiceHours,
  overrides?: MessageOverrides,
): { hours: string; nextOpening: string } {
  return {
    hours: describeServiceHours(hours, overrides),
    nextOpening: describeMoment(nextOpening(ms, hours), hours.offset, overrides),
  };
}
