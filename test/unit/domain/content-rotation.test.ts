import {
  type BankTopic,
  contentIdFor,
  contentSettingsFrom,
  contentTasks,
  DEFAULT_CONTENT_SETTINGS,
  evaluationDate,
  nextReminderAt,
  nextTopic,
  nextWorkingDay,
  parseWeekday,
  publicationDatesBetween,
  publicationsToPlan,
  publicationTheme,
  reminderDigest,
  type ReminderTask,
  type Speaker,
  speakerLabel,
  suggestSpeakers,
  taskCode,
  taskDueMs,
  themeRepeat,
} from '../../../src/domain/content';
import { DEFAULT_HOURS } from '../../../src/domain/hours';
import { daysBetween, localMs, weekdayOf } from '../../../src/domain/time';

const S = DEFAULT_CONTENT_SETTINGS;
const ALT = { ...S, themeRule: 'selang-seling' as const };
const WIB = 420;

describe('settings of the content programme (Pengaturan)', () => {
  it('reads weekday names and numbers', () => {
    expect(parseWeekday('Minggu')).toBe(7);
    expect(parseWeekday(' kamis ')).toBe(4);
    expect(parseWeekday('6')).toBe(6);
    expect(parseWeekday('Senin-Jumat')).toBeNull();
    expect(parseWeekday('')).toBeNull();
  });

  it('falls back to the SOP defaults for empty or invalid values', () => {
    expect(contentSettingsFrom({})).toMatchObject({
      publicationWeekday: 7,
      evaluationWeekday: 4,
      evaluationMinDays: 4,
      leadDays: 14,
      themeRule: 'iso',
    });
    expect(
      contentSettingsFrom({
        publicationWeekday: 'Sabtu',
        evaluationWeekday: 'Jumat',
        evaluationMinDays: '6',
        themeRule: 'Selang-Seling',
      }),
    ).toMatchObject({
      publicationWeekday: 6,
      evaluationWeekday: 5,
      evaluationMinDays: 6,
      themeRule: 'selang-seling',
    });
    expect(contentSettingsFrom({ evaluationMinDays: 'x', themeRule: 'acak' })).toMatchObject({
      evaluationMinDays: 4,
      themeRule: 'iso',
    });
  });
});

describe('themes and dates across year boundaries', () => {
  it('2026→2027 (53 ISO weeks): two UKM Sundays in a row under the ISO rule, and the row says so', () => {
    const sundays = publicationDatesBetween('2026-12-20', '2027-01-17', S);
    expect(sundays.map(contentIdFor)).toEqual([
      'KONTEN-2026-W51',
      'KONTEN-2026-W52',
      'KONTEN-2026-W53',
      'KONTEN-2027-W01',
      'KONTEN-2027-W02',
    ]);
    expect(sundays.map((d) => publicationTheme(d, S).theme)).toEqual([
      'UKM',
      'Koperasi',
      'UKM',
      'UKM',
      'Koperasi',
    ]);
    expect(sundays.map((d) => themeRepeat(d, S) !== null)).toEqual([false, false, false, true, false]);
    expect(themeRepeat('2027-01-10', S)).toEqual({
      theme: 'UKM',
      previousWeek: '2026-W53',
      week: '2027-W01',
      year: 2026,
    });
  });

  it('2026→2027 under selang-seling: strict alternation, never a repeat', () => {
    const sundays = publicationDatesBetween('2026-12-20', '2027-01-17', ALT);
    expect(sundays.map((d) => publicationTheme(d, ALT).theme)).toEqual([
      'UKM',
      'Koperasi',
      'UKM',
      'Koperasi',
      'UKM',
    ]);
    expect(sundays.every((d) => themeRepeat(d, ALT) === null)).toBe(true);
  });

  it('2027→2028 (a normal boundary): no repeat, both rules alternate', () => {
    const sundays = publicationDatesBetween('2027-12-12', '2028-01-16', S);
    expect(sundays.map(contentIdFor)).toEqual([
      'KONTEN-2027-W49',
      'KONTEN-2027-W50',
      'KONTEN-2027-W51',
      'KONTEN-2027-W52',
      'KONTEN-2028-W01',
      'KONTEN-2028-W02',
    ]);
    const iso = sundays.map((d) => publicationTheme(d, S).theme);
    expect(iso).toEqual(['UKM', 'Koperasi', 'UKM', 'Koperasi', 'UKM', 'Koperasi']);
    expect(sundays.every((d) => themeRepeat(d, S) === null)).toBe(true);
    // selang-seling is one step off after 2026-W53, and still alternates.
    const alt = sundays.map((d) => publicationTheme(d, ALT).theme);
    alt.slice(1).forEach((t, i) => expect(t).not.toBe(alt[i]));
  });

  it('plans the publication at H-14 even when the year changes in between', () => {
    expect(publicationsToPlan('2026-12-20', S)).toEqual(['2026-12-20', '2026-12-27', '2027-01-03']);
    expect(publicationsToPlan('2026-12-21', S)).toEqual(['2026-12-27', '2027-01-03']);
  });
});

