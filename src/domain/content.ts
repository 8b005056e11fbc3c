/**
 * SOP 001 (Instagram/TikTok programme): the weekly publication, the rotation of topics and the
 * tasks around each publication day H (DESIGN §4). Teams follow the SOP's "Pihak yang terlibat".
 */
import { type MessageKey, type MessageOverrides, render } from '../messages/id';
import { isWorkingDay, parseWorkDays, type ServiceHours } from './hours';
import {
  DEFAULT_THEME_ANCHOR,
  isoWeek,
  isoWeekLabel,
  isThemeRule,
  type ThemeRule,
  weekTheme,
} from './isoweek';
import { addDays, daysBetween, localDateKey, localMs, weekdayOf } from './time';
import {
  type Bidang,
  CONTENT_STATUS,
  type GroupName,
  SPEAKER_STATUS,
  TASK_STATUS,
  TOPIC_STATUS,
} from './types';

export interface ContentSettings {
  /** SOP 001 V.1: publication weekday, 7 = Sunday. */
  publicationWeekday: number;
  /** SOP 001 table 11: evaluation weekday, 4 = Thursday. */
  evaluationWeekday: number;
  /** The evaluation is on the first evaluation weekday at least this many days after H. */
  evaluationMinDays: number;
  /** SOP 001 table 1–2: preparation starts 14 days before H (rotation due at H-14). */
  leadDays: number;
  /** `Aturan Tema` (default `iso`). */
  themeRule?: ThemeRule;
  /** Anchor of the `selang-seling` rule (default 2026-01-04). */
  themeAnchor?: string;
  /** Re-assignment of tasks to other teams (default: as the SOP says). */
  teams?: Partial<Record<ContentTaskKind, GroupName>>;
}

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = {
  publicationWeekday: 7,
  evaluationWeekday: 4,
  evaluationMinDays: 4,
  leadDays: 14,
};

/** The kinds of task; monitoring has one task per day (`monitor-1` … `monitor-5`). */
export type ContentTaskKind =
  | 'search-topic'
  | 'contact-speaker'
  | 'narrative'
  | 'design'
  | 'check'
  | 'publish'
  | 'qna'
  | 'live'
  | 'monitor'
  | 'feedback'
  | 'evaluation'
  | 'record-evaluation';

/**
 * SOP 001 "Tahapan Kegiatan", column "Pihak yang terlibat": "Tim pelaksana" → Pelaksana,
 * "Tim Humas" → Humas, "Tim pelaksana (Pubdisdok)" → Pubdisdok.
 */
export const DEFAULT_TASK_TEAMS: Readonly<Record<ContentTaskKind, GroupName>> = {
  'search-topic': 'Pelaksana', // table 1
  'contact-speaker': 'Humas', // table 2
  narrative: 'Pelaksana', // table 3
  design: 'Pubdisdok', // table 4
  check: 'Pubdisdok', // table 5
  publish: 'Pubdisdok', // table 6
  live: 'Pubdisdok', // table 7
  qna: 'Pubdisdok', // table 8
  feedback: 'Pelaksana', // table 9
  monitor: 'Pubdisdok', // table 10
  evaluation: 'Pelaksana', // table 11
  'record-evaluation': 'Pelaksana', // table 12
};

/** Days of monitoring after H (SOP 001 table 10: "1-5 hari setelah"). */
export const MONITOR_DAYS = 5;

export interface ContentTask {
  /** Stable per publication: `search-topic`, `monitor-3`, … */
  key: string;
  kind: ContentTaskKind;
  /** Indonesian task name (from the message catalogue). */
  task: string;
  team: GroupName;
  /** Due date; `time`/`until` as `HH:MM` when the SOP gives hours. */
  due: { ymd: string; time?: string; until?: string };
  /** The row of SOP 001's "Tahapan Kegiatan" table: `001/1` … `001/12`. */
  step: string;
}

/** The publication dates from `fromYmd` to `toYmd`, both inclusive. */
export function publicationDatesBetween(fromYmd: string, toYmd: string, settings: ContentSettings): string[] {
  const dates: string[] = [];
  const first = addDays(fromYmd, (settings.publicationWeekday - weekdayOf(fromYmd) + 7) % 7);
  for (let ymd = first; ymd <= toYmd; ymd = addDays(ymd, 7)) dates.push(ymd);
  return dates;
}

/** The first publication date on or after `ymd`. */
export function nextPublicationDate(ymd: string, settings: ContentSettings): string {
  return addDays(ymd, (settings.publicationWeekday - weekdayOf(ymd) + 7) % 7);
}

