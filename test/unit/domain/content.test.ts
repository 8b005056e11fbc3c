import {
  contentIdFor,
  contentTasks,
  DEFAULT_CONTENT_SETTINGS,
  engagementRate,
  evaluationDate,
  isTaskOverdue,
  nextPublicationDate,
  publicationDatesBetween,
  publicationsToPlan,
  publicationTheme,
  rotationDue,
} from '../../../src/domain/content';

const S = DEFAULT_CONTENT_SETTINGS;

describe('publication dates (SOP 001 V.1: every Sunday)', () => {
  it('lists the Sundays between two dates, both inclusive', () => {
    expect(publicationDatesBetween('2026-11-22', '2026-12-13', S)).toEqual([
      '2026-11-22',
      '2026-11-29',
      '2026-12-06',
      '2026-12-13',
    ]);
    expect(publicationDatesBetween('2026-11-23', '2026-11-28', S)).toEqual([]);
  });

  it('crosses the 2025→2026, 2026→2027 and 2027→2028 boundaries', () => {
    expect(publicationDatesBetween('2025-12-25', '2026-01-10', S)).toEqual(['2025-12-28', '2026-01-04']);
    expect(publicationDatesBetween('2026-12-25', '2027-01-10', S)).toEqual([
      '2026-12-27',
      '2027-01-03',
      '2027-01-10',
    ]);
    expect(publicationDatesBetween('2027-12-25', '2028-01-10', S)).toEqual([
      '2027-12-26',
      '2028-01-02',
      '2028-01-09',
    ]);
  });

  it('follows a configured weekday', () => {
    expect(publicationDatesBetween('2026-11-16', '2026-11-30', { ...S, publicationWeekday: 5 })).toEqual([
      '2026-11-20',
      '2026-11-27',
    ]);
    expect(nextPublicationDate('2026-11-23', S)).toBe('2026-11-29');
    expect(nextPublicationDate('2026-11-29', S)).toBe('2026-11-29');
  });

  it('names the content by its ISO week', () => {
    expect(contentIdFor('2026-11-22')).toBe('KONTEN-2026-W47');
    expect(contentIdFor('2027-01-03')).toBe('KONTEN-2026-W53');
  });

  it('takes the theme from the configured rule', () => {
    expect(publicationTheme('2027-01-10', S)).toEqual({ theme: 'UKM', repeated: true });
    expect(publicationTheme('2027-01-10', { ...S, themeRule: 'selang-seling' })).toEqual({
      theme: 'Koperasi',
      repeated: false,
    });
  });
});

describe('rotation (DESIGN §4)', () => {
  it('is due from H-14 on', () => {
    expect(rotationDue('2026-11-22', '2026-11-07', S)).toBe(false);
    expect(rotationDue('2026-11-22', '2026-11-08', S)).toBe(true);
    expect(rotationDue('2026-11-22', '2026-11-22', S)).toBe(true);
    expect(rotationDue('2027-01-03', '2026-12-20', S)).toBe(true);
    expect(rotationDue('2027-01-03', '2026-12-19', S)).toBe(false);
  });

  it('plans the publications whose H-14 has come and H has not passed', () => {
    expect(publicationsToPlan('2026-11-08', S)).toEqual(['2026-11-08', '2026-11-15', '2026-11-22']);
    expect(publicationsToPlan('2026-11-09', S)).toEqual(['2026-11-15', '2026-11-22']);
  });
});

