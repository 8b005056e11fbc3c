import {
  isoWeek,
  isoWeekLabel,
  isoWeekRange,
  isoWeekStart,
  parseIsoWeekLabel,
  weeksInYear,
  weekTheme,
} from '../../../src/domain/isoweek';
import { addDays, weekdayOf } from '../../../src/domain/time';

describe('ISO 8601 weeks', () => {
  it('numbers known dates', () => {
    expect(isoWeek('2026-11-22')).toEqual({ year: 2026, week: 47 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2025-12-28')).toEqual({ year: 2025, week: 52 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2027-12-31')).toEqual({ year: 2027, week: 52 });
    expect(isoWeek('2028-01-02')).toEqual({ year: 2027, week: 52 });
    expect(isoWeek('2028-01-03')).toEqual({ year: 2028, week: 1 });
  });

  it('2027-01-03 is 2026-W53 and 2021-01-03 is 2020-W53', () => {
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2033-01-02')).toEqual({ year: 2032, week: 53 });
  });

  it('knows which years have 53 weeks', () => {
    const long = [];
    for (let year = 2015; year <= 2034; year += 1) if (weeksInYear(year) === 53) long.push(year);
    expect(long).toEqual([2015, 2020, 2026, 2032]);
  });

  it('advances by one every Monday and restarts at week 1 (2015–2035)', () => {
    let prev = isoWeek('2014-12-31');
    for (let ymd = '2015-01-01'; ymd <= '2035-12-31'; ymd = addDays(ymd, 1)) {
      const cur = isoWeek(ymd);
      if (weekdayOf(ymd) !== 1) {
        expect(cur).toEqual(prev);
      } else if (cur.week === 1) {
        expect(prev.week).toBe(weeksInYear(prev.year));
        expect(cur.year).toBe(prev.year + 1);
      } else {
        expect(cur).toEqual({ year: prev.year, week: prev.week + 1 });
      }
      prev = cur;
    }
  });

  it('labels weeks as yyyy-Www and reads them back', () => {
    expect(isoWeekLabel('2026-11-22')).toBe('2026-W47');
    expect(isoWeekLabel('2026-01-04')).toBe('2026-W01');
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53');
    expect(parseIsoWeekLabel('2026-W47')).toEqual({ year: 2026, week: 47 });
    expect(parseIsoWeekLabel('2026w53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeekLabel('2027-W53')).toBeNull();
  });

  it('gives the Monday of a week', () => {
    expect(isoWeekStart(2026, 1)).toBe('2025-12-29');
    expect(isoWeekStart(2026, 47)).toBe('2026-11-16');
    expect(isoWeekStart(2026, 53)).toBe('2026-12-28');
    expect(isoWeekStart(2027, 1)).toBe('2027-01-04');
    expect(isoWeekStart(2025, 1)).toBe('2024-12-30');
    expect(isoWeekStart(2028, 1)).toBe('2028-01-03');
    expect(isoWeekStart(2020, 53)).toBe('2020-12-28');
    expect(() => isoWeekStart(2027, 53)).toThrow(RangeError);
    expect(() => isoWeekStart(2026, 0)).toThrow(RangeError);
    expect(isoWeekRange('2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
  });
});

describe('weekly theme (SOP 001: odd week UKM, even week Koperasi)', () => {
  it('gives UKM to odd and Koperasi to even ISO weeks', () => {
    expect(weekTheme('2026-11-22', 'iso')).toEqual({ theme: 'UKM', repeated: false });
    expect(weekTheme('2026-11-29', 'iso')).toEqual({ theme: 'Koperasi', repeated: false });
  });

  it('2026-12-31 and 2027-01-03 are both week 53 of 2026 and both UKM under the ISO rule', () => {
    expect(isoWeekLabel('2026-12-31')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53');
    expect(weekTheme('2026-12-31', 'iso').theme).toBe('UKM');
    expect(weekTheme('2027-01-03', 'iso')).toEqual({ theme: 'UKM', repeated: false });
  });

  it('marks the repeat after a 53-week year (2027-W01 is UKM again)', () => {
    expect(weekTheme('2026-12-27', 'iso')).toEqual({ theme: 'Koperasi', repeated: false });
    expect(weekTheme('2027-01-10', 'iso')).toEqual({ theme: 'UKM', repeated: true });
    expect(weekTheme('2027-01-17', 'iso')).toEqual({ theme: 'Koperasi', repeated: false });
    expect(weekTheme('2021-01-10', 'iso')).toEqual({ theme: 'UKM', repeated: true });
  });

  it('has no repeat across the 2025→2026 and 2027→2028 boundaries', () => {
    expect(weekTheme('2025-12-28', 'iso')).toEqual({ theme: 'Koperasi', repeated: false });
    expect(weekTheme('2026-01-04', 'iso')).toEqual({ theme: 'UKM', repeated: false });
    expect(weekTheme('2027-12-26', 'iso')).toEqual({ theme: 'UKM', repeated: false });
    expect(weekTheme('2028-01-02', 'iso')).toEqual({ theme: 'Koperasi', repeated: false });
    expect(weekTheme('2028-01-09', 'iso')).toEqual({ theme: 'UKM', repeated: false });
  });

  it('selang-seling alternates across 2026→2027', () => {
    let prev = weekTheme('2026-11-01', 'selang-seling').theme;
    for (let ymd = '2026-11-08'; ymd <= '2027-03-28'; ymd = addDays(ymd, 7)) {
      const cur = weekTheme(ymd, 'selang-seling');
      expect(cur.repeated).toBe(false);
      expect(cur.theme).not.toBe(prev);
      prev = cur.theme;
    }
  });

  it('selang-seling agrees with the ISO rule in 2026 and flips after week 53', () => {
    for (let ymd = '2026-01-04'; ymd <= '2027-01-03'; ymd = addDays(ymd, 7)) {
      expect(weekTheme(ymd, 'selang-seling').theme).toBe(weekTheme(ymd, 'iso').theme);
    }
    expect(weekTheme('2027-01-10', 'selang-seling').theme).toBe('Koperasi');
    expect(weekTheme('2027-01-17', 'selang-seling').theme).toBe('UKM');
  });

  it('selang-seling alternates across 2025→2026 and 2027→2028 too', () => {
    expect(weekTheme('2025-12-28', 'selang-seling').theme).toBe('Koperasi');
    expect(weekTheme('2025-12-21', 'selang-seling').theme).toBe('UKM');
    const a = weekTheme('2027-12-26', 'selang-seling').theme;
    const b = weekTheme('2028-01-02', 'selang-seling').theme;
    expect(a).not.toBe(b);
  });

  it('gives every day of a week the theme of that week', () => {
    for (let ymd = '2027-01-04'; ymd <= '2027-01-10'; ymd = addDays(ymd, 1)) {
      expect(weekTheme(ymd, 'selang-seling').theme).toBe('Koperasi');
      expect(weekTheme(ymd, 'iso').theme).toBe('UKM');
    }
  });

  it('follows another anchor', () => {
    // Anchored on 2027-01-10 (2027-W01, UKM), strict alternation agrees with ISO in 2027.
    expect(weekTheme('2027-01-10', 'selang-seling', '2027-01-10').theme).toBe('UKM');
    expect(weekTheme('2027-01-03', 'selang-seling', '2027-01-10').theme).toBe('Koperasi');
    expect(() => weekTheme('2027-01-10', 'selang-seling', 'bad')).toThrow(RangeError);
  });
});