/** DESIGN §4 Rotation: a publication's topic is due from H-leadDays on (also when late). */
export function rotationDue(pubYmd: string, todayYmd: string, settings: ContentSettings): boolean {
  return daysBetween(todayYmd, pubYmd) <= settings.leadDays;
}

/** The publications the rotation job should have planned by `todayYmd`: H-lead reached, H not past. */
export function publicationsToPlan(todayYmd: string, settings: ContentSettings): string[] {
  return publicationDatesBetween(todayYmd, addDays(todayYmd, settings.leadDays), settings);
}

/** The theme of a publication under the configured rule. */
export function publicationTheme(
  pubYmd: string,
  settings: ContentSettings,
): { theme: Bidang; repeated: boolean } {
  return weekTheme(pubYmd, settings.themeRule ?? 'iso', settings.themeAnchor ?? DEFAULT_THEME_ANCHOR);
}

/** `KONTEN-2026-W47`: one publication per ISO week. */
export function contentIdFor(pubYmd: string): string {
  return `KONTEN-${isoWeekLabel(pubYmd)}`;
}

/** SOP 001 table 11–12: the first evaluation weekday on or after H + evaluationMinDays. */
export function evaluationDate(pubYmd: string, settings: ContentSettings): string {
  const earliest = addDays(pubYmd, settings.evaluationMinDays);
  return addDays(earliest, (settings.evaluationWeekday - weekdayOf(earliest) + 7) % 7);
}

/**
 * The tasks of one publication, in date order. Monitoring (H+1…H+5) is one task per day, so each
 * day's figures are a task of its own and appear in that morning's reminder.
 */
export function contentTasks(
  pubYmd: string,
  settings: ContentSettings,
  overrides?: MessageOverrides,
): ContentTask[] {
  const teams = { ...DEFAULT_TASK_TEAMS, ...(settings.teams ?? {}) };
  const { theme } = publicationTheme(pubYmd, settings);
  const make = (
    key: string,
    kind: ContentTaskKind,
    message: MessageKey,
    offsetDays: number,
    step: number,
    time?: string,
    until?: string,
    vars?: Record<string, string | number>,
  ): ContentTask => {
    const due: ContentTask['due'] = { ymd: addDays(pubYmd, offsetDays) };
    if (time) due.time = time;
    if (until) due.until = until;
    return {
      key,
      kind,
      task: render(message, vars, overrides),
      team: teams[kind],
      due,
      step: `001/${step}`,
    };
  };
  const lead = settings.leadDays;
  const evaluationOffset = daysBetween(pubYmd, evaluationDate(pubYmd, settings));
  const tasks: ContentTask[] = [
    make('search-topic', 'search-topic', 'taskSearchTopic', -lead, 1, undefined, undefined, { theme }),
    make('contact-speaker', 'contact-speaker', 'taskContactSpeaker', -lead, 2),
    make('narrative', 'narrative', 'taskNarrative', -12, 3),
    make('design', 'design', 'taskDesign', -7, 4),
    make('check', 'check', 'taskCheck', 0, 5, '08:00', '08:30'),
    make('publish', 'publish', 'taskPublish', 0, 6, '09:00', '09:30'),
    make('qna', 'qna', 'taskQna', 0, 8, '10:00'),
    make('live', 'live', 'taskLive', 0, 7, '13:00', '14:30'),
  ];
  for (let day = 1; day <= MONITOR_DAYS; day += 1) {
    tasks.push(make(`monitor-${day}`, 'monitor', 'taskMonitor', day, 10, undefined, undefined, { day }));
  }
  tasks.push(make('feedback', 'feedback', 'taskFeedback', 3, 9));
  tasks.push(make('evaluation', 'evaluation', 'taskEvaluation', evaluationOffset, 11));
  tasks.push(make('record-evaluation', 'record-evaluation', 'taskRecordEvaluation', evaluationOffset, 12));
  // Stable sort: by date, then by time (untimed tasks of a day keep the SOP's order after timed ones).
  return tasks
    .map((task, index) => ({ task, index }))
    .sort(
      (a, b) =>
        a.task.due.ymd.localeCompare(b.task.due.ymd) ||
        (a.task.due.time ?? '99:99').localeCompare(b.task.due.time ?? '99:99') ||
        a.index - b.index,
    )
    .map(({ task }) => task);
}

