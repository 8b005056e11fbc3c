import {
  addDays,
  daysBetween,
  formatDateLongId,
  formatLocal,
  fromLocal,
  JAKARTA_OFFSET,
  localDateKey,
  localMs,
  localParts,
  parseHhMm,
  parseYmd,
  resolveOffset,
  toIsoLocal,
  utcOffsetMinutes,
  weekdayOf,
  zoneLabel,
} from '../../../src/domain/time';
import { runInTz } from './run-in-tz';

describe('utcOffsetMinutes', () => {
  it('knows the three Indonesian zones by name', () => {
    expect(utcOffsetMinutes('Asia/Jakarta')).toBe(420);
    expect(utcOffsetMinutes('Asia/Makassar')).toBe(480);
    expect(utcOffsetMinutes('Asia/Jayapura')).toBe(540);
    expect(utcOffsetMinutes('asia/jakarta')).toBe(420);
    expect(utcOffsetMinutes('WIB')).toBe(420);
    expect(utcOffsetMinutes('WITA')).toBe(480);
    expect(utcOffsetMinutes('WIT')).toBe(540);
  });

  it('reads offset texts and minutes', () => {
    expect(utcOffsetMinutes('+07:00')).toBe(420);
    expect(utcOffsetMinutes('+0700')).toBe(420);
    expect(utcOffsetMinutes('UTC+7')).toBe(420);
    expect(utcOffsetMinutes('GMT+08:00')).toBe(480);
    expect(utcOffsetMinutes('-03:30')).toBe(-210);
    expect(utcOffsetMinutes('Etc/GMT-7')).toBe(420);
    expect(utcOffsetMinutes('UTC')).toBe(0);
    expect(utcOffsetMinutes(540)).toBe(540);
  });

  it('returns null for unknown zones and falls back to Jakarta in resolveOffset', () => {
    expect(utcOffsetMinutes('Europe/Atlantis')).toBeNull();
    expect(utcOffsetMinutes('+25:00')).toBeNull();
    expect(utcOffsetMinutes(10000)).toBeNull();
    expect(resolveOffset('Europe/Atlantis')).toBe(JAKARTA_OFFSET);
    expect(resolveOffset('')).toBe(JAKARTA_OFFSET);
    expect(resolveOffset(undefined)).toBe(JAKARTA_OFFSET);
    expect(resolveOffset('Asia/Jayapura')).toBe(540);
  });

  it('labels zones WIB, WITA, WIT and others as UTC±h', () => {
    expect(zoneLabel(420)).toBe('WIB');
    expect(zoneLabel(480)).toBe('WITA');
    expect(zoneLabel(540)).toBe('WIT');
    expect(zoneLabel(0)).toBe('UTC+0');
    expect(zoneLabel(-210)).toBe('UTC-3:30');
  });
});

describe('local time', () => {
  // 2026-11-20T10:00:00Z is Friday 17:00 in Jakarta.
  const ms = Date.UTC(2026, 10, 20, 10, 0, 0);

  it('splits a moment into local parts with ISO weekday', () => {
    expect(localParts(ms, 420)).toEqual({
      year: 2026,
      month: 11,
      day: 20,
      hour: 17,
      minute: 0,
      second: 0,
      weekday: 5,
    });
    expect(localParts(Date.UTC(2026, 10, 22, 0, 0), 420).weekday).toBe(7);
  });

  it('crosses the date line by offset: 20:00 UTC on 31 Dec is already 1 Jan in Jakarta', () => {
    const newYear = Date.UTC(2025, 11, 31, 20, 0);
    expect(localDateKey(newYear, 420)).toBe('2026-01-01');
    expect(localDateKey(newYear, 0)).toBe('2025-12-31');
  });

  it('fromLocal is the inverse of localParts', () => {
    expect(fromLocal(2026, 11, 20, 17, 0, 420)).toBe(ms);
    expect(fromLocal(2026, 1, 1, undefined, undefined, 420)).toBe(Date.UTC(2025, 11, 31, 17, 0));
    expect(localMs('2026-11-20', '17:00', 420)).toBe(ms);
    expect(localMs('2026-11-20', '17:00', 480)).toBe(ms - 3_600_000);
  });

  it('formats with yyyy MM dd HH mm ss and yy', () => {
    expect(formatLocal(ms, 420, 'dd/MM/yyyy HH:mm')).toBe('20/11/2026 17:00');
    expect(formatLocal(ms + 5_000, 420, 'yyyy-MM-dd HH:mm:ss')).toBe('2026-11-20 17:00:05');
    expect(formatLocal(ms, 420, 'yyMM')).toBe('2611');
    expect(toIsoLocal(ms, 420)).toBe('2026-11-20T17:00:00+07:00');
  });

  it('does not depend on the machine time zone', () => {
    const result = runInTz(
      'America/Los_Angeles',
      "import { formatLocal, fromLocal, weekdayOf } from './src/domain/time';" +
        'console.log(JSON.stringify([new Date(0).getTimezoneOffset(),' +
        " formatLocal(Date.UTC(2026, 10, 20, 10), 420, 'yyyy-MM-dd HH:mm')," +
        " fromLocal(2026, 11, 20, 17, 0, 420), weekdayOf('2026-11-20')]));",
    );
    expect(result).toEqual([480, '2026-11-20 17:00', ms, 5]);
  });
});

describe('calendar dates', () => {
  it('adds days across month, leap-day and year boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-11-22', -14)).toBe('2026-11-08');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2028-01-01', '2028-12-31')).toBe(365);
    expect(daysBetween('2026-11-22', '2026-11-08')).toBe(-14);
  });

  it('gives ISO weekdays 1 = Monday … 7 = Sunday', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(weekdayOf('2027-01-03')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
  });

  it('validates yyyy-mm-dd dates', () => {
    expect(parseYmd('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseYmd('2026-02-29')).toBeNull();
    expect(parseYmd('2026-13-01')).toBeNull();
    expect(parseYmd('26-11-20')).toBeNull();
  });

  it('parses HH:MM times', () => {
    expect(parseHhMm('07:00')).toBe(420);
    expect(parseHhMm('7:30')).toBe(450);
    expect(parseHhMm('17.00')).toBe(1020);
    expect(parseHhMm('24:00')).toBe(1440);
    expect(parseHhMm('24:01')).toBeNull();
    expect(parseHhMm('7')).toBeNull();
    expect(parseHhMm('07:60')).toBeNull();
  });

  it('writes long dates in Indonesian', () => {
    expect(formatDateLongId('2026-11-23')).toBe('23 November 2026');
    expect(formatDateLongId('2027-01-04')).toBe('4 Januari 2027');
  });
});
