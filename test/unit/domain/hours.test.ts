import {
  DEFAULT_HOURS,
  describeMoment,
  describeServiceHours,
  describeWorkDays,
  isWithinServiceHours,
  nextOpening,
  outOfHoursVars,
  parseWorkDays,
  type ServiceHours,
  servicePeriod,
  validateServiceHours,
  workingDaysBetween,
} from '../../../src/domain/hours';
import { fromLocal, localMs } from '../../../src/domain/time';
import { runInTz } from './run-in-tz';

const jkt = (ymd: string, hhmm: string): number => localMs(ymd, hhmm, 420);

describe('service hours (SOP 000 V.1)', () => {
  it('is open Friday 16:59 and closed Friday 17:00 in Jakarta', () => {
    expect(isWithinServiceHours(jkt('2026-11-20', '16:59'), DEFAULT_HOURS)).toBe(true);
    expect(isWithinServiceHours(jkt('2026-11-20', '17:00'), DEFAULT_HOURS)).toBe(false);
    expect(isWithinServiceHours(jkt('2026-11-20', '17:00') - 1, DEFAULT_HOURS)).toBe(true);
  });

  it('opens at 07:00 inclusive', () => {
    expect(isWithinServiceHours(jkt('2026-11-23', '06:59'), DEFAULT_HOURS)).toBe(false);
    expect(isWithinServiceHours(jkt('2026-11-23', '07:00'), DEFAULT_HOURS)).toBe(true);
  });

  it('gives the same answer when the machine time zone differs', () => {
    const result = runInTz(
      'America/New_York',
      "import { DEFAULT_HOURS, isWithinServiceHours } from './src/domain/hours';" +
        "import { localMs } from './src/domain/time';" +
        'console.log(JSON.stringify([new Date(0).getTimezoneOffset(),' +
        " isWithinServiceHours(localMs('2026-11-20', '16:59', 420), DEFAULT_HOURS)," +
        " isWithinServiceHours(localMs('2026-11-20', '17:00', 420), DEFAULT_HOURS)]));",
    );
    expect(result).toEqual([300, true, false]);
  });

  it('is closed on weekends and holidays', () => {
    expect(isWithinServiceHours(jkt('2026-11-21', '10:00'), DEFAULT_HOURS)).toBe(false);
    expect(isWithinServiceHours(jkt('2026-11-22', '10:00'), DEFAULT_HOURS)).toBe(false);
    const hours: ServiceHours = { ...DEFAULT_HOURS, holidays: ['2026-12-25'] };
    expect(isWithinServiceHours(jkt('2026-12-25', '10:00'), hours)).toBe(false);
    expect(isWithinServiceHours(jkt('2026-12-24', '10:00'), hours)).toBe(true);
  });

  it('uses the configured offset, not UTC', () => {
    // 01:00 UTC is 08:00 WIB (open) but 10:00 WIT.
    const ms = Date.UTC(2026, 10, 23, 1, 0);
    expect(isWithinServiceHours(ms, DEFAULT_HOURS)).toBe(true);
    expect(isWithinServiceHours(Date.UTC(2026, 10, 23, 23, 30), DEFAULT_HOURS)).toBe(false);
    expect(isWithinServiceHours(Date.UTC(2026, 10, 23, 9, 30), { ...DEFAULT_HOURS, offset: 540 })).toBe(
      false,
    );
  });
});