export interface EngagementFigures {
  views?: number | null;
  likes?: number | null;
  comments?: number | null;
  saves?: number | null;
  shares?: number | null;
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** DESIGN §4: (likes + comments + saves + shares) / views; null when views are unknown or 0. */
export function engagementRate(figures: EngagementFigures): number | null {
  const views = figures.views;
  if (typeof views !== 'number' || !Number.isFinite(views) || views <= 0) return null;
  return (
    (count(figures.likes) + count(figures.comments) + count(figures.saves) + count(figures.shares)) / views
  );
}

/** Whether a task is late on `todayYmd` (due before today and not done). */
export function isTaskOverdue(dueYmd: string, todayYmd: string, done: boolean): boolean {
  return !done && dueYmd < todayYmd;
}

// ---- Settings, topics, speakers and reminders (DESIGN §4) ----

/** A weekday setting (`Minggu`, `Kamis`, `7`); null when it is not exactly one day. */
export function parseWeekday(text: string): number | null {
  const days = parseWorkDays(text);
  return days && days.length === 1 ? days[0] : null;
}

/** The settings of the content programme from the `Pengaturan` texts, with the SOP defaults. */
export function contentSettingsFrom(values: {
  publicationWeekday?: string;
  evaluationWeekday?: string;
  evaluationMinDays?: string;
  themeRule?: string;
}): ContentSettings {
  const d = DEFAULT_CONTENT_SETTINGS;
  const minDays = Number((values.evaluationMinDays ?? '').trim());
  const rule = (values.themeRule ?? '').trim().toLowerCase();
  return {
    ...d,
    publicationWeekday: parseWeekday(values.publicationWeekday ?? '') ?? d.publicationWeekday,
    evaluationWeekday: parseWeekday(values.evaluationWeekday ?? '') ?? d.evaluationWeekday,
    evaluationMinDays:
      (values.evaluationMinDays ?? '').trim() !== '' &&
      Number.isInteger(minDays) &&
      minDays >= 0 &&
      minDays <= 30
        ? minDays
        : d.evaluationMinDays,
    themeRule: isThemeRule(rule) ? rule : 'iso',
  };
}

/** Compares topic and speaker names: case, spacing and punctuation do not matter. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) !== '' && norm(a) === norm(b);
}

export interface BankTopic {
  /** Sheet row (the team's order). */
  row: number;
  topic: string;
  theme: string;
  status: string;
}

/**
 * The next unused topic of a theme, in the team's own order (sheet order): not marked `Dipakai`
 * and not already on the calendar (so a topic is never used twice, even when its mark was lost).
 */
export function nextTopic(
  bank: readonly BankTopic[],
  theme: Bidang,
  onCalendar: readonly string[],
): BankTopic | null {
  for (const t of bank) {
    if (!t.topic.trim() || !sameName(t.theme, theme)) continue;
    if (sameName(t.status, TOPIC_STATUS.used)) continue;
    if (onCalendar.some((c) => sameName(c, t.topic))) continue;
    return t;
  }
  return null;
}

/** When the ISO rule gives two weeks in a row the same theme (after a 53-week year). */
export function themeRepeat(
  pubYmd: string,
  settings: ContentSettings,
): { theme: Bidang; previousWeek: string; week: string; year: number } | null {
  const { theme, repeated } = publicationTheme(pubYmd, settings);
  if (!repeated) return null;
  const previous = addDays(pubYmd, -7);
  return {
    theme,
    previousWeek: isoWeekLabel(previous),
    week: isoWeekLabel(pubYmd),
    year: isoWeek(previous).year,
  };
}

export interface Speaker {
  row: number;
  name: string;
  organisation: string;
  /** `Jenis`: Koperasi or UKM. */
  kind: string;
  position: string;
  contact: string;
  contactStatus: string;
  /** `Terakhir Tampil` as `yyyy-mm-dd`, '' when never. */
  lastFeatured: string;
}

/** DESIGN §4 Speakers: "no one is asked twice too soon": not within this many days. */
export const SPEAKER_REST_DAYS = 90;

export interface SpeakerSuggestion extends Speaker {
  /** The date nearest to the publication the speaker was (or is planned to be) featured, or ''. */
  featured: string;
}

/**
 * Speakers of the publication's theme not featured within `restDays` of it (before or after:
 * upcoming calendar rows count), least recently featured first, never-featured first of all,
 * then in sheet order. `calendar` lists the speaker named on each calendar row with its date.
 */