describe('content tasks (SOP 001 Tahapan Kegiatan)', () => {
  const tasks = contentTasks('2026-11-22', S);
  const byKey = (key: string) => {
    const task = tasks.find((t) => t.key === key);
    if (!task) throw new Error(`no task ${key}`);
    return task;
  };

  it('schedules preparation at H-14, H-12 and H-7', () => {
    expect(byKey('search-topic')).toMatchObject({
      team: 'Pelaksana',
      due: { ymd: '2026-11-08' },
      step: '001/1',
    });
    expect(byKey('contact-speaker')).toMatchObject({
      team: 'Humas',
      due: { ymd: '2026-11-08' },
      step: '001/2',
    });
    expect(byKey('narrative')).toMatchObject({
      team: 'Pelaksana',
      due: { ymd: '2026-11-10' },
      step: '001/3',
    });
    expect(byKey('design')).toMatchObject({ team: 'Pubdisdok', due: { ymd: '2026-11-15' }, step: '001/4' });
  });

  it('schedules the publication day with the SOP hours and teams', () => {
    expect(byKey('check')).toMatchObject({
      team: 'Pubdisdok',
      due: { ymd: '2026-11-22', time: '08:00', until: '08:30' },
    });
    expect(byKey('publish')).toMatchObject({
      team: 'Pubdisdok',
      due: { ymd: '2026-11-22', time: '09:00', until: '09:30' },
    });
    expect(byKey('qna')).toMatchObject({
      team: 'Pubdisdok',
      due: { ymd: '2026-11-22', time: '10:00' },
      step: '001/8',
    });
    expect(byKey('live')).toMatchObject({
      team: 'Pubdisdok',
      due: { ymd: '2026-11-22', time: '13:00', until: '14:30' },
    });
  });

  it('monitors views and likes one task per day from H+1 to H+5', () => {
    const monitor = tasks.filter((t) => t.kind === 'monitor');
    expect(monitor.map((t) => t.due.ymd)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(monitor.every((t) => t.team === 'Pubdisdok')).toBe(true);
    expect(monitor[2].task).toContain('hari ke-3');
  });

  it('collects feedback at H+3 and evaluates on the first Thursday on or after H+4', () => {
    expect(byKey('feedback')).toMatchObject({ team: 'Pelaksana', due: { ymd: '2026-11-25' } });
    expect(byKey('evaluation')).toMatchObject({
      team: 'Pelaksana',
      due: { ymd: '2026-11-26' },
      step: '001/11',
    });
    expect(byKey('record-evaluation')).toMatchObject({
      team: 'Pelaksana',
      due: { ymd: '2026-11-26' },
      step: '001/12',
    });
  });

  it('moves the evaluation with its settings', () => {
    expect(evaluationDate('2026-11-22', { ...S, evaluationMinDays: 6 })).toBe('2026-12-03');
    expect(evaluationDate('2026-11-22', { ...S, evaluationWeekday: 5 })).toBe('2026-11-27');
    expect(evaluationDate('2026-11-20', { ...S, publicationWeekday: 5 })).toBe('2026-11-26');
  });

  it('keeps the tasks in date and time order with unique keys', () => {
    expect(tasks).toHaveLength(16);
    expect(new Set(tasks.map((t) => t.key)).size).toBe(16);
    const order = tasks.map((t) => `${t.due.ymd} ${t.due.time ?? '99:99'}`);
    expect([...order].sort()).toEqual(order);
    expect(tasks.slice(4, 8).map((t) => t.key)).toEqual(['check', 'publish', 'qna', 'live']);
  });

  it('writes task names in Indonesian with the theme', () => {
    expect(byKey('search-topic').task).toBe('Mencari topik konten mingguan (tema UKM)');
    expect(contentTasks('2026-11-29', S)[0].task).toContain('Koperasi');
    for (const t of tasks) expect(t.task).not.toMatch(/\{\w+\}/);
  });

  it('plans across the year boundary (publication 2027-01-03)', () => {
    const t = contentTasks('2027-01-03', S);
    expect(t[0].due.ymd).toBe('2026-12-20');
    expect(t.find((x) => x.key === 'evaluation')?.due.ymd).toBe('2027-01-07');
    expect(contentTasks('2028-01-02', S).find((x) => x.key === 'design')?.due.ymd).toBe('2027-12-26');
  });

  it('lets settings reassign a team and override a task name', () => {
    const t = contentTasks('2026-11-22', { ...S, teams: { live: 'Humas' } }, { taskLive: 'Siaran langsung' });
    expect(t.find((x) => x.key === 'live')).toMatchObject({ team: 'Humas', task: 'Siaran langsung' });
  });

  it('knows when a task is overdue', () => {
    expect(isTaskOverdue('2026-11-22', '2026-11-23', false)).toBe(true);
    expect(isTaskOverdue('2026-11-22', '2026-11-22', false)).toBe(false);
    expect(isTaskOverdue('2026-11-22', '2026-11-23', true)).toBe(false);
  });
});

describe('engagement rate', () => {
  it('is (likes + comments + saves + shares) / views', () => {
    expect(engagementRate({ views: 1000, likes: 50, comments: 10, saves: 5, shares: 5 })).toBeCloseTo(0.07);
    expect(engagementRate({ views: 200, likes: 20 })).toBeCloseTo(0.1);
  });

  it('is null when views are unknown or zero', () => {
    expect(engagementRate({ likes: 5 })).toBeNull();
    expect(engagementRate({ views: 0, likes: 5 })).toBeNull();
    expect(engagementRate({ views: null, likes: 5 })).toBeNull();
    expect(engagementRate({ views: Number.NaN })).toBeNull();
  });
});
