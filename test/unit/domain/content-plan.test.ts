// The rotation's decisions as a pure function (DESIGN §4 Rotation): which calendar rows to create
// or fill, which topics to mark, which tasks to add, and what to tell the team.
import {
  type BankTopic,
  type CalendarEntry,
  contentIdFor,
  contentTasks,
  DEFAULT_CONTENT_SETTINGS,
  planRotation,
  type RotationInput,
  type Speaker,
} from '../../../src/domain/content';
import { localMs } from '../../../src/domain/time';

const S = DEFAULT_CONTENT_SETTINGS;
const WIB = 420;
/** Sunday 2026-11-22 (ISO 2026-W47, odd: UKM) is H-14 of 2026-12-06 (W49, UKM). */
const TODAY = '2026-11-22';
const PUBS = ['2026-11-22', '2026-11-29', '2026-12-06'];

const topic = (row: number, name: string, theme: string, status = 'Tersedia'): BankTopic => ({
  row,
  topic: name,
  theme,
  status,
});
const speaker = (row: number, name: string, kind: string): Speaker => ({
  row,
  name,
  organisation: 'Dinas',
  kind,
  position: '',
  contact: '',
  contactStatus: '',
  lastFeatured: '',
});
const entry = (row: number, ymd: string, fields: Partial<CalendarEntry> = {}): CalendarEntry => ({
  row,
  id: contentIdFor(ymd),
  ymd,
  theme: '',
  topic: '',
  speaker: '',
  status: '',
  note: '',
  ...fields,
});
const input = (over: Partial<RotationInput> = {}): RotationInput => ({
  today: TODAY,
  settings: S,
  offset: WIB,
  calendar: [],
  bank: [],
  speakers: [],
  withTasks: new Set(),
  ...over,
});

describe('planning the rotation (planRotation)', () => {
  it('creates a row per publication up to H-14 with the theme’s next topic and speaker, and their tasks', () => {
    const bank = [topic(2, 'Modal usaha', 'UKM'), topic(3, 'RAT', 'Koperasi'), topic(4, 'Pemasaran', 'UKM')];
    const plan = planRotation(
      input({ bank, speakers: [speaker(2, 'Ani', 'UKM'), speaker(3, 'Budi', 'Koperasi')] }),
    );
    expect(plan.publications.map((p) => [p.date, p.theme, p.topic, p.change])).toEqual([
      ['2026-11-22', 'UKM', 'Modal usaha', 'dibuat'],
      ['2026-11-29', 'Koperasi', 'RAT', 'dibuat'],
      ['2026-12-06', 'UKM', 'Pemasaran', 'dibuat'],
    ]);
    expect(plan.newRows.map((r) => r.id)).toEqual(PUBS.map(contentIdFor));
    expect(plan.newRows[0]).toEqual({
      id: contentIdFor('2026-11-22'),
      publishMs: localMs('2026-11-22', '00:00', WIB),
      isoWeek: '2026-W47',
      theme: 'UKM',
      topic: 'Modal usaha',
      speaker: 'Ani (Dinas)',
      status: 'Direncanakan',
      note: '',
    });
    // A speaker is not suggested twice within 90 days: the third publication gets nobody.
    expect(plan.newRows.map((r) => r.speaker)).toEqual(['Ani (Dinas)', 'Budi (Dinas)', '']);
    expect(plan.marks).toEqual([
      { row: 2, week: '2026-W47' },
      { row: 3, week: '2026-W48' },
      { row: 4, week: '2026-W49' },
    ]);
    const perPublication = contentTasks('2026-11-22', S).length;
    expect(plan.tasks).toHaveLength(3 * perPublication);
    expect(plan.tasks[0]).toMatchObject({ contentId: contentIdFor('2026-11-22'), status: 'Belum' });
    expect(plan.tasks[0].key).toBe(`${contentIdFor('2026-11-22')}/${contentTasks('2026-11-22', S)[0].key}`);
    expect({ created: plan.created, filled: plan.filled, noTopic: plan.noTopic }).toEqual({
      created: 3,
      filled: 0,
      noTopic: 0,
    });
    expect(plan.exhausted).toEqual([]);
  });

  it('marks a row `Topik habis` with a note when the bank has no topic of its theme, and says so', () => {
    const plan = planRotation(input({ bank: [topic(2, 'RAT', 'Koperasi')] }));
    expect(plan.newRows.map((r) => [r.theme, r.topic, r.status])).toEqual([
      ['UKM', '', 'Topik habis'],
      ['Koperasi', 'RAT', 'Direncanakan'],
      ['UKM', '', 'Topik habis'],
    ]);
    expect(plan.newRows[0].note).toContain('UKM');
    expect(plan.exhausted).toEqual([
      { pub: '2026-11-22', theme: 'UKM' },
      { pub: '2026-12-06', theme: 'UKM' },
    ]);
    expect(plan.noTopic).toBe(2);
  });

  it('fills a waiting row once the bank has a topic again, keeping the team’s own note', () => {
    const empty = planRotation(input()).newRows[0].note;
    const calendar = [
      entry(2, '2026-11-22', {
        theme: 'UKM',
        status: 'Topik habis',
        note: `${empty} Dicek lagi.`,
        speaker: 'Sari',
      }),
    ];
    const plan = planRotation(
      input({ calendar, bank: [topic(5, 'Ekspor', 'UKM')], withTasks: new Set(PUBS.map(contentIdFor)) }),
    );
    expect(plan.rowUpdates[0]).toEqual({
      row: 2,
      changes: { topic: 'Ekspor', status: 'Direncanakan', note: 'Dicek lagi.' },
    });
    expect(plan.publications[0]).toMatchObject({ topic: 'Ekspor', speaker: 'Sari', change: 'diisi' });
    expect(plan.filled).toBe(1);
    expect(plan.tasks).toEqual([]);
  });

  it('repairs the mark of a topic named on the calendar, and never takes it again', () => {
    const calendar = [entry(2, '2026-11-22', { theme: 'UKM', topic: 'Modal usaha', status: 'Direncanakan' })];
    const bank = [topic(2, 'Modal usaha', 'UKM'), topic(3, 'Ekspor', 'UKM')];
    const plan = planRotation(input({ calendar, bank, withTasks: new Set([contentIdFor('2026-11-22')]) }));
    expect(plan.marks).toEqual([
      { row: 2, week: '2026-W47' },
      { row: 3, week: '2026-W49' },
    ]);
    expect(plan.newRows.map((r) => r.topic)).toEqual(['', 'Ekspor']);
    expect(plan.publications[0].change).toBe('');
  });

  it('changes none of its inputs', () => {
    const bank = [topic(2, 'Modal usaha', 'UKM')];
    const calendar = [entry(2, '2026-11-29', { topic: 'RAT', speaker: 'Budi' })];
    const withTasks = new Set<string>();
    planRotation(input({ bank, calendar, withTasks }));
    expect(bank[0].status).toBe('Tersedia');
    expect(calendar).toHaveLength(1);
    expect(withTasks.size).toBe(0);
  });

  it('plans nothing when no publication is within H-14 (a lead of zero days on a Monday)', () => {
    const plan = planRotation(input({ today: '2026-11-23', settings: { ...S, leadDays: 0 } }));
    expect(plan.publications).toEqual([]);
    expect(plan.tasks).toEqual([]);
  });
});