export function suggestSpeakers(
  speakers: readonly Speaker[],
  theme: Bidang,
  pubYmd: string,
  calendar: readonly { speaker: string; ymd: string }[],
  restDays = SPEAKER_REST_DAYS,
): SpeakerSuggestion[] {
  const out: SpeakerSuggestion[] = [];
  for (const s of speakers) {
    if (!s.name.trim() || !sameName(s.kind, theme) || sameName(s.contactStatus, SPEAKER_STATUS.declined))
      continue;
    const dates = calendar.filter((c) => speakerNamed(c.speaker, s)).map((c) => c.ymd);
    if (s.lastFeatured) dates.push(s.lastFeatured);
    const nearest = dates.reduce<string>(
      (best, ymd) =>
        !best || Math.abs(daysBetween(ymd, pubYmd)) < Math.abs(daysBetween(best, pubYmd)) ? ymd : best,
      '',
    );
    if (nearest && Math.abs(daysBetween(nearest, pubYmd)) < restDays) continue;
    const latest =
      dates
        .filter((ymd) => ymd <= pubYmd)
        .sort()
        .pop() ?? '';
    out.push({ ...s, featured: latest });
  }
  return out
    .map((s, index) => ({ s, index }))
    .sort((a, b) => a.s.featured.localeCompare(b.s.featured) || a.index - b.index)
    .map(({ s }) => s);
}

/** How the calendar names a speaker: `Nama (Organisasi)`. */
export function speakerLabel(s: Pick<Speaker, 'name' | 'organisation'>): string {
  return s.organisation.trim() ? `${s.name.trim()} (${s.organisation.trim()})` : s.name.trim();
}

/** Whether a calendar's `Narasumber` text names this speaker (by name or label). */
export function speakerNamed(text: string, s: Pick<Speaker, 'name' | 'organisation'>): boolean {
  return sameName(text, s.name) || sameName(text, speakerLabel(s));
}

/** Epoch ms of a task's due time: its start time, or the start of the day when it has none. */
export function taskDueMs(task: Pick<ContentTask, 'due'>, offset: number): number {
  return localMs(task.due.ymd, task.due.time ?? '00:00', offset);
}

/** Idempotency key of a task row (`Tugas.Kode`): `KONTEN-2026-W47/design`. */
export function taskCode(contentId: string, taskKey: string): string {
  return `${contentId}/${taskKey}`;
}

/**
 * The morning reminder (DESIGN §4): due on a working day at `hour`, once a day. Returns the next
 * moment a reminder is due at or after `now`, given the last local date one was sent.
 */
export function nextReminderAt(now: number, hour: number, hours: ServiceHours, lastSentYmd: string): number {
  const today = localDateKey(now, hours.offset);
  for (let i = 0; i <= 400; i += 1) {
    const ymd = addDays(today, i);
    if (ymd === lastSentYmd || !isWorkingDay(ymd, hours)) continue;
    return Math.max(now, localMs(ymd, Math.round(hour * 60), hours.offset));
  }
  throw new RangeError('no working day within 400 days');
}

/** The first working day after `ymd`. */
export function nextWorkingDay(ymd: string, hours: ServiceHours): string {
  for (let i = 1; i <= 400; i += 1) {
    const day = addDays(ymd, i);
    if (isWorkingDay(day, hours)) return day;
  }
  throw new RangeError('no working day within 400 days');
}

export interface ReminderTask {
  contentId: string;
  task: string;
  team: string;
  /** Local due date `yyyy-mm-dd` and time `HH:MM` ('' when none). */
  dueYmd: string;
  dueTime: string;
  done: boolean;
}

/**
 * The lines of one morning's reminders, per team: tasks not done that are overdue (due before
 * today) or due before the next working morning (so Friday's email also names Saturday's and
 * Sunday's tasks, like the publication on Sunday). Teams without such tasks are absent.
 */
export function reminderDigest(
  tasks: readonly ReminderTask[],
  todayYmd: string,
  hours: ServiceHours,
): Map<string, { overdue: ReminderTask[]; due: ReminderTask[] }> {
  const until = nextWorkingDay(todayYmd, hours);
  const byTeam = new Map<string, { overdue: ReminderTask[]; due: ReminderTask[] }>();
  const order = (a: ReminderTask, b: ReminderTask): number =>
    a.dueYmd.localeCompare(b.dueYmd) || (a.dueTime || '99:99').localeCompare(b.dueTime || '99:99');
  for (const t of [...tasks].sort(order)) {
    if (t.done || !t.team.trim() || !t.dueYmd || t.dueYmd >= until) continue;
    const entry = byTeam.get(t.team) ?? { overdue: [], due: [] };
    (t.dueYmd < todayYmd ? entry.overdue : entry.due).push(t);
    byTeam.set(t.team, entry);
  }
  return byTeam;
}

