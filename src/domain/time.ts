/**
 * Calendar arithmetic on epoch milliseconds and a fixed UTC offset in minutes. Indonesia has no
 * daylight saving time, so a zone is just an offset (Asia/Jakarta = +420). Only UTC methods of
 * Date are used, so the machine's own time zone never matters.
 */
import { BULAN, HARI, ZONE_LABELS } from '../messages/id';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Asia/Jakarta (WIB), the service's zone. */
export const JAKARTA_OFFSET = 420;

const ZONES: Readonly<Record<string, number>> = {
  'asia/jakarta': 420,
  'asia/pontianak': 420,
  wib: 420,
  'asia/makassar': 480,
  'asia/ujung_pandang': 480,
  wita: 480,
  'asia/jayapura': 540,
  wit: 540,
  utc: 0,
  gmt: 0,
  z: 0,
  'etc/utc': 0,
  'etc/gmt': 0,
};

/**
 * The UTC offset in minutes of a zone name (`Asia/Jakarta`, `Asia/Makassar`, `Asia/Jayapura`,
 * `WIB`/`WITA`/`WIT`, `UTC`), of an offset text (`+07:00`, `+0700`, `UTC+7`, `GMT+07:00`,
 * `Etc/GMT-7`), or a number of minutes. Null when not recognised.
 */
export function utcOffsetMinutes(zone: string | number): number | null {
  if (typeof zone === 'number') {
    return Number.isInteger(zone) && zone >= -720 && zone <= 840 ? zone : null;
  }
  const text = zone.trim().toLowerCase();
  if (text in ZONES) return ZONES[text];
  const etc = /^etc\/gmt([+-])(\d{1,2})$/.exec(text);
  if (etc) {
    // POSIX-style names invert the sign: Etc/GMT-7 is UTC+7.
    const minutes = Number(etc[2]) * 60 * (etc[1] === '-' ? 1 : -1);
    return minutes >= -720 && minutes <= 840 ? minutes : null;
  }
  const m = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  const total = (hours * 60 + minutes) * (m[1] === '-' ? -1 : 1);
  return total >= -720 && total <= 840 ? total : null;
}

/**
 * An IANA zone for a spreadsheet set to the service's offset: WIB, WITA, WIT by their cities,
 * other whole hours as `Etc/GMT-h` (POSIX sign); null for an offset no zone name fits.
 */
export function ianaZone(offset: number): string | null {
  const named: Record<number, string> = {
    420: 'Asia/Jakarta',
    480: 'Asia/Makassar',
    540: 'Asia/Jayapura',
    0: 'Etc/UTC',
  };
  if (named[offset]) return named[offset];
  if (offset % 60 !== 0) return null;
  const h = offset / 60;
  return `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`;
}

/** Like `utcOffsetMinutes`, with a fallback (Asia/Jakarta) for unknown or empty zones. */
export function resolveOffset(zone: string | number | undefined | null, fallback = JAKARTA_OFFSET): number {
  if (zone === undefined || zone === null || zone === '') return fallback;
  const offset = utcOffsetMinutes(zone);
  return offset === null ? fallback : offset;
}