describe('nextOpening', () => {
  it('returns now when open', () => {
    const ms = jkt('2026-11-23', '10:15');
    expect(nextOpening(ms, DEFAULT_HOURS)).toBe(ms);
  });

  it('returns 07:00 today before opening', () => {
    expect(nextOpening(jkt('2026-11-23', '05:00'), DEFAULT_HOURS)).toBe(jkt('2026-11-23', '07:00'));
  });

  it('skips the weekend after Friday closing', () => {
    expect(nextOpening(jkt('2026-11-20', '17:00'), DEFAULT_HOURS)).toBe(jkt('2026-11-23', '07:00'));
    expect(nextOpening(jkt('2026-11-21', '12:00'), DEFAULT_HOURS)).toBe(jkt('2026-11-23', '07:00'));
  });

  it('skips holidays and weekends together (Christmas and New Year 2026→2027)', () => {
    const hours: ServiceHours = {
      ...DEFAULT_HOURS,
      holidays: ['2026-12-24', '2026-12-25', '2026-12-28', '2027-01-01'],
    };
    expect(nextOpening(jkt('2026-12-23', '18:00'), hours)).toBe(jkt('2026-12-29', '07:00'));
    expect(nextOpening(jkt('2026-12-31', '17:30'), hours)).toBe(jkt('2027-01-04', '07:00'));
  });

  it('crosses the 2025→2026 and 2027→2028 year boundaries', () => {
    const hours: ServiceHours = { ...DEFAULT_HOURS, holidays: ['2026-01-01', '2026-01-02'] };
    expect(nextOpening(jkt('2025-12-31', '20:00'), hours)).toBe(jkt('2026-01-05', '07:00'));
    // 2027-12-31 is a Friday; 2028-01-03 a Monday.
    expect(nextOpening(jkt('2027-12-31', '17:00'), DEFAULT_HOURS)).toBe(jkt('2028-01-03', '07:00'));
  });

  it('follows configured work days and hours', () => {
    const hours: ServiceHours = {
      ...DEFAULT_HOURS,
      workDays: [1, 2, 3, 4, 5, 6],
      open: '08:00',
      close: '12:00',
    };
    expect(nextOpening(jkt('2026-11-20', '12:00'), hours)).toBe(jkt('2026-11-21', '08:00'));
    expect(isWithinServiceHours(jkt('2026-11-21', '11:59'), hours)).toBe(true);
  });

  it('throws when no working day is configured', () => {
    expect(() => nextOpening(jkt('2026-11-20', '18:00'), { ...DEFAULT_HOURS, workDays: [] })).toThrow(
      RangeError,
    );
  });

  it('gives the current or next service period', () => {
    expect(servicePeriod(jkt('2026-11-23', '10:00'), DEFAULT_HOURS)).toEqual({
      opensAt: jkt('2026-11-23', '07:00'),
      closesAt: jkt('2026-11-23', '17:00'),
    });
    expect(servicePeriod(jkt('2026-11-21', '10:00'), DEFAULT_HOURS)).toEqual({
      opensAt: jkt('2026-11-23', '07:00'),
      closesAt: jkt('2026-11-23', '17:00'),
    });
  });

  it('lists working days of a period', () => {
    const hours: ServiceHours = { ...DEFAULT_HOURS, holidays: ['2026-11-25'] };
    expect(workingDaysBetween('2026-11-21', '2026-11-27', hours)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-26',
      '2026-11-27',
    ]);
  });
});

describe('parseWorkDays', () => {
  it('reads day names, numbers and lists', () => {
    expect(parseWorkDays('Senin-Jumat')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('senin s.d. jumat')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays("Senin – Jum'at")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('1,2,3,4,5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('Senin, Rabu dan Jumat')).toEqual([1, 3, 5]);
    expect(parseWorkDays('Senin-Sabtu')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseWorkDays('Jumat-Senin')).toEqual([1, 5, 6, 7]);
  });

  it('rejects what it cannot read', () => {
    expect(parseWorkDays('')).toBeNull();
    expect(parseWorkDays('weekdays')).toBeNull();
    expect(parseWorkDays('1-8')).toBeNull();
    expect(parseWorkDays('1-2-3')).toBeNull();
  });
});

describe('service hours in words', () => {
  it('describes the hours in Indonesian', () => {
    expect(describeServiceHours(DEFAULT_HOURS)).toBe('Senin–Jumat pukul 07.00–17.00 WIB');
    expect(describeWorkDays([1, 3, 5])).toBe('Senin, Rabu dan Jumat');
    expect(describeWorkDays([1, 2, 3, 5])).toBe('Senin–Rabu dan Jumat');
    expect(describeWorkDays([1, 2])).toBe('Senin dan Selasa');
  });

  it('describes the next opening for the out-of-hours answer', () => {
    expect(describeMoment(fromLocal(2026, 11, 23, 7, 0, 420), 420)).toBe(
      'Senin, 23 November 2026 pukul 07.00 WIB',
    );
    expect(outOfHoursVars(jkt('2026-11-20', '19:00'), DEFAULT_HOURS)).toEqual({
      hours: 'Senin–Jumat pukul 07.00–17.00 WIB',
      nextOpening: 'Senin, 23 November 2026 pukul 07.00 WIB',
    });
  });

  it('validates a setting', () => {
    expect(validateServiceHours(DEFAULT_HOURS)).toEqual([]);
    const problems = validateServiceHours({
      ...DEFAULT_HOURS,
      open: '7am',
      workDays: [],
      holidays: ['2026-02-30'],
    });
    expect(problems.map((p) => p.key)).toEqual([
      'settingsInvalidTime',
      'settingsInvalidWorkDays',
      'settingsInvalidDate',
    ]);
    expect(validateServiceHours({ ...DEFAULT_HOURS, open: '17:00', close: '07:00' })[0].key).toBe(
      'settingsCloseBeforeOpen',
    );
  });
});