// ---- The rotation (DESIGN §4 Rotation) -----------------------------------------------------------

/** A row of `Kalender Konten` as the rotation reads it. */
export interface CalendarEntry {
  row: number;
  id: string;
  /** Publication date `yyyy-mm-dd` ('' when unreadable). */
  ymd: string;
  theme: string;
  topic: string;
  speaker: string;
  status: string;
  note: string;
}

/** A publication from today to H-14 ahead, as planned after a run. */
export interface PlannedPublication {
  contentId: string;
  /** `yyyy-mm-dd`. */
  date: string;
  theme: Bidang;
  topic: string;
  speaker: string;
  /** `Direncanakan`, `Topik habis`, or what the team set. */
  status: string;
  /** What this run did: 'dibuat' (new row), 'diisi' (topic found for a waiting row), '' (nothing). */
  change: 'dibuat' | 'diisi' | '';
}

export interface RotationInput {
  /** Local date `yyyy-mm-dd` of the run. */
  today: string;
  settings: ContentSettings;
  /** UTC offset of the office's zone in minutes (publication and due times). */
  offset: number;
  calendar: readonly CalendarEntry[];
  bank: readonly BankTopic[];
  speakers: readonly Speaker[];
  /** ID Konten of the publications that have their tasks already. */
  withTasks: ReadonlySet<string>;
  /** The team's text overrides (notes and task names). */
  overrides?: MessageOverrides;
}

/** What the rotation writes: new and changed calendar rows, used topics, new tasks. */
export interface RotationPlan {
  publications: PlannedPublication[];
  newRows: {
    id: string;
    /** Midnight of the publication day (epoch ms). */
    publishMs: number;
    isoWeek: string;
    theme: Bidang;
    topic: string;
    speaker: string;
    status: string;
    note: string;
  }[];
  rowUpdates: { row: number; changes: { topic: string; status: string; note: string; speaker?: string } }[];
  /** Rows of `Bank Topik` to mark `Dipakai`, with the ISO week, in the order they were taken. */
  marks: { row: number; week: string }[];
  tasks: { contentId: string; task: string; team: GroupName; dueMs: number; status: string; key: string }[];
  /** Publications left without a topic because the bank has none of the theme. */
  exhausted: { pub: string; theme: Bidang }[];
  created: number;
  filled: number;
  noTopic: number;
}

/** The state of one planning run: copies of what it changes, and the plan so far. */
interface Planner {
  input: RotationInput;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  bank: BankTopic[];
  onCalendar: string[];
  featured: { speaker: string; ymd: string }[];
  withTasks: Set<string>;
  marks: Map<number, string>;
  plan: RotationPlan;
}

/** The theme's next unused topic, marked used for the publication's week; null when none is left. */
function take(p: Planner, theme: Bidang, pub: string): BankTopic | null {
  const topic = nextTopic(p.bank, theme, p.onCalendar);
  if (!topic) return null;
  topic.status = TOPIC_STATUS.used;
  p.onCalendar.push(topic.topic);
  p.marks.set(topic.row, isoWeekLabel(pub));
  return topic;
}

/** The first speaker suggested for the publication (then counted as featured), or ''. */
function suggest(p: Planner, theme: Bidang, pub: string): string {
  const first = suggestSpeakers(p.input.speakers, theme, pub, p.featured)[0];
  if (!first) return '';
  const label = speakerLabel(first);
  p.featured.push({ speaker: label, ymd: pub });
  return label;
}

/** No calendar row yet: a row with the next topic (or `Topik habis`) and a speaker. */
function createRow(p: Planner, pub: string, planned: PlannedPublication): void {
  const { theme, contentId: id } = planned;
  const topic = take(p, theme, pub);
  const speaker = suggest(p, theme, pub);
  const repeat = themeRepeat(pub, p.input.settings);
  const repeatNote = repeat
    ? p.t('themeRepeatNote', { theme: repeat.theme, previousWeek: repeat.previousWeek, year: repeat.year })
    : '';
  const note = [repeatNote, topic ? '' : p.t('calendarNoTopic', { theme })].filter(Boolean).join(' ');
  const status = topic ? CONTENT_STATUS.planned : CONTENT_STATUS.noTopic;
  p.plan.newRows.push({
    id,
    publishMs: localMs(pub, '00:00', p.input.offset),
    isoWeek: isoWeekLabel(pub),
    theme,
    topic: topic ? topic.topic : '',
    speaker,
    status,
    note,
  });
  Object.assign(planned, { topic: topic ? topic.topic : '', speaker, status, change: 'dibuat' });
  p.plan.created++;
  if (!topic) p.plan.exhausted.push({ pub, theme });
}