/** `WIB`, `WITA`, `WIT`, or `UTC+7` style for other offsets. */
export function zoneLabel(offset: number): string {
  const label = ZONE_LABELS[offset];
  if (label) return label;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? ':' + pad2(minutes) : ''}`;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export function localParts(ms: number, offset: number): LocalParts {
  const d = new Date(ms + offset * MINUTE_MS);
  const day = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: day === 0 ? 7 : day,
  };
}

/** The local calendar date as `yyyy-mm-dd`. */
export function localDateKey(ms: number, offset: number): string {
  const p = localParts(ms, offset);
  return toYmd(p.year, p.month, p.day);
}

/** Minutes since local midnight. */
export function localMinuteOfDay(ms: number, offset: number): number {
  const p = localParts(ms, offset);
  return p.hour * 60 + p.minute;
}

/**
 * Epoch ms of a local wall-clock time. The offset is required (pass `undefined` for hour or
 * minute to use 0). Out-of-range fields roll over like `Date.UTC`.
 */
export function fromLocal(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  offset: number,
): number {
  return Date.UTC(year, month - 1, day, hour, minute) - offset * MINUTE_MS;
}

/** Epoch ms of `hhmm` (e.g. `07:00`, default midnight) on the local date `ymd`. */
export function localMs(ymd: string, hhmm: string | number, offset: number): number {
  const date = parseYmdStrict(ymd);
  const minutes = typeof hhmm === 'number' ? hhmm : parseHhMm(hhmm);
  if (minutes === null) throw new RangeError(`invalid time: ${String(hhmm)}`);
  return fromLocal(date.year, date.month, date.day, 0, minutes, offset);
}

export function toYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `{year, month, day}` of a valid `yyyy-mm-dd` date, else null. */
export function parseYmd(ymd: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidYmd(ymd: string): boolean {
  return parseYmd(ymd) !== null;
}

function parseYmdStrict(ymd: string): { year: number; month: number; day: number } {
  const date = parseYmd(ymd);
  if (!date) throw new RangeError(`invalid date: ${ymd}`);
  return date;
}

/** Days since 1970-01-01 of a calendar date. */
export function epochDay(ymd: string): number {
  const { year, month, day } = parseYmdStrict(ymd);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromEpochDay(days: number): string {
  const d = new Date(days * DAY_MS);
  return toYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The calendar date `n` days after (or before, when negative) `ymd`. */
export function addDays(ymd: string, n: number): string {
  return fromEpochDay(epochDay(ymd) + n);
}

/** Whole days from `fromYmd` to `toYmd` (negative when `toYmd` is earlier). */
export function daysBetween(fromYmd: string, toYmd: string): number {
  return epochDay(toYmd) - epochDay(fromYmd);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(ymd: string): number {
  // 1970-01-01 was a Thursday (4).
  return mod(epochDay(ymd) + 3, 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Minutes since midnight of `HH:MM` (also `H:MM`, `HH.MM`); `24:00` is allowed as the end of a
 * day. Null when invalid.
 */
export function parseHhMm(text: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours === 24 && minutes === 0) return 1440;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** `HH:MM` of minutes since midnight. */
export function formatHhMm(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * Formats a local time with the tokens `yyyy`, `yy`, `MM`, `dd`, `HH`, `mm`, `ss`; any other
 * character is kept as is.
 */
export function formatLocal(ms: number, offset: number, pattern: string): string {
  const p = localParts(ms, offset);
  return pattern.replace(/yyyy|yy|MM|dd|HH|mm|ss/g, (token) => {
    switch (token) {
      case 'yyyy':
        return String(p.year).padStart(4, '0');
      case 'yy':
        return pad2(p.year % 100);
      case 'MM':
        return pad2(p.month);
      case 'dd':
        return pad2(p.day);
      case 'HH':
        return pad2(p.hour);
      case 'mm':
        return pad2(p.minute);
      default:
        return pad2(p.second);
    }
  });
}

/** ISO 8601 local time with offset, e.g. `2026-11-23T07:00:00+07:00` (for sidebar JSON). */
export function toIsoLocal(ms: number, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return formatLocal(ms, offset, 'yyyy-MM-ddTHH:mm:ss') + zone;
}

/** Indonesian long date of a calendar date: `23 November 2026`. */
export function formatDateLongId(ymd: string): string {
  const { year, month, day } = parseYmdStrict(ymd);
  return `${day} ${BULAN[month]} ${year}`;
}

/** Indonesian day name of a calendar date: `Senin`. */
export function dayNameOf(ymd: string): string {
  return HARI[weekdayOf(ymd)];
}

/** Indonesian clock time: `07.00` (Indonesian writes a dot between hours and minutes). */
export function formatTimeId(minutes: number): string {
  return formatHhMm(minutes).replace(':', '.');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