describe('task due dates for a whole quarter (Q1 2027, 13 Sundays)', () => {
  const sundays = publicationDatesBetween('2027-01-01', '2027-03-31', S);

  it('has 13 publications, each with 16 tasks in their SOP order of days', () => {
    expect(sundays).toHaveLength(13);
    for (const h of sundays) {
      const tasks = contentTasks(h, S);
      expect(tasks).toHaveLength(16);
      const offset = (key: string): number => daysBetween(h, tasks.find((t) => t.key === key)!.due.ymd);
      expect(offset('search-topic')).toBe(-14);
      expect(offset('contact-speaker')).toBe(-14);
      expect(offset('narrative')).toBe(-12);
      expect(offset('design')).toBe(-7);
      for (const key of ['check', 'publish', 'qna', 'live']) expect(offset(key)).toBe(0);
      for (let d = 1; d <= 5; d++) expect(offset(`monitor-${d}`)).toBe(d);
      expect(offset('feedback')).toBe(3);
      // Thursday H+4 for a Sunday publication.
      expect(offset('evaluation')).toBe(4);
      expect(weekdayOf(evaluationDate(h, S))).toBe(4);
      expect(offset('record-evaluation')).toBe(4);
    }
  });

  it('gives each task a unique code across the quarter and a due time in WIB', () => {
    const codes = sundays.flatMap((h) => contentTasks(h, S).map((t) => taskCode(contentIdFor(h), t.key)));
    expect(new Set(codes).size).toBe(13 * 16);
    const live = contentTasks('2027-02-07', S).find((t) => t.key === 'live')!;
    expect(taskDueMs(live, WIB)).toBe(Date.parse('2027-02-07T06:00:00Z'));
    const design = contentTasks('2027-02-07', S).find((t) => t.key === 'design')!;
    expect(taskDueMs(design, WIB)).toBe(Date.parse('2027-01-30T17:00:00Z'));
  });

  it('evaluates on the first Thursday at least 6 days after when so configured', () => {
    const six = { ...S, evaluationMinDays: 6 };
    for (const h of sundays) {
      const ev = evaluationDate(h, six);
      expect(weekdayOf(ev)).toBe(4);
      expect(daysBetween(h, ev)).toBe(11);
    }
  });
});

describe('picking the next topic from Bank Topik', () => {
  const t = (row: number, topic: string, theme: string, status = 'Tersedia'): BankTopic => ({
    row,
    topic,
    theme,
    status,
  });

  it('finds nothing in an empty bank', () => {
    expect(nextTopic([], 'UKM', [])).toBeNull();
  });

  it('takes the first unused topic of the theme in the team’s order', () => {
    const bank = [t(2, 'RAT koperasi', 'Koperasi'), t(3, 'Izin usaha NIB', 'UKM'), t(4, 'Modal KUR', 'UKM')];
    expect(nextTopic(bank, 'UKM', [])?.topic).toBe('Izin usaha NIB');
    expect(nextTopic(bank, 'Koperasi', [])?.topic).toBe('RAT koperasi');
  });

  it('follows a reordered bank', () => {
    const bank = [t(2, 'Modal KUR', 'UKM'), t(3, 'Izin usaha NIB', 'UKM')];
    expect(nextTopic(bank, 'UKM', [])?.row).toBe(2);
  });

  it('skips topics marked Dipakai, already on the calendar, blank or of the other theme', () => {
    const bank = [
      t(2, 'Modal KUR', 'UKM', 'Dipakai'),
      t(3, '', 'UKM'),
      t(4, 'Izin Usaha NIB', ' ukm '),
      t(5, 'Sertifikasi halal', 'UKM'),
    ];
    expect(nextTopic(bank, 'UKM', ['izin usaha  nib'])?.topic).toBe('Sertifikasi halal');
    expect(nextTopic(bank, 'UKM', ['Sertifikasi halal', 'Izin usaha NIB'])).toBeNull();
    expect(nextTopic(bank, 'Koperasi', [])).toBeNull();
  });
});