/** A row waiting for topics: filled as soon as the bank has one; only our own sentence leaves the note. */
function fillRow(p: Planner, entry: CalendarEntry, pub: string, planned: PlannedPublication): void {
  const { theme } = planned;
  const topic = take(p, theme, pub);
  if (!topic) return;
  const note = entry.note.replace(p.t('calendarNoTopic', { theme }), '').trim();
  const changes: RotationPlan['rowUpdates'][number]['changes'] = {
    topic: topic.topic,
    status: CONTENT_STATUS.planned,
    note,
  };
  const speaker = entry.speaker || suggest(p, theme, pub);
  if (!entry.speaker && speaker) changes.speaker = speaker;
  p.plan.rowUpdates.push({ row: entry.row, changes });
  Object.assign(planned, { topic: topic.topic, speaker, status: CONTENT_STATUS.planned, change: 'diisi' });
  p.plan.filled++;
}

/** A row naming a bank topic whose mark was lost (a crash between the two writes): mark it again. */
function repairMark(p: Planner, entry: CalendarEntry, pub: string): void {
  const used = p.bank.find((x) => sameName(x.topic, entry.topic) && !sameName(x.status, TOPIC_STATUS.used));
  if (!used) return;
  used.status = TOPIC_STATUS.used;
  p.marks.set(used.row, isoWeekLabel(pub));
}

/** The publication's tasks, once per publication. */
function addTasks(p: Planner, pub: string, id: string): void {
  if (p.withTasks.has(id)) return;
  p.withTasks.add(id);
  for (const task of contentTasks(pub, p.input.settings, p.input.overrides)) {
    p.plan.tasks.push({
      contentId: id,
      task: task.task,
      team: task.team,
      dueMs: taskDueMs(task, p.input.offset),
      status: TASK_STATUS.open,
      key: taskCode(id, task.key),
    });
  }
}

/**
 * DESIGN §4 Rotation, for every publication whose H-14 has come and whose day has not passed: a
 * new row (`createRow`), a waiting row filled (`fillRow`) or a lost mark repaired (`repairMark`),
 * and the publication's tasks once (`addTasks`). Pure: the inputs are not changed.
 */
export function planRotation(input: RotationInput): RotationPlan {
  const { calendar, overrides } = input;
  const p: Planner = {
    input,
    t: (key, vars) => render(key, vars, overrides),
    bank: input.bank.map((topic) => ({ ...topic })),
    onCalendar: calendar.map((e) => e.topic).filter((x) => x !== ''),
    featured: calendar.filter((e) => e.speaker && e.ymd).map((e) => ({ speaker: e.speaker, ymd: e.ymd })),
    withTasks: new Set(input.withTasks),
    marks: new Map(),
    plan: {
      publications: [],
      newRows: [],
      rowUpdates: [],
      marks: [],
      tasks: [],
      exhausted: [],
      created: 0,
      filled: 0,
      noTopic: 0,
    },
  };
  for (const pub of publicationsToPlan(input.today, input.settings)) {
    const id = contentIdFor(pub);
    const entry = calendar.find((e) => e.id === id);
    const planned: PlannedPublication = {
      contentId: id,
      date: pub,
      theme: publicationTheme(pub, input.settings).theme,
      topic: entry?.topic ?? '',
      speaker: entry?.speaker ?? '',
      status: entry?.status ?? '',
      change: '',
    };
    if (!entry) createRow(p, pub, planned);
    else if (!entry.topic && sameName(entry.status, CONTENT_STATUS.noTopic)) fillRow(p, entry, pub, planned);
    else if (entry.topic) repairMark(p, entry, pub);
    addTasks(p, pub, id);
    if (sameName(planned.status, CONTENT_STATUS.noTopic)) p.plan.noTopic++;
    p.plan.publications.push(planned);
  }
  p.plan.marks = [...p.marks].map(([row, week]) => ({ row, week }));
  return p.plan;
}
