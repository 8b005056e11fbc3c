/**
 * Time zones, Java SimpleDateFormat (Utilities.formatDate) and Sheets date serials.
 * Time zones: IANA names through Intl, plus fixed offsets written "UTC", "GMT", "GMT+7",
 * "GMT+07:00" (what Java's TimeZone accepts). Anything else is rejected.
 */
import { GasError } from './errors';

const MS_MIN = 60_000;
const MS_DAY = 86_400_000;
/** Days between the Sheets epoch (1899-12-30) and the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25_569;

const dtfCache = new Map<string, Intl.DateTimeFormat>();

function fixedOffsetMinutes(tz: string): number | null {
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Z' || tz === 'Etc/UTC' || tz === 'Etc/GMT') return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function dtf(tz: string): Intl.DateTimeFormat | null {
  let f = dtfCache.get(tz);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  dtfCache.set(tz, f);
  return f;
}

export function isValidTimeZone(tz: unknown): tz is string {
  return typeof tz === 'string' && tz !== '' && (fixedOffsetMinutes(tz) !== null || dtf(tz) !== null);
}

export function assertTimeZone(tz: unknown, what = 'timeZone'): string {
  if (!isValidTimeZone(tz)) throw new GasError(`Invalid argument: ${what}`);
  return tz;
}

/** Offset of `tz` from UTC at instant `ms`, in ms (exact: 1899 local mean times have seconds). */
export function offsetMs(ms: number, tz: string): number {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) return fixed * MS_MIN;
  // Offsets change on quarter-hour boundaries: cache per 15-minute bucket.
  const key = `${tz}|${Math.floor(ms / 900_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const off = computeOffsetMs(ms, tz);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

const offsetCache = new Map<string, number>();

function computeOffsetMs(ms: number, tz: string): number {
  const f = dtf(tz);
  if (!f) throw new GasError(`Invalid argument: timeZone`);
  const p: Record<string, number> = {};
  const whole = Math.floor(ms / 1000) * 1000;
  for (const part of f.formatToParts(new Date(whole))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return asUtc - whole;
}

/** Offset of `tz` from UTC at instant `ms`, in whole minutes (Asia/Jakarta: 420). */
export function offsetMinutes(ms: number, tz: string): number {
  return Math.round(offsetMs(ms, tz) / MS_MIN);
}

export interface ZonedParts {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  offsetMinutes: number;
}

export function zonedParts(ms: number, tz: string): ZonedParts {
  const off = offsetMs(ms, tz);
  const d = new Date(ms + off);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes: Math.round(off / MS_MIN),
  };
}

/** Epoch ms of a wall-clock time in `tz` (month 1..12). */
export function zonedToEpoch(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const guess = wall - offsetMs(wall, tz);
  return wall - offsetMs(guess, tz);
}

/** Sheets serial number (days since 1899-12-30, wall clock of `tz`). */
export function epochToSerial(ms: number, tz: string): number {
  return (ms + offsetMs(ms, tz)) / MS_DAY + SERIAL_EPOCH_DAYS;
}

export function serialToEpoch(serial: number, tz: string): number {
  const wall = Math.round((serial - SERIAL_EPOCH_DAYS) * MS_DAY);
  const d = new Date(wall);
  return zonedToEpoch(
    tz,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

const TZ_NAMES: Record<string, [string, string]> = {
  'Asia/Jakarta': ['WIB', 'Western Indonesia Time'],
  'Asia/Pontianak': ['WIB', 'Western Indonesia Time'],
  'Asia/Makassar': ['WITA', 'Central Indonesia Time'],
  'Asia/Jayapura': ['WIT', 'Eastern Indonesia Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
};

function offsetString(off: number, colon: boolean): string {
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return sign + pad(Math.floor(a / 60), 2) + (colon ? ':' : '') + pad(a % 60, 2);
}

function zoneName(tz: string, off: number, long: boolean): string {
  const known = TZ_NAMES[tz];
  if (known) return long ? known[1] : known[0];
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) return fixed === 0 ? 'GMT' : 'GMT' + offsetString(fixed, true);
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      timeZoneName: long ? 'long' : 'short',
    }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT' + offsetString(off, true);
  } catch {
    return 'GMT' + offsetString(off, true);
  }
}

/** ISO-8601-free "week of year" as Java's US locale computes it (weeks start Sunday). */
function usWeekOfYear(p: ZonedParts): number {
  const jan1 = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
  const dayOfYear = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / MS_DAY);
  return Math.floor((dayOfYear + jan1) / 7) + 1;
}

/** One field of a Java SimpleDateFormat pattern: the letter `ch`, `n` times. */
function javaDateField(ch: string, n: number, p: ZonedParts, tz: string): string {
  switch (ch) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L':
      return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
    case 'w':
      return pad(usWeekOfYear(p), n);
    case 'd':
      return pad(p.day, n);
    case 'D': {
      const doy = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / MS_DAY) + 1;
      return pad(doy, n);
    }
    case 'E':
      return n >= 4 ? WEEKDAYS[p.weekday] : WEEKDAYS[p.weekday].slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.millisecond, n);
    case 'z':
      return zoneName(tz, p.offsetMinutes, n >= 4);
    case 'Z':
      return offsetString(p.offsetMinutes, false);
    case 'X':
      if (p.offsetMinutes === 0) return 'Z';
      if (n === 1) return offsetString(p.offsetMinutes, false).slice(0, 3);
      return offsetString(p.offsetMinutes, n >= 3);
    default:
      throw new GasError(`Illegal pattern character '${ch}'`);
  }
}

/**
 * Utilities.formatDate: Java SimpleDateFormat in the en_US locale.
 * Supported letters: G y Y M L w d D E u a H k K h m s S z Z X, quoted literals and ''.
 */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const p = zonedParts(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new GasError(`Unterminated quote in pattern: ${pattern}`);
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    out += javaDateField(ch, n, p, tz);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sheets number formats (display values)
// ---------------------------------------------------------------------------------------------

/** What Range.getNumberFormat() answers for a cell with the "Automatic" format. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

function isDateFormat(fmt: string): boolean {
  const stripped = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[yYdDhHsS]|m{1,5}/i.test(stripped) && !/^[#0.,%E+-]*$/.test(stripped);
}

/** Renders a Sheets date/time pattern (yyyy, yy, m, mm, mmm, mmmm, d, dd, ddd, dddd, h, hh, s, ss, AM/PM). */
export function formatSheetsDate(ms: number, tz: string, fmt: string): string {
  const p = zonedParts(ms, tz);
  type Tok = { k: string; n: number } | { lit: string };
  const toks: Tok[] = [];
  let i = 0;
  const hasAmPm = /AM\/PM|am\/pm|A\/P|a\/p/.test(fmt);
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      toks.push({ lit: fmt.slice(i + 1, end < 0 ? fmt.length : end) });
      i = end < 0 ? fmt.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      toks.push({ lit: fmt[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (fmt.startsWith('AM/PM', i) || fmt.startsWith('am/pm', i)) {
      toks.push({ lit: p.hour < 12 ? 'AM' : 'PM' });
      i += 5;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ymdhs'.includes(lower)) {
      let n = 1;
      while (fmt[i + n] && fmt[i + n].toLowerCase() === lower) n++;
      toks.push({ k: lower, n });
      i += n;
      continue;
    }
    if (ch === '.' && fmt[i + 1] === '0') {
      let n = 0;
      while (fmt[i + 1 + n] === '0') n++;
      toks.push({ k: 'ms', n });
      i += 1 + n;
      continue;
    }
    toks.push({ lit: ch });
    i++;
  }
  // "m" next to an hour or a second means minutes.
  const kinds = toks.map((t) => ('k' in t ? t.k : null));
  let out = '';
  toks.forEach((t, idx) => {
    if ('lit' in t) {
      out += t.lit;
      return;
    }
    const { k, n } = t;
    if (k === 'y') out += n <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4);
    else if (k === 'm') {
      const prev = kinds
        .slice(0, idx)
        .reverse()
        .find((x) => x !== null);
      const next = kinds.slice(idx + 1).find((x) => x !== null);
      const isMinute = n <= 2 && (prev === 'h' || next === 's');
      if (isMinute) out += pad(p.minute, n);
      else if (n >= 5) out += MONTHS[p.month - 1][0];
      else if (n === 4) out += MONTHS[p.month - 1];
      else if (n === 3) out += MONTHS[p.month - 1].slice(0, 3);
      else out += pad(p.month, n);
    } else if (k === 'd') {
      if (n >= 4) out += WEEKDAYS[p.weekday];
      else if (n === 3) out += WEEKDAYS[p.weekday].slice(0, 3);
      else out += pad(p.day, n);
    } else if (k === 'h') {
      const h = hasAmPm ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      out += pad(h, n);
    } else if (k === 's') out += pad(p.second, n);
    else if (k === 'ms') out += '.' + pad(p.millisecond, 3).slice(0, n);
  });
  return out;
}

function formatNumberPattern(n: number, fmt: string): string {
  const sections = fmt.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  // Split literal prefix / numeric core / suffix.
  let prefix = '';
  let suffix = '';
  let core = '';
  let i = 0;
  let inCore = false;
  let coreDone = false;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const lit = section.slice(i + 1, end < 0 ? section.length : end);
      if (inCore) coreDone = true;
      if (coreDone) suffix += lit;
      else prefix += lit;
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      const lit = section[i + 1] ?? '';
      if (inCore) coreDone = true;
      if (coreDone) suffix += lit;
      else prefix += lit;
      i += 2;
      continue;
    }
    if (!coreDone && /[0#?,.]/.test(ch)) {
      inCore = true;
      core += ch;
    } else {
      if (inCore) coreDone = true;
      if (ch === '%') value *= 100;
      if (ch !== '_' && ch !== '*') {
        if (coreDone) suffix += ch;
        else prefix += ch;
      }
    }
    i++;
  }
  if (!core) return prefix + suffix;
  const [intPat, decPat = ''] = core.split('.');
  const decimals = (decPat.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPat.match(/0/g) ?? []).length;
  const grouping = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  let s = Math.abs(value).toFixed(decimals);
  let [ip, dp = ''] = s.split('.');
  while (dp.length > minDecimals && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  while (ip.length < minInt) ip = '0' + ip;
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  s = ip + (dp ? '.' + dp : '');
  const negative = value < 0 && Number(s.replace(/,/g, '')) !== 0;
  return (negative ? '-' : '') + prefix + s + suffix;
}

/** Sheets "Automatic" rendering of a number. */
export function formatAutomaticNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a !== 0 && (a >= 1e15 || a < 1e-9)) {
    return n
      .toExponential(2)
      .toUpperCase()
      .replace(/E\+?(-?)(\d)$/, 'E+$1$2')
      .replace('E+-', 'E-');
  }
  return String(Number(n.toPrecision(15)));
}

/** Display text of a stored value under number format `fmt` (null = Automatic). */
export function displayValue(
  value: string | number | boolean | null | undefined,
  isDateValue: boolean,
  fmt: string | null | undefined,
  tz: string,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const f = fmt && fmt !== DEFAULT_NUMBER_FORMAT && fmt !== 'General' ? fmt : null;
  if (isDateValue) {
    if (f && f !== '@' && isDateFormat(f)) return formatSheetsDate(value, tz, f);
    if (f && f !== '@') return formatNumberPattern(epochToSerial(value, tz), f);
    const serial = epochToSerial(value, tz);
    if (serial >= 0 && serial < 1) return formatSheetsDate(value, tz, 'hh:mm:ss');
    const p = zonedParts(value, tz);
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatSheetsDate(value, tz, midnight ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
  }
  if (f && f !== '@') {
    if (isDateFormat(f)) return formatSheetsDate(serialToEpoch(value, tz), tz, f);
    return formatNumberPattern(value, f);
  }
  return formatAutomaticNumber(value);
}