describe('speaker suggestions (Narasumber)', () => {
  const sp = (row: number, name: string, kind: string, lastFeatured = '', contactStatus = ''): Speaker => ({
    row,
    name,
    organisation: `Org ${row}`,
    kind,
    position: 'Ketua',
    contact: '',
    contactStatus,
    lastFeatured,
  });
  const speakers = [
    sp(2, 'Bu Ani', 'Koperasi', '2026-10-04'),
    sp(3, 'Pak Budi', 'UKM'),
    sp(4, 'Pak Cecep', 'Koperasi'),
    sp(5, 'Bu Dewi', 'Koperasi', '2026-03-01'),
    sp(6, 'Pak Eko', 'Koperasi', '', 'Menolak'),
  ];

  it('suggests speakers of the theme not featured recently, never-featured first', () => {
    const names = suggestSpeakers(speakers, 'Koperasi', '2026-11-29', []).map((s) => s.name);
    expect(names).toEqual(['Pak Cecep', 'Bu Dewi']);
  });

  it('counts speakers already named on upcoming calendar rows as featured', () => {
    const calendar = [{ speaker: speakerLabel(speakers[2]), ymd: '2026-12-13' }];
    const names = suggestSpeakers(speakers, 'Koperasi', '2026-11-29', calendar).map((s) => s.name);
    expect(names).toEqual(['Bu Dewi']);
  });

  it('suggests again after the rest period', () => {
    const names = suggestSpeakers(speakers, 'Koperasi', '2027-03-07', []).map((s) => s.name);
    expect(names).toEqual(['Pak Cecep', 'Bu Dewi', 'Bu Ani']);
  });
});

describe('morning reminders', () => {
  const hours = { ...DEFAULT_HOURS, holidays: ['2026-12-25'] };
  const at = (ymd: string, hhmm: string): number => localMs(ymd, hhmm, WIB);

  it('is due at the reminder hour of a working day, once', () => {
    expect(nextReminderAt(at('2026-11-23', '05:00'), 7, hours, '')).toBe(at('2026-11-23', '07:00'));
    expect(nextReminderAt(at('2026-11-23', '07:01'), 7, hours, '')).toBe(at('2026-11-23', '07:01'));
    expect(nextReminderAt(at('2026-11-23', '07:01'), 7, hours, '2026-11-23')).toBe(at('2026-11-24', '07:00'));
  });

  it('skips weekends and holidays', () => {
    expect(nextReminderAt(at('2026-11-27', '08:00'), 7, hours, '2026-11-27')).toBe(at('2026-11-30', '07:00'));
    expect(nextReminderAt(at('2026-12-24', '09:00'), 7, hours, '2026-12-24')).toBe(at('2026-12-28', '07:00'));
    expect(nextWorkingDay('2026-12-24', hours)).toBe('2026-12-28');
  });

  const task = (team: string, dueYmd: string, done = false, dueTime = ''): ReminderTask => ({
    contentId: 'KONTEN-2026-W48',
    task: `${team} ${dueYmd}`,
    team,
    dueYmd,
    dueTime,
    done,
  });

  it('lists per team the tasks overdue and due before the next working morning', () => {
    const tasks = [
      task('Pubdisdok', '2026-11-29', false, '09:00'),
      task('Pubdisdok', '2026-11-26'),
      task('Pubdisdok', '2026-11-30'),
      task('Humas', '2026-11-20', true),
      task('Pelaksana', '2026-11-28'),
      task('Pelaksana', '2026-12-01'),
    ];
    // Friday: Saturday's and Sunday's tasks are in Friday's email.
    const digest = reminderDigest(tasks, '2026-11-27', hours);
    expect([...digest.keys()].sort()).toEqual(['Pelaksana', 'Pubdisdok']);
    expect(digest.get('Pubdisdok')!.overdue.map((t) => t.dueYmd)).toEqual(['2026-11-26']);
    expect(digest.get('Pubdisdok')!.due.map((t) => t.dueYmd)).toEqual(['2026-11-29']);
    expect(digest.get('Pelaksana')!.due.map((t) => t.dueYmd)).toEqual(['2026-11-28']);
  });

  it('is empty when nothing is due or late', () => {
    expect(
      reminderDigest([task('Humas', '2026-12-10'), task('Humas', '2026-11-01', true)], '2026-11-27', hours)
        .size,
    ).toBe(0);
  });
});
